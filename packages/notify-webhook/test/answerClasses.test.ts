import { describe, expect, it } from "vitest"
import { requestFailure } from "../src/requestFailure.js"
import { responseFailure } from "../src/responseFailure.js"

const endpoint = "https://cases.north-somerset.example"
const now = Date.parse("2027-06-04T11:00:00Z")

/** What the dispatcher does with an answer: nothing (delivered), give up, or try again (when it may). */
const outcomeOf = (status: number, retryAfter?: string) => {
  const failure = responseFailure(status, retryAfter, now, endpoint)
  if (failure === undefined) return "delivered"
  return failure.permanent === true ? "given up" : "retried"
}

describe("every HTTP status an endpoint can answer, as the dispatcher acts on it", () => {
  it("2xx is delivered; 3xx and 4xx are given up, except 408 and 429; 5xx and anything else are retried", () => {
    const expected = (status: number) => {
      if (status >= 200 && status <= 299) return "delivered"
      if (status === 408 || status === 429) return "retried"
      if (status >= 300 && status <= 499) return "given up"
      return "retried"
    }
    for (let status = 0; status <= 599; status++) expect([status, outcomeOf(status)]).toEqual([status, expected(status)])
  })

  it("only 429 and 503 are held back by Retry-After; the message rounds the wait up to whole seconds", () => {
    for (let status = 100; status <= 599; status++) {
      const failure = responseFailure(status, "30", now, endpoint)
      expect([status, failure?.retryAfterMs]).toEqual([status, status === 429 || status === 503 ? 30_000 : undefined])
    }
    expect(responseFailure(503, "Fri, 04 Jun 2027 11:01:30 GMT", now + 500, endpoint)?.message).toBe(
      `The webhook endpoint ${endpoint} answered 503, asking to retry after 90 s.`
    )
    expect(responseFailure(429, "Fri, 04 Jun 2027 11:01:30 GMT", now - 500, endpoint)?.message).toBe(
      `The webhook endpoint ${endpoint} answered 429, asking to retry after 91 s.`
    )
    expect(responseFailure(503, undefined, now, endpoint)).toMatchObject({ message: `The webhook endpoint ${endpoint} answered 503.` })
    expect(responseFailure(503, undefined, now, endpoint)?.retryAfterMs).toBeUndefined()
  })

  it("says why it gave up or will retry, in words an integrator can act on", () => {
    const messages = [301, 399, 404, 499, 408, 500, 102].map((status) => responseFailure(status, undefined, now, endpoint)?.message)
    expect(messages).toEqual([
      `The webhook endpoint ${endpoint} answered 301 (a redirect): webhooks do not follow redirects, so configure the final URL.`,
      `The webhook endpoint ${endpoint} answered 399 (a redirect): webhooks do not follow redirects, so configure the final URL.`,
      `The webhook endpoint ${endpoint} answered 404: it refused the request.`,
      `The webhook endpoint ${endpoint} answered 499: it refused the request.`,
      `The webhook endpoint ${endpoint} answered 408.`,
      `The webhook endpoint ${endpoint} answered 500.`,
      `The webhook endpoint ${endpoint} answered 102.`
    ])
  })
})

describe("a request that got no answer", () => {
  const failed = (code: string | undefined, message = "socket trouble") =>
    requestFailure(Object.assign(new Error(message), code === undefined ? {} : { code }), "north-somerset", endpoint)

  it("names the network problem in plain words, and is retried", () => {
    const reasons = {
      ECONNREFUSED: "connection refused",
      ECONNRESET: "connection reset",
      EHOSTUNREACH: "host unreachable",
      ENETUNREACH: "network unreachable",
      ETIMEDOUT: "connection timed out",
      ENOTFOUND: "host name not found",
      EAI_AGAIN: "host name lookup failed"
    }
    for (const [code, reason] of Object.entries(reasons)) {
      const failure = failed(code)
      expect(failure.message).toBe(`Cannot reach the webhook endpoint ${endpoint} for north-somerset (${reason}).`)
      expect(failure.permanent).toBeUndefined()
    }
  })

  it("says TLS failed when the certificate is not trusted, and is retried (the endpoint may fix its certificate)", () => {
    for (const code of ["DEPTH_ZERO_SELF_SIGNED_CERT", "CERT_HAS_EXPIRED", "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "ERR_TLS_CERT_ALTNAME_INVALID", "ERR_SSL_WRONG_VERSION_NUMBER"]) {
      const failure = failed(code, "certificate trouble")
      expect([code, failure.message]).toEqual([code, `TLS with the webhook endpoint ${endpoint} failed: certificate trouble.`])
      expect(failure.permanent).toBeUndefined()
    }
  })

  it("falls back to the error's own words on one line, for unknown codes and for things thrown that are not errors", () => {
    expect(failed(undefined, "socket hang up\n   while writing").message).toBe(
      `Cannot reach the webhook endpoint ${endpoint} for north-somerset (socket hang up while writing).`
    )
    expect(failed("EPIPE", "write EPIPE").message).toBe(`Cannot reach the webhook endpoint ${endpoint} for north-somerset (write EPIPE).`)
    expect(requestFailure("aborted", "north-somerset", endpoint).message).toBe(
      `Cannot reach the webhook endpoint ${endpoint} for north-somerset (aborted).`
    )
  })
})
