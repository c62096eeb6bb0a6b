import { defaultStoreAnswerSeconds, within } from "@carepanel/app-kit"
import { PersistenceError } from "@carepanel/core"
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

const storeDidNotAnswer = (ms: number) => Exit.fail(new PersistenceError({ operation: "answer", message: `the store did not answer within ${ms / 1000} s` }))

/**
 * Runs an effect on the app's runtime. A typed failure is thrown as itself: the errors plugin turns the
 * domain's refusals into union members, and anything it does not know (a PersistenceError) is masked.
 *
 * An effect not done within `answerWithinMs` fails as the store's failure (STORE_FAILED, 503): a database that stops
 * answering without refusing (a network partition) would otherwise leave the person waiting until the operating
 * system gives the connection up, a quarter of an hour later. The effect itself is left to finish or fail on its own
 * (a statement in flight cannot be called back), so a change may still be saved: the answer says so.
 */
export const makeRunner =
  (runtime: ManagedRuntime.ManagedRuntime<AppServices, unknown>, answerWithinMs = defaultStoreAnswerSeconds * 1000): Runner =>
  async (effect) => {
    const exit = await within(answerWithinMs, runtime.runPromiseExit(effect), () => storeDidNotAnswer(answerWithinMs))
    if (Exit.isSuccess(exit)) return exit.value
    const failure = Cause.failureOption(exit.cause)
    if (Option.isSome(failure)) throw failure.value
    throw new UnexpectedFailure(Cause.pretty(exit.cause))
  }
