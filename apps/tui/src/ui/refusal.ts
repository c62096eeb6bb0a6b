import { Cause, Exit } from "effect"

export type Outcome<A> = { readonly ok: true; readonly value: A } | { readonly ok: false; readonly message: string }

const plainly = "Something went wrong and nothing was saved. Try again."

/** The core's own message for a refusal, on one line; anything without one is said plainly, never as a stack. */
export const messageOf = (error: unknown): string => {
  const message = (error as { readonly message?: unknown } | undefined)?.message
  const text = typeof message === "string" && message.trim() !== "" ? message : plainly
  return text.replace(/\s+/g, " ").trim()
}

/**
 * A refusal (a failure the core declares) is shown in its own words. A defect (a bug, a broken store) is shown by its
 * message only outside production: in production it is said plainly, since its message can quote a record or a query.
 */
export const outcomeOf = <A, E>(exit: Exit.Exit<A, E>, production = false): Outcome<A> => {
  if (Exit.isSuccess(exit)) return { ok: true, value: exit.value }
  const refusal = Cause.failureOption(exit.cause)
  if (refusal._tag === "Some") return { ok: false, message: messageOf(refusal.value) }
  return { ok: false, message: production ? plainly : messageOf(Cause.squash(exit.cause)) }
}
