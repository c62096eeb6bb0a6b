import { Cause, Exit, type ManagedRuntime, Option } from "effect"
import type { AppServices } from "../app/appLayer.js"
import type { Runner } from "./context.js"

/** A failure nobody planned for (a defect, an interruption): masked in the response, logged in full. */
export class UnexpectedFailure extends Error {
  constructor(readonly detail: string) {
    super("Unexpected failure")
    this.name = "UnexpectedFailure"
  }
}

/**
 * Runs an effect on the app's runtime. A typed failure is thrown as itself: the errors plugin turns the
 * domain's refusals into union members, and anything it does not know (a PersistenceError) is masked.
 */
export const makeRunner =
  (runtime: ManagedRuntime.ManagedRuntime<AppServices, unknown>): Runner =>
  async (effect) => {
    const exit = await runtime.runPromiseExit(effect)
    if (Exit.isSuccess(exit)) return exit.value
    const failure = Cause.failureOption(exit.cause)
    if (Option.isSome(failure)) throw failure.value
    throw new UnexpectedFailure(Cause.pretty(exit.cause))
  }
