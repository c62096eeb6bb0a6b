import { test } from "@fast-check/vitest"
import { DateTime, Effect, Either } from "effect"
import fc from "fast-check"
import { describe, expect } from "vitest"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { londonDateOf } from "../../src/calendar/londonTime.js"
import type { ChildRecord } from "../../src/childRecord/ChildRecord.js"
import { childRecordClocks } from "../../src/childRecord/childRecordClocks.js"
import type { ChildRecordCommand } from "../../src/childRecord/ChildRecordCommands.js"
import { childRecordDecider } from "../../src/childRecord/ChildRecordDecider.js"
import type { ChildRecordEvent } from "../../src/childRecord/ChildRecordEvents.js"
import type { WithdrawableEntry } from "../../src/childRecord/WithdrawableEntry.js"
import { preset } from "../../src/policy/authorities/index.js"
import { fold } from "../../src/shared/decider.js"
import { london } from "../fixtures.js"
import { cmd } from "./fixtures.js"

const policy = preset("north-somerset")
const context = { policy, calendar: englandAndWales }
const hour = 3_600_000
const plus = (instant: DateTime.Utc, millis: number) => DateTime.unsafeMake(DateTime.toEpochMillis(instant) + millis)

/** One thing a social worker records, `hours` after the step before it (recorded an hour after it happened). */
const stepArb = fc.record({
  hours: fc.integer({ min: 1, max: 24 * 40 }),
  what: fc.oneof(
    fc.constant({ _tag: "RecordLegalStatus", code: "C2" } as const),
    fc.constant({ _tag: "RecordLookedAfterReview", iroName: "Imogen Reyes" } as const),
    fc.constant({ _tag: "RecordLookedAfterEnded", reason: "Returned home to her mother" } as const),
    fc.record({ _tag: fc.constant("RecordSecureAccommodation" as const), hours: fc.integer({ min: 1, max: 80 }) }),
    fc.record({ _tag: fc.constant("RecordSecureAccommodationCourtAuthority" as const), before: fc.integer({ min: 0, max: 200 }), after: fc.integer({ min: 1, max: 24 * 30 }) }),
    fc.constant({ _tag: "RecordSecretaryOfStateApproval" } as const),
    fc.constant({ _tag: "RecordChildDeath" } as const)
  )
})
type Step = typeof stepArb extends fc.Arbitrary<infer S> ? S : never

const commandOf = ({ what }: Step, when: DateTime.Utc): ChildRecordCommand => {
  const recorded = plus(when, hour)
  switch (what._tag) {
    case "RecordLegalStatus":
      return cmd({ ...what, from: when }, recorded)
    case "RecordLookedAfterReview":
      return cmd({ ...what, heldAt: when }, recorded)
    case "RecordLookedAfterEnded":
      return cmd({ ...what, endedAt: when }, recorded)
    case "RecordSecureAccommodation":
      return cmd({ _tag: what._tag, startedAt: when, endedAt: plus(when, what.hours * hour) }, plus(when, what.hours * hour))
    case "RecordSecureAccommodationCourtAuthority":
      return cmd({ _tag: what._tag, from: plus(when, -what.before * hour), until: plus(when, what.after * hour) }, recorded)
    case "RecordSecretaryOfStateApproval":
      return cmd({ _tag: what._tag, approvedAt: when }, recorded)
    case "RecordChildDeath":
      return cmd({ _tag: what._tag, diedOn: londonDateOf(when) }, recorded)
  }
}

/** What each accepted command wrote, in order (a refused one wrote nothing). */
const play = (steps: ReadonlyArray<Step>): ReadonlyArray<ReadonlyArray<ChildRecordEvent>> => {
  const groups: Array<ReadonlyArray<ChildRecordEvent>> = [[...decided([], cmd({ _tag: "RecordDateOfBirth", dateOfBirth: "2016-06-01" }, london("2027-01-01", "09:00")))]]
  let when = london("2027-01-04", "10:00")
  for (const step of steps) {
    when = plus(when, step.hours * hour)
    groups.push(decided(groups.flat(), commandOf(step, when)))
  }
  return groups
}
const decided = (events: ReadonlyArray<ChildRecordEvent>, command: ChildRecordCommand): ReadonlyArray<ChildRecordEvent> =>
  Either.getOrElse(Effect.runSync(Effect.either(childRecordDecider.decide(command, fold(childRecordDecider, events), context))), () => [])

const entryOf = (event: ChildRecordEvent): WithdrawableEntry | undefined =>
  event._tag === "ChildDeathRecorded"
    ? { kind: "death", diedOn: event.diedOn }
    : event._tag === "SecureAccommodationAuthorisedByCourt"
      ? { kind: "court_authority", from: event.from, until: event.until }
      : event._tag === "SecretaryOfStateApprovalRecorded"
        ? { kind: "secretary_of_state_approval", approvedAt: event.approvedAt }
        : undefined

/** Apart from the history: the entries it folded and the withdrawals it lists. */
const withoutHistory = ({ entries, withdrawals, ...record }: ChildRecord) => record
const clocksOf = (record: ChildRecord) => childRecordClocks(record, [], policy)

describe("an entry withdrawn reads as if it had never been made (STAT-R50, STAT-R33, STAT-S25)", () => {
  test.prop([fc.array(stepArb, { minLength: 1, maxLength: 12 }), fc.nat()])(
    "for any facts recorded and any death, court's authority or Secretary of State's approval among them withdrawn, the record and its clocks are those of the same facts without it",
    (steps, pick) => {
      const groups = play(steps)
      const candidates = groups.flatMap((group, i) => (group[0] !== undefined && entryOf(group[0]) !== undefined ? [i] : []))
      fc.pre(candidates.length > 0)
      const chosen = candidates[pick % candidates.length]!
      const entry = entryOf(groups[chosen]![0]!)!
      // The latest recording of the same fact is the one withdrawn: that is what the oracle leaves out.
      const target = candidates.filter((i) => JSON.stringify(entryOf(groups[i]![0]!)) === JSON.stringify(entry)).at(-1)!
      const events = groups.flat()
      const last = events.at(-1)!.at
      const withdrawal = decided(events, cmd({ _tag: "WithdrawChildRecordEntry", entry, reason: "Recorded against the wrong child" }, plus(last, 24 * hour), "teamManager"))
      expect(withdrawal).toMatchObject([{ _tag: "ChildRecordEntryWithdrawn" }])
      const corrected = fold(childRecordDecider, [...events, ...withdrawal])!
      const neverMade = fold(childRecordDecider, groups.filter((_, i) => i !== target).flat())!
      expect(withoutHistory(corrected)).toEqual(withoutHistory(neverMade))
      expect(clocksOf(corrected)).toEqual(clocksOf(neverMade))
      expect(corrected.entries).toEqual([...events, ...withdrawal])
      expect(corrected.withdrawals).toEqual(withdrawal)
    }
  )
})
