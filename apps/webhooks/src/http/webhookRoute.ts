import { createHash } from "node:crypto"
import type { RateLimit, RateLimiter } from "@carepanel/app-kit"
import { Effect } from "effect"
import type { Hono } from "hono"
import { findSource, secretsOf, type SourcesFile } from "../config/sources.js"
import type { Answer } from "../inbox/answer.js"
import { bodyLimit } from "./bodyLimit.js"
import { respond, tooLarge, tooManyRequests, tryAgain, unauthorised, unsupportedType } from "./respond.js"
import type { Runner } from "./runner.js"
import { verifySignature } from "./verifySignature.js"

export interface WebhookRouteOptions {
  readonly sources: SourcesFile
  readonly bodyLimitBytes: number
  readonly run: Runner
  /** Milliseconds since the epoch, for the timestamp tolerance (tests move it to the specification's vector). */
  readonly now: () => number
  /** Verified deliveries one source may send per window, across every receiver on the store. */
  readonly sourceRateLimit: RateLimit
  /** The shared counts the limit is taken from (startApp flushes them). */
  readonly limiter: RateLimiter
}

const isJson = (contentType: string | undefined) => /^application\/json\s*(;\s*charset="?utf-8"?\s*)?$/i.test(contentType?.trim() ?? "")

/**
 * `POST /webhooks/{authority}/{source}`, in this order: the body limit (413, from Content-Length before
 * reading, and while reading when there is none), the content type (415), the signature over the raw bytes
 * (401, the same for every failed check), the source's rate limit (429 with Retry-After: counted after the signature,
 * so nobody without the secret can use up a source's allowance), then the runner: an earlier answer to this id, the event's shape (422, or 403 for a type the source may not send),
 * then `applyDelivery`, exactly once. No body is ever logged.
 */
export const webhookRoute = (app: Hono, options: WebhookRouteOptions) => {
  const { limiter } = options
  return app.post(
    "/webhooks/:authority/:source",
    bodyLimit(options.bodyLimitBytes, (c) => respond(c, tooLarge(options.bodyLimitBytes))),
    async (c) => {
      const { authority, source: sourceId } = c.req.param()
      const annotate = { authority, source: sourceId }
      if (!isJson(c.req.header("content-type"))) return respond(c, unsupportedType)
      const body = new Uint8Array(await c.req.arrayBuffer())
      const source = findSource(options.sources, authority, sourceId)
      const headers = { id: c.req.header("webhook-id"), timestamp: c.req.header("webhook-timestamp"), signature: c.req.header("webhook-signature") }
      const verified = verifySignature(headers, body, source === undefined ? [] : secretsOf(source), Math.floor(options.now() / 1000))
      if (verified === undefined || source === undefined) {
        options.run.log(Effect.logWarning("delivery rejected: not verified").pipe(Effect.annotateLogs(annotate)))
        return respond(c, unauthorised)
      }
      const admitted = limiter.take(`${authority} ${sourceId}`, options.sourceRateLimit)
      if (!admitted.ok) {
        options.run.log(Effect.logWarning("delivery refused: rate limit").pipe(Effect.annotateLogs(annotate)))
        return respond(c, tooManyRequests(admitted.retryAfterSeconds))
      }
      const bodySha256 = createHash("sha256").update(body).digest("hex")
      const answer: Answer = await options.run
        .receive({
          authorityId: authority,
          sourceId,
          sourceRoles: source.roles,
          sourceEvents: source.events,
          deliveryId: verified.deliveryId,
          text: verified.text,
          bodySha256
        })
        .catch(() => tryAgain())
      return respond(c, answer)
    }
  )
}
