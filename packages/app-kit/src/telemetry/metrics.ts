import { Metric, MetricBoundaries, MetricLabel } from "effect"

/**
 * Every HTTP request's duration in seconds, by method, route (a template: never the path a client sent) and status;
 * its count is the request rate. Named as OpenTelemetry's HTTP conventions name it.
 */
export const httpRequestDuration = Metric.histogram(
  "http.server.request.duration",
  MetricBoundaries.exponential({ start: 0.001, factor: 2, count: 16 }),
  "HTTP request duration in seconds, by method, route template and status"
)

/** How long an outbox entry waited after it fell due until a dispatcher took it, in seconds, by channel. */
export const outboxLag = Metric.histogram(
  "carepanel.outbox.lag",
  MetricBoundaries.exponential({ start: 0.01, factor: 2, count: 16 }),
  "Seconds an outbox entry waited after it fell due until a dispatcher claimed it, by channel"
)

const methods = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])

export const recordHttpRequest = (request: { readonly method: string | undefined; readonly route: string; readonly status: number; readonly seconds: number }) =>
  httpRequestDuration.unsafeUpdate(request.seconds, [
    MetricLabel.make("http.request.method", methods.has(request.method ?? "") ? request.method! : "_OTHER"),
    MetricLabel.make("http.route", request.route),
    MetricLabel.make("http.response.status_code", String(request.status))
  ])

export const recordOutboxLag = (channel: string, seconds: number) => outboxLag.unsafeUpdate(Math.max(0, seconds), [MetricLabel.make("carepanel.channel", channel)])
