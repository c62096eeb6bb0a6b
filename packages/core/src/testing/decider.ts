import { Effect, Either } from "effect"
import { type Decider, fold } from "../shared/decider.js"

/**
 * given(events).when(command) for a decider: `events()` returns what it decided (and fails the test with
 * the refusal otherwise); `refusal()` returns the refusal (and fails the test if it decided instead).
 */
export const deciderSpec = <C, E, S, R, X>(decider: Decider<C, E, S, R, X>, context: X) => {
  const spec = {
  given: (history: ReadonlyArray<E>) => ({
    when: (command: C) => {
      const outcome = Effect.runSync(Effect.either(decider.decide(command, fold(decider, history), context)))
      return {
        events: (): ReadonlyArray<E> =>
          Either.getOrElse(outcome, (refusal) => {
            throw new Error(`expected events, got refusal ${JSON.stringify(refusal)}`)
          }),
        refusal: (): R => {
          if (Either.isRight(outcome)) throw new Error(`expected a refusal, got events ${JSON.stringify(outcome.right)}`)
          return outcome.left
        },
        state: (): S => fold(decider, [...history, ...Either.getOrElse(outcome, () => [])])
      }
    }
  }),
  /** Runs commands one after another after `history`, returning all events; a refusal fails the test. */
  play: (commands: ReadonlyArray<C>, history: ReadonlyArray<E> = []): E[] => {
    const events = [...history]
    for (const command of commands) events.push(...spec.given(events).when(command).events())
    return events
  }
  }
  return spec
}
