import { describe, expect, it } from "@effect/vitest"
import { Effect, Fiber, Layer, TestClock } from "effect"
import { ClockReminders, remindEvery } from "../../src/notifications/ClockReminders.js"
import { PersistenceError } from "../../src/shared/errors.js"
import { AuthorityId } from "../../src/shared/ids.js"
import { keptLogs } from "../outbox/harness.js"

const down = AuthorityId.make("lincolnshire")
const broken = AuthorityId.make("north-somerset")
const fine = AuthorityId.make("knowsley")

/** The run fails for one authority as a database that is down fails, for another as a bug does, and works for a third. */
const reminders = Layer.succeed(
  ClockReminders,
  new ClockReminders({
    remind: (authorityId) =>
      authorityId === down
        ? Effect.fail(new PersistenceError({ operation: "search the records", message: "connection refused" }))
        : authorityId === broken
          ? Effect.die(new TypeError("Cannot read properties of undefined (reading 'due')"))
          : Effect.succeed(2)
  })
)

describe("clock reminders that fail", () => {
  it.effect("a store's failure is one warning line naming the authority and the store's words, a bug an error with its cause, and the others' reminders still run, again next time", () =>
    Effect.gen(function* () {
      const logs = keptLogs()
      const fiber = yield* Effect.fork(remindEvery([down, broken, fine], "5 minutes").pipe(Effect.provide(Layer.merge(reminders, logs.layer))))
      yield* TestClock.adjust("1 minute")
      expect(logs.lines).toEqual([
        { level: "WARN", message: "Clock reminders failed; trying again next time", annotations: { authorityId: down, operation: "search the records", error: "connection refused" } },
        {
          level: "ERROR",
          message: "Clock reminders failed unexpectedly; trying again next time",
          annotations: { authorityId: broken },
          cause: expect.stringContaining("TypeError: Cannot read properties of undefined (reading 'due')")
        }
      ])
      yield* TestClock.adjust("5 minutes")
      expect(logs.lines).toHaveLength(4)
      yield* Fiber.interrupt(fiber)
    })
  )
})
