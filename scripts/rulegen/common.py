"""Helpers shared by the spec modules: series selectors and a spec constructor with defaults."""


def sel(metric, **labels):
    """Series selector for promtool input_series, labels in the given order."""
    if not labels:
        return metric
    return metric + "{" + ",".join('%s="%s"' % (k, v) for k, v in labels.items()) + "}"


def alert(name, category, team, severity, expr, summary, description, dashboard, fire, quiet,
          rb=None, for_=None, also=None):
    spec = {"name": name, "category": category, "team": team, "severity": severity, "expr": expr,
            "summary": summary, "description": description, "dashboard": dashboard,
            "fire": fire, "quiet": quiet}
    if for_:
        spec["for"] = for_
    if rb:
        spec["rb"] = rb
    if also:
        spec["also"] = also
    return spec


def rb(meaning, impact, diagnose, fix, escalate):
    return {"meaning": meaning, "impact": impact, "diagnose": diagnose, "fix": fix, "escalate": escalate}


def node_cpu(instance, idle_per_min, other_mode="user", cpus=1):
    """CPU counters where `idle_per_min` seconds of each minute are idle and the rest is `other_mode`."""
    out = []
    for cpu in range(cpus):
        out.append((sel("node_cpu_seconds_total", instance=instance, job="node", cpu=str(cpu), mode="idle"),
                    "0+%sx60" % idle_per_min))
        out.append((sel("node_cpu_seconds_total", instance=instance, job="node", cpu=str(cpu), mode=other_mode),
                    "0+%sx60" % (60 - idle_per_min)))
    return out


DEV, DBA, ML = "devops", "dba", "mlops"
HOST_DASH = "devops?var-instance={{ $labels.instance }}"


def n(metric, instance="web-1", **labels):
    """A node exporter series of `instance`."""
    return sel(metric, instance=instance, job="node", **labels)
