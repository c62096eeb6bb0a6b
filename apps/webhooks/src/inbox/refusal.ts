import { Effect } from "effect"

/** Failures that are the system's, not the event's: the delivery is not recorded, so the sender retries it. */
const infrastructure = new Set(["PersistenceError", "SqlError", "ConcurrencyConflict", "ClaimedElsewhere"])

export interface Refusal {
  readonly code: string
  readonly message: string
}

/** A domain refusal (any tagged error with a message, from the core or the receiver) to record, or the failure to pass on. */
export const classify = (error: unknown): Effect.Effect<Refusal, unknown> => {
  const tagged = error as { readonly _tag?: unknown; readonly message?: unknown }
  if (typeof tagged?._tag === "string" && typeof tagged.message === "string" && !infrastructure.has(tagged._tag)) {
    return Effect.succeed({ code: tagged._tag, message: tagged.message })
  }
  return Effect.fail(error)
}
