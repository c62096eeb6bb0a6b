import type { Context } from "hono"
import { type Answer, isProblem, problem } from "../inbox/answer.js"

/** JSON, or `application/problem+json` (RFC 9457) for a problem. */
export const respond = (c: Context, answer: Answer): Response =>
  c.body(JSON.stringify(answer.body), answer.status as 200, {
    "content-type": isProblem(answer) ? "application/problem+json" : "application/json"
  })

/** The one answer to every failed check (unknown source, missing header, stale timestamp, bad signature): no hint which. */
export const unauthorised = problem(401, "unauthorised", "The delivery could not be verified.")
export const tooLarge = (limit: number) => problem(413, "too-large", `The body is larger than ${limit} bytes.`)
export const unsupportedType = problem(415, "unsupported-media-type", "The body must be application/json.")
export const tryAgain = problem(503, "try-again", "The delivery could not be stored just now; please send it again.")
