import { Cause, Exit } from "effect"

export type Outcome<A> = { readonly ok: true; readonly value: A } | { readonly ok: false; readonly message: string }

/** The core's own message for a refusal, on one line; anything without one is said plainly, never as a stack. */
export const messageOf = (error: unknown): string => {
  const message = (error as { readonly message?: unknown } | undefined)?.message
  const text = typeof message === "string" && message.trim() !== "" ? message : "Something went wrong and nothing was saved. Try again."
  return text.replace(/\s+/g, " ").trim()
}

export const outcomeOf = <A, E>(exit: Exit.Exit<A, E>): Outcome<A> =>
  Exit.isSuccess(exit) ? { ok: true, value: exit.value } : { ok: false, message: messageOf(Cause.squash(exit.cause)) }
