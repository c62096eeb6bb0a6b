import { DeliveryFailed } from "@carepanel/core"
import { RefusedAddress } from "./guardedLookup.js"

const reasons: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ETIMEDOUT: "connection timed out",
  ENOTFOUND: "host name not found",
  EAI_AGAIN: "host name lookup failed"
}

const certificateProblem = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_SSL|ERR_TLS|HOSTNAME_MISMATCH/

/** The refusal to send to a private or loopback address: permanent, and says how to allow it in development. */
export const refusal = (error: RefusedAddress, authorityId: string, endpoint: string): DeliveryFailed =>
  new DeliveryFailed({
    message:
      `Refusing to send webhooks for ${authorityId} to ${endpoint}: ${error.message}. ` +
      "Only public addresses are allowed; set allowPrivateNetwork: true on this endpoint for development only.",
    permanent: true
  })

/** A request that got no HTTP answer: retried, except a refused address. Never a stack trace. */
export const requestFailure = (cause: unknown, authorityId: string, endpoint: string): DeliveryFailed => {
  if (cause instanceof RefusedAddress) return refusal(cause, authorityId, endpoint)
  const error: NodeJS.ErrnoException = cause instanceof Error ? cause : new Error(String(cause))
  const code = error.code ?? ""
  if (certificateProblem.test(code)) {
    return new DeliveryFailed({ message: `TLS with the webhook endpoint ${endpoint} failed: ${error.message}.` })
  }
  const reason = reasons[code] ?? error.message.replace(/\s+/g, " ")
  return new DeliveryFailed({ message: `Cannot reach the webhook endpoint ${endpoint} for ${authorityId} (${reason}).` })
}
