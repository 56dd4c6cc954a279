"""HTTP service alerts: 5xx ratio, p99 latency, no traffic, restart loops, memory."""
from common import DEV, alert, rb, sel

APP_DASH = "devops?var-instance={{ $labels.instance }}&var-job={{ $labels.job }}"


def app(metric, **labels):
    return sel(metric, instance="web-1", job="app", **labels)


def reqs(ok_per_min, err_per_min):
    return [(app("http_requests_total", code="200", handler="/api", method="GET"), "0+%dx30" % ok_per_min),
            (app("http_requests_total", code="500", handler="/api", method="GET"), "0+%dx30" % err_per_min)]


APPL = {"instance": "web-1", "job": "app"}
ERR = ('sum by (instance, job) (rate(http_requests_total{code=~"5.."}[5m]))\n'
       "/ sum by (instance, job) (rate(http_requests_total[5m])) > %s")
ERR_RB = rb("More than 5% (warning) or 20% (critical) of the HTTP requests an instance served in the last 5 minutes answered 5xx.",
            "Users see errors; the availability SLO burns (see the Slo* alerts).",
            [("Errors by handler and code:", 'sum by (handler, code) (rate(http_requests_total{instance="<instance>",code=~"5.."}[5m]))'),
             ("Is it one instance or all (bad deploy vs bad dependency):", 'sum by (instance) (rate(http_requests_total{code=~"5.."}[5m])) / sum by (instance) (rate(http_requests_total[5m]))'),
             ("Are dependencies healthy:", 'pg_up or redis_up')],
            ["Roll back a recent deploy if errors started with it.",
             "If one instance only, take it out of the load balancer and restart it.",
             "If PostgreSQL/Redis alerts fire, fix those first."],
            "Critical for 10 minutes or SloErrorBudgetBurnFast firing: page the on-call and the service owner.")

SPECS = [
    alert("HttpErrorRatioHigh", "http", DEV, "warning", ERR % "0.05",
          "HTTP 5xx ratio high on {{ $labels.instance }}",
          "{{ $value | humanizePercentage }} of requests on {{ $labels.instance }} ({{ $labels.job }}) fail with 5xx (threshold 5%).",
          APP_DASH, {"series": reqs(900, 100), "at": "15m", "labels": APPL, "value": "10%"},
          {"series": reqs(999, 1), "at": "15m"}, for_="5m", rb=ERR_RB),
    alert("HttpErrorRatioHigh", "http", DEV, "critical", ERR % "0.2",
          "HTTP 5xx ratio critical on {{ $labels.instance }}",
          "{{ $value | humanizePercentage }} of requests on {{ $labels.instance }} ({{ $labels.job }}) fail with 5xx (threshold 20%).",
          APP_DASH, {"series": reqs(600, 400), "at": "15m", "labels": APPL, "value": "40%"},
          {"series": reqs(999, 1), "at": "15m"}, for_="5m", also=["warning"]),
    alert("HttpLatencyP99High", "http", DEV, "warning",
          "histogram_quantile(0.99, sum by (instance, job, handler, le) (rate(http_request_duration_seconds_bucket[5m]))) > 1",
          "p99 latency high on {{ $labels.instance }}{{ $labels.handler }}",
          "99th percentile latency of {{ $labels.handler }} on {{ $labels.instance }} is {{ $value | humanizeDuration }} (threshold 1s).",
          APP_DASH + "&var-handler={{ $labels.handler }}",
          {"series": [(app("http_request_duration_seconds_bucket", handler="/api", method="GET", le="0.5"), "0+50x30"),
                      (app("http_request_duration_seconds_bucket", handler="/api", method="GET", le="2.5"), "0+50x30"),
                      (app("http_request_duration_seconds_bucket", handler="/api", method="GET", le="+Inf"), "0+100x30")],
           "at": "20m", "labels": dict(APPL, handler="/api"), "value": "2.5s", "why": "half the requests slower than 2.5s"},
          {"series": [(app("http_request_duration_seconds_bucket", handler="/api", method="GET", le="0.5"), "0+100x30"),
                      (app("http_request_duration_seconds_bucket", handler="/api", method="GET", le="2.5"), "0+100x30"),
                      (app("http_request_duration_seconds_bucket", handler="/api", method="GET", le="+Inf"), "0+100x30")],
           "at": "20m"}, for_="10m",
          rb=rb("The slowest 1% of requests of a handler take longer than a second (from the http_request_duration_seconds histogram).",
                "Tail latency hurts users and time-outs upstream; often the first sign of saturation.",
                [("p99 per handler:", 'histogram_quantile(0.99, sum by (handler, le) (rate(http_request_duration_seconds_bucket{instance="<instance>"}[5m])))'),
                 ("Request rate (is it load?):", 'sum by (handler) (rate(http_requests_total{instance="<instance>"}[5m]))'),
                 ("Database side:", 'max by (datname) (pg_stat_activity_max_tx_duration)')],
                ["Check CPU and database latency of the same time range; scale out if it is load.",
                 "Roll back a deploy that introduced a slow code path."],
                "Escalate to the service owner if p99 stays above 1 s for 30 minutes.")),
    alert("HttpNoTraffic", "http", DEV, "warning", "sum by (instance, job) (rate(http_requests_total[10m])) == 0",
          "No HTTP traffic on {{ $labels.instance }}",
          "{{ $labels.instance }} ({{ $labels.job }}) served {{ $value }} requests per second over 10 minutes.",
          APP_DASH,
          {"series": [(app("http_requests_total", code="200", handler="/api", method="GET"), "100x30")], "at": "25m",
           "labels": APPL, "value": "0"},
          {"series": reqs(100, 0), "at": "25m"}, for_="10m",
          rb=rb("A web instance that is up served no requests at all for 10 minutes.",
                "Lost capacity; often the load balancer dropped it or DNS points elsewhere.",
                [("Traffic per instance:", 'sum by (instance) (rate(http_requests_total{job="app"}[5m]))'),
                 ("Is the process up:", 'up{instance="<instance>",job="app"}')],
                ["Check the load balancer's backend health for this instance and re-add it.",
                 "Check a recent DNS or routing change."],
                "Escalate if all instances report no traffic (front door outage).")),
    alert("AppRestartLoop", "http", DEV, "warning", 'changes(process_start_time_seconds{job="app"}[15m]) > 2',
          "{{ $labels.instance }} restarts repeatedly",
          "The application process on {{ $labels.instance }} restarted {{ $value }} times in 15 minutes.",
          APP_DASH,
          {"series": [(app("process_start_time_seconds"), "100 100 200 200 300 300 400 400 400")], "at": "8m",
           "labels": APPL, "value": "3"},
          {"series": [(app("process_start_time_seconds"), "100x20")], "at": "8m"},
          rb=rb("process_start_time_seconds changed more than twice in 15 minutes: the app crashes and is restarted.",
                "Requests in flight fail at each crash; warm-up costs capacity.",
                [("Restarts:", 'changes(process_start_time_seconds{instance="<instance>"}[1h])'),
                 ("Memory before crashes (OOM?):", 'process_resident_memory_bytes{instance="<instance>"}'),
                 ("Logs:", "$ ssh <host> journalctl -u <app unit> --since -30min | grep -iE 'panic|exception|fatal'")],
                ["Roll back the last deploy or config change; fix the crash cause from the logs."],
                "Escalate to the service owner if the crash cause is not a config mistake.")),
    alert("AppMemoryHigh", "http", DEV, "warning", 'process_resident_memory_bytes{job="app"} > 1.5e+09',
          "Application memory high on {{ $labels.instance }}",
          "The application on {{ $labels.instance }} uses {{ $value | humanize1024 }}B resident memory (threshold 1.5 GB).",
          APP_DASH,
          {"series": [(app("process_resident_memory_bytes"), "2147483648x30")], "at": "20m", "labels": APPL, "value": "2Gi"},
          {"series": [(app("process_resident_memory_bytes"), "500000000x30")], "at": "20m"}, for_="15m",
          rb=rb("The application's resident memory stayed above 1.5 GB for 15 minutes.",
                "A leak ends in an OOM kill or a restart loop; GC pauses raise latency before that.",
                [("Growth over the day (leak = steady climb):", 'process_resident_memory_bytes{instance="<instance>"}[1d]'),
                 ("Host memory:", 'instance:node_memory_utilisation:ratio{instance="<instance>"}')],
                ["Take a heap dump if possible, then restart the instance to relieve pressure.",
                 "Roll back if the growth started with a deploy."],
                "Escalate to the service owner with the heap dump.")),
]
