import { Outbox } from "@carepanel/core"
import { DateTime, type Duration, Effect, Schedule } from "effect"

/**
 * Waits (at most `within`) until the email dispatcher has sent what is due, so the seed's notifications are printed before
 * the start-up banner rather than over it. Entries waiting for a retry do not count: they are not due.
 */
export const outboxSettled = (within: Duration.DurationInput) =>
  Effect.gen(function* () {
    const outbox = yield* Outbox
    const due = DateTime.now.pipe(Effect.flatMap((now) => outbox.due("email", DateTime.formatIso(now), 1)))
    yield* due.pipe(
      Effect.repeat({ schedule: Schedule.spaced("200 millis"), until: (entries) => entries.length === 0 }),
      Effect.timeout(within),
      Effect.ignore
    )
  })
