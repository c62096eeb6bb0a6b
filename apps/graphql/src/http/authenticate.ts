import type { IncomingMessage } from "node:http"
import type { Caller } from "../auth/claims.js"
import type { AuthFailure, Verifier } from "../auth/verifier.js"

const realm = 'Bearer realm="carepanel"'

/** The WWW-Authenticate header for a refusal (RFC 6750): no details when no token was sent. */
export const challengeOf = (failure: AuthFailure | undefined): string =>
  failure === undefined ? realm : `${realm}, error="${failure.error}", error_description="${failure.description.replaceAll('"', "'")}"`

export type Authenticated = { readonly ok: true; readonly caller: Caller } | { readonly ok: false; readonly failure?: AuthFailure }

/** Reads `Authorization: Bearer <jwt>` and verifies it. */
export const authenticate = async (req: IncomingMessage, verify: Verifier): Promise<Authenticated> => {
  const header = req.headers.authorization
  if (header === undefined || header.trim() === "") return { ok: false }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
  if (match === null) {
    return { ok: false, failure: { status: 401, error: "invalid_request", description: "Send the token as Authorization: Bearer <token>." } }
  }
  const result = await verify(match[1]!)
  return result.ok ? result : { ok: false, failure: result.failure }
}
