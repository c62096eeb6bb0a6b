import type { Context } from "hono"
import { type Answer, isProblem, problem } from "../inbox/answer.js"

/** JSON, or `application/problem+json` (RFC 9457) for a problem. */
export const respond = (c: Context, answer: Answer): Response =>
  c.body(JSON.stringify(answer.body), answer.status as 200, {
    "content-type": isProblem(answer) ? "application/problem+json" : "application/json",
    ...(answer.retryAfterSeconds === undefined ? {} : { "retry-after": String(answer.retryAfterSeconds) })
  })

/**
 * The one answer to every failed check (unknown source, missing header, stale timestamp, bad signature): no hint which,
 * but every thing to check, so a sender setting up its side knows what to look at.
 */
export const unauthorised = problem(401, "unauthorised", "The delivery could not be verified.", {
  detail:
    "Check that the URL names your authority and source as Carepanel's sources file does (/webhooks/{authority}/{source}); that webhook-id, webhook-timestamp and webhook-signature are sent; that webhook-timestamp is the time in seconds, within 5 minutes of now; and that webhook-signature is v1, followed by the base64 HMAC-SHA256 of id.timestamp.body (for a decision sheet, the path in place of the body) under one of the source's current secrets (the bytes after whsec_, base64-decoded)."
})
/** Any other address: where deliveries go, for a sender whose URL stops short (`http://host:4100`) or is misspelt. */
export const noSuchRoute = problem(404, "not-found", "There is nothing at this address.", {
  detail: "Deliveries go to POST /webhooks/{authority}/{source}, e.g. /webhooks/wexcombe/mosaic, as named in Carepanel's sources file; GET /health, /ready and /openapi.json answer too."
})
export const tooLarge = (limit: number) => problem(413, "too-large", `The body is larger than ${limit} bytes.`)
export const unsupportedType = problem(415, "unsupported-media-type", "The body must be application/json.")
/** The source sent more verified deliveries than its rate limit allows: nothing was recorded; send it again later. */
export const tooManyRequests = (retryAfterSeconds: number): Answer => ({
  ...problem(429, "too-many-requests", "This source has sent more deliveries than the receiver accepts just now; please send it again after Retry-After seconds."),
  retryAfterSeconds
})

/** Seconds a sender is asked to wait after a store failure that was not only a busy lock. */
const storeFailureRetryAfterSeconds = 5

/**
 * The store failed or was busy (another process held its write lock longer than a write may wait): nothing was
 * recorded, so the sender sends it again, after `Retry-After` seconds.
 */
export const tryAgain = (retryAfterSeconds = storeFailureRetryAfterSeconds): Answer => ({
  ...problem(503, "try-again", "The delivery could not be stored just now; please send it again."),
  retryAfterSeconds
})

/**
 * The store did not answer within `CAREPANEL_STORE_ANSWER_SECONDS` (a network partition: a statement on its way,
 * neither refused nor answered). Unlike `tryAgain`, nothing can be said of what was recorded: the delivery may still be
 * applied once the network is back. Sending it again is safe either way: under the same webhook-id it is applied once,
 * and a repeat is answered as the first was.
 */
export const storeDidNotAnswer = (seconds: number): Answer => ({
  ...problem(503, "try-again", "The store did not answer in time; please send the delivery again with the same webhook-id.", {
    detail: `The store did not answer within ${seconds} s. The delivery may still be applied once it does; sending it again with the same webhook-id is safe: it is applied once, and the repeat is answered as the first delivery was.`
  }),
  retryAfterSeconds: storeFailureRetryAfterSeconds
})

/** A decision sheet the store could not give just now (failed, busy, or not answering in time): nothing else is wrong. */
export const sheetUnavailable = (retryAfterSeconds = storeFailureRetryAfterSeconds): Answer => ({
  ...problem(503, "try-again", "The decision sheet could not be read just now; please fetch it again."),
  retryAfterSeconds
})
