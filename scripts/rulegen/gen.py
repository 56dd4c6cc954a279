#!/usr/bin/env python3
"""Generates rules/prometheus/<category>.yml, their promtool tests and docs/runbooks from one source.

Why one source: an alert, its firing/quiet test cases and its runbook must never drift apart.
The expected annotation values in the tests are written by hand in the specs (``value``); promtool
renders the real Go templates and compares, so a wrong template or threshold fails the test suite.

Usage: python3 scripts/rulegen/gen.py   (from the repository root; needs PyYAML)
"""
import os
import re
import sys

import yaml

sys.path.insert(0, os.path.dirname(__file__))
from specs import (availability, cpu, memory, disk, network, system, http,  # noqa: E402
                   postgres, redis, mlops, slo, selfmon)

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
RULES = os.path.join(ROOT, "rules", "prometheus")
TESTS = os.path.join(RULES, "tests")
RUNBOOKS = os.path.join(ROOT, "docs", "runbooks")

CATEGORY_TITLES = {
    "availability": "Availability", "cpu": "CPU", "memory": "Memory", "disk": "Disk",
    "network": "Network", "system": "System health", "http": "HTTP services",
    "postgres": "PostgreSQL", "redis": "Redis", "mlops": "MLOps", "slo": "SLO burn rate",
    "selfmon": "Prometheus and Alertmanager self-monitoring",
}
CATEGORY_MODULES = [availability, cpu, memory, disk, network, system, http, postgres, redis, mlops, slo,
                    selfmon]
# Rule files a category's test needs besides its own (the SLO alerts read recorded series).
EXTRA_RULE_FILES = {"slo": ["recording.yml"]}


class Literal(str):
    pass


def _literal(dumper, data):
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|")


yaml.add_representer(Literal, _literal)


def render(template, labels, value):
    """Renders the subset of Go templates the rules use, with a hand-written expected value."""
    out = re.sub(r"\{\{\s*\$labels\.(\w+)\s*\}\}", lambda m: labels.get(m.group(1), ""), template)
    return re.sub(r"\{\{\s*(printf \"[^\"]*\" )?\$value[^}]*\}\}", value, out)


def annotations(spec):
    return {
        "summary": spec["summary"],
        "description": spec["description"],
        "runbook_url": "docs/runbooks/%s.md" % spec["name"],
        "dashboard": spec["dashboard"],
    }


def rule(spec):
    r = {"alert": spec["name"], "expr": Literal(spec["expr"].strip() + "\n")}
    if spec.get("for"):
        r["for"] = spec["for"]
    r["labels"] = {"severity": spec["severity"], "team": spec["team"], "category": spec["category"]}
    r["annotations"] = annotations(spec)
    return r


def expected_alert(spec, labels, value):
    exp_labels = dict(labels)
    exp_labels.update({"severity": spec["severity"], "team": spec["team"], "category": spec["category"]})
    anns = {k: render(v, exp_labels, value) for k, v in annotations(spec).items()}
    return {"exp_labels": exp_labels, "exp_annotations": anns}


def series(items):
    return [{"series": s, "values": v} for s, v in items]


def tests_for(spec, by_key):
    fire, quiet = spec["fire"], spec["quiet"]
    expected = [expected_alert(spec, fire["labels"], fire["value"])]
    for sev in spec.get("also", []):
        other = by_key[(spec["name"], sev)]
        expected.append(expected_alert(other, fire["labels"], fire["value"]))
    fired = {
        "name": "%s (%s) fires: %s" % (spec["name"], spec["severity"], fire.get("why", "threshold crossed")),
        "interval": fire.get("interval", "1m"),
        "input_series": series(fire["series"]),
        "alert_rule_test": [{"eval_time": fire["at"], "alertname": spec["name"], "exp_alerts": expected}],
    }
    if quiet is None:  # Watchdog: always fires by design, there is no quiet state to test
        return [fired]
    quiet_test = {
        "name": "%s (%s) stays quiet: %s" % (spec["name"], spec["severity"], quiet.get("why", "healthy values")),
        "interval": quiet.get("interval", fire.get("interval", "1m")),
        "input_series": series(quiet["series"]),
        "alert_rule_test": [{"eval_time": quiet["at"], "alertname": spec["name"], "exp_alerts": []}],
    }
    if "before" in fire:  # the `for` clause: pending is not firing yet
        fired["alert_rule_test"].insert(0, {"eval_time": fire["before"], "alertname": spec["name"],
                                            "exp_alerts": []})
    return [fired, quiet_test]


def runbook(name, spec):
    rb = spec["rb"]
    lines = ["# %s" % name, "",
             "Category: %s · Team: `%s` · Severity: %s · Dashboard: `%s`" % (
                 CATEGORY_TITLES[spec["category"]], spec["team"], spec["severities"],
                 spec["dashboard"].split("?")[0]), "",
             "## What it means", "", rb["meaning"], "",
             "Alert expression:", "", "```promql", spec["expr"].strip(), "```", "",
             "## Impact", "", rb["impact"], "",
             "## Diagnose", ""]
    for text, query in rb["diagnose"]:
        if text:
            lines += [text, ""]
        if query:
            lang = "promql" if not query.startswith("$ ") else "sh"
            body = query[2:] if query.startswith("$ ") else query
            lines += ["```" + lang, body.strip(), "```", ""]
    lines += ["## Fix", ""]
    lines += ["%d. %s" % (i + 1, step) for i, step in enumerate(rb["fix"])]
    lines += ["", "## Escalate", "", rb["escalate"], ""]
    return "\n".join(lines)


def main():
    specs = [s for module in CATEGORY_MODULES for s in module.SPECS]
    by_key = {(s["name"], s["severity"]): s for s in specs}
    if len(by_key) != len(specs):
        sys.exit("duplicate (alert, severity)")
    os.makedirs(TESTS, exist_ok=True)
    os.makedirs(RUNBOOKS, exist_ok=True)
    categories = []
    for s in specs:
        if s["category"] not in categories:
            categories.append(s["category"])
    for cat in categories:
        cat_specs = [s for s in specs if s["category"] == cat]
        doc = {"groups": [{"name": "opsdeck-" + cat, "rules": [rule(s) for s in cat_specs]}]}
        with open(os.path.join(RULES, cat + ".yml"), "w") as f:
            f.write("# Generated by scripts/rulegen/gen.py from scripts/rulegen/specs/<category>.py; edit the specs.\n")
            yaml.dump(doc, f, sort_keys=False, width=120, allow_unicode=True)
        tests = []
        for s in cat_specs:
            tests += tests_for(s, by_key)
        rule_files = ["../" + x for x in EXTRA_RULE_FILES.get(cat, [])] + ["../%s.yml" % cat]
        with open(os.path.join(TESTS, cat + "_test.yml"), "w") as f:
            f.write("# Generated by scripts/rulegen/gen.py; one firing and one quiet case per alert.\n")
            yaml.dump({"rule_files": rule_files, "evaluation_interval": "1m", "tests": tests}, f,
                      sort_keys=False, width=160, allow_unicode=True)
    # Runbooks: one per alert name (severity variants share one, with the first spec's text).
    index = {}
    for s in specs:
        if "rb" not in s:
            continue
        sev = sorted({x["severity"] for x in specs if x["name"] == s["name"]})
        s = dict(s, severities=", ".join(sev))
        with open(os.path.join(RUNBOOKS, s["name"] + ".md"), "w") as f:
            f.write(runbook(s["name"], s))
        index.setdefault(s["category"], []).append((s["name"], s["summary_plain"] if "summary_plain" in s
                                                    else s["rb"]["meaning"].split(".")[0] + "."))
    with open(os.path.join(RUNBOOKS, "README.md"), "w") as f:
        f.write(readme(index, categories))
    print("%d rules, %d categories, %d runbooks" % (len(specs), len(categories),
                                                    sum(len(v) for v in index.values())))


def readme(index, categories):
    out = ["# Runbooks", "",
           "One page per alert, named after the alert: `docs/runbooks/<AlertName>.md`. Every alerting rule in",
           "`rules/prometheus/` carries `runbook_url: docs/runbooks/<AlertName>.md`, a path relative to the",
           "repository root; the OpsDeck console resolves it against its runbook directory (or the repository",
           "URL it is configured with), so the links work offline and in forks.",
           "",
           "Pages are generated from `scripts/rulegen/specs/<category>.py` together with the rules and their promtool",
           "tests; edit the specs and rerun `python3 scripts/rulegen/gen.py`.", ""]
    for cat in categories:
        out += ["## " + CATEGORY_TITLES[cat], ""]
        out += ["- [%s](%s.md): %s" % (n, n, d) for n, d in index.get(cat, [])]
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    main()
