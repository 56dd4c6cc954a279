"""SLO burn-rate alerts: multi-window, multi-burn-rate for a 99.9% availability objective (SRE workbook)."""
from common import DEV, alert, rb, sel


def burn(name, severity, long_w, short_w, factor, for_, meaning, extra):
    """A burn-rate alert over a long and a short window, both above `factor`."""
    expr = ("job:slo_burn_rate:ratio_rate%s > %s\nand job:slo_burn_rate:ratio_rate%s > %s" % (long_w, factor, short_w, factor))
    return alert(name, "slo", DEV, severity, expr,
                 "{{ $labels.job }} burns its error budget %sx too fast" % factor,
                 "{{ $labels.job }} burns its 30-day error budget at {{ $value | humanize }}x over %s (and above %sx over %s); 99.9%% availability objective." % (long_w, factor, short_w),
                 "executive?var-job={{ $labels.job }}", extra["fire"], extra["quiet"], for_=for_,
                 rb=rb(meaning + " Multi-window, multi-burn-rate alert from the Google SRE workbook for a 99.9% availability SLO (error budget 0.1% of requests over 30 days).",
                       "At %sx, the whole 30-day budget is gone in %s. Users already see errors." % (factor, extra["gone"]),
                       [("This alert's two windows:", 'job:slo_burn_rate:ratio_rate%s{job="<job>"}\njob:slo_burn_rate:ratio_rate%s{job="<job>"}' % (long_w, short_w)),
                        ("Burn rates of all windows (recorded):", '{__name__=~"job:slo_burn_rate:ratio_rate.*",job="<job>"}'),
                        ("Budget left for the month:", 'job:slo_error_budget_remaining:ratio_30d{job="<job>"}'),
                        ("Where the errors come from:", 'sum by (instance, handler, code) (rate(http_requests_total{job="<job>",code=~"5.."}[%s]))' % short_w)],
                       extra["fix"], extra["escalate"]))


def slo_series(ok_per_min, err_per_min, n):
    return [(sel("http_requests_total", instance="web-1", job="app", code="200", handler="/api", method="GET"), "0+%dx%d" % (ok_per_min, n)),
            (sel("http_requests_total", instance="web-1", job="app", code="503", handler="/api", method="GET"), "0+%dx%d" % (err_per_min, n))]


APPJ = {"job": "app"}
QUIET_SLO = {"series": slo_series(99995, 5, 300), "interval": "1m", "at": "4h", "why": "0.005% errors"}

SPECS = [
    burn("SloErrorBudgetBurnFast", "critical", "1h", "5m", "14.4", "2m",
         "The error rate is 14.4 times what the SLO allows over the last hour and still over the last 5 minutes (2% of the budget spent in an hour).",
         {"fire": {"series": slo_series(980, 20, 120), "at": "70m", "labels": APPJ, "value": "20", "why": "2% errors"},
          "quiet": QUIET_SLO, "gone": "about 2 days",
          "fix": ["Roll back the last deploy/config change first, investigate later.", "Check HttpErrorRatioHigh and dependency alerts for the failing instances."],
          "escalate": "Page: this is the fastest burn; involve the service owner immediately."}),
    burn("SloErrorBudgetBurnMedium", "critical", "6h", "30m", "6", "15m",
         "The error rate is 6 times what the SLO allows over 6 hours and still over the last 30 minutes (5% of the budget in 6 hours).",
         {"fire": {"series": slo_series(9900, 100, 400), "at": "6h", "labels": APPJ, "value": "10", "why": "1% errors"},
          "quiet": QUIET_SLO, "gone": "5 days",
          "fix": ["Find when the errors started (the 6h window) and what changed then.", "Roll back or fail over the failing component."],
          "escalate": "Page the on-call; involve the service owner."}),
    burn("SloErrorBudgetBurnSlow", "warning", "1d", "2h", "3", "1h",
         "The error rate is 3 times what the SLO allows over a day and still over the last 2 hours (10% of the budget in a day).",
         {"fire": {"series": slo_series(9950, 50, 300), "interval": "5m", "at": "1d", "labels": APPJ, "value": "5", "why": "0.5% errors"},
          "quiet": QUIET_SLO, "gone": "10 days",
          "fix": ["Open a ticket; find the handlers and instances contributing errors and fix the cause within the working day."],
          "escalate": "Ticket for the owning team; escalate if it turns into a medium burn."}),
    burn("SloErrorBudgetBurnVerySlow", "warning", "3d", "6h", "1", "3h",
         "The error rate exceeds what the SLO allows over 3 days and still over the last 6 hours: the budget will be gone by the end of the 30-day window.",
         {"fire": {"series": slo_series(9980, 20, 900), "interval": "5m", "at": "3d", "labels": APPJ, "value": "2", "why": "0.2% errors"},
          "quiet": QUIET_SLO, "gone": "30 days or less",
          "fix": ["Ticket: review the error budget policy; prioritise reliability work over features until the burn stops."],
          "escalate": "Product and engineering leads via the weekly SLO review."}),
    alert("SloErrorBudgetExhausted", "slo", DEV, "warning", "job:slo_error_budget_remaining:ratio_30d < 0",
          "{{ $labels.job }} has spent its 30-day error budget",
          "{{ $labels.job }} has {{ $value | humanizePercentage }} of its 30-day error budget left (99.9% objective).",
          "executive?var-job={{ $labels.job }}",
          {"series": slo_series(980, 20, 60), "at": "30m", "labels": APPJ, "value": "-1900%"},
          {"series": slo_series(99995, 5, 60), "at": "30m"}, for_="5m",
          rb=rb("More than 0.1% of the requests in the last 30 days failed: the availability objective is missed for the window.",
                "The SLO is breached; by the error budget policy, risky changes freeze until the budget recovers.",
                [("Budget left:", 'job:slo_error_budget_remaining:ratio_30d{job="<job>"}'),
                 ("30-day availability:", 'job:slo_availability:ratio_rate30d{job="<job>"}'),
                 ("Biggest error contributors over the window:", 'topk(5, sum by (handler, code) (increase(http_requests_total{job="<job>",code=~"5.."}[30d])))')],
                ["Apply the error budget policy: freeze feature deploys, work on the top error contributors."],
                "Inform product and engineering leads; no page.")),
]
