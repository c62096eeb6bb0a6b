import { Cause } from "effect"

/** The message of a failed background effect: its error's, or the defect's. */
export const failureMessage = (cause: Cause.Cause<{ readonly message: string }>): string => {
  const squashed = Cause.squash(cause)
  return squashed instanceof Error ? squashed.message : String((squashed as { message?: unknown })?.message ?? squashed)
}
