import { DeliveryFailed } from "@carepanel/core"

/** Retry-After as milliseconds from `nowMs`: delay-seconds or an HTTP-date; undefined if absent or unreadable. */
export const retryAfterMs = (header: string | undefined, nowMs: number): number | undefined => {
  const value = header?.trim()
  if (value === undefined || value === "") return undefined
  if (/^\d+$/.test(value)) return Number(value) * 1_000
  const date = /^[A-Za-z]{3,9},? /.test(value) ? Date.parse(value) : Number.NaN
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs)
}

/**
 * What an endpoint's answer means for delivery: undefined for 2xx; 410 Gone, redirects and other 4xx are
 * permanent (retrying sends the same request again), except 408 and 429; 429 and 503 carry Retry-After;
 * 5xx and anything else are retried.
 */
export const responseFailure = (
  status: number,
  retryAfter: string | undefined,
  nowMs: number,
  endpoint: string
): DeliveryFailed | undefined => {
  if (status >= 200 && status < 300) return undefined
  const answered = `The webhook endpoint ${endpoint} answered ${status}`
  if (status === 410) {
    return new DeliveryFailed({ message: `${answered} (Gone): it no longer takes these webhooks.`, permanent: true })
  }
  if (status === 429 || status === 503) {
    const wait = retryAfterMs(retryAfter, nowMs)
    return new DeliveryFailed({
      message: `${answered}${wait === undefined ? "" : `, asking to retry after ${Math.ceil(wait / 1_000)} s`}.`,
      ...(wait === undefined ? {} : { retryAfterMs: wait })
    })
  }
  if (status >= 300 && status < 400) {
    return new DeliveryFailed({
      message: `${answered} (a redirect): webhooks do not follow redirects, so configure the final URL.`,
      permanent: true
    })
  }
  if (status >= 400 && status < 500 && status !== 408) {
    return new DeliveryFailed({ message: `${answered}: it refused the request.`, permanent: true })
  }
  return new DeliveryFailed({ message: `${answered}.` })
}
