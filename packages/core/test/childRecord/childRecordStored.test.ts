import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { ChildRecords } from "../../src/childRecord/ChildRecords.js"
import { preset } from "../../src/policy/authorities/index.js"
import { EventStore } from "../../src/ports/EventStore.js"
import { ReadModels } from "../../src/ports/ReadModels.js"
import { ChildId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { london } from "../fixtures.js"

// Where a child's record is kept (the names the database and every reader rely on: the `child-record` stream, the
// `childRecords` read model) and what a list of children filters on: the London date the current order ends.
const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)
const child = ChildId.make("child-k")
const provided = <A, E, R>(effect: Effect.Effect<A, E, R>) => effect.pipe(Effect.provide(inMemoryCore(policy)))
const at = (date: string, time: string) => TestClock.setTime(london(date, time).epochMillis)
const indexOf = Effect.gen(function* () {
  const row = yield* (yield* ReadModels).get("childRecords", policy.authority.id, child)
  return row?.index
})

describe("where a child's record is kept, and what lists filter on (STAT-S44)", () => {
  it.effect("the record's events are kept in the child's own child-record stream, in the order recorded", () =>
    provided(
      Effect.gen(function* () {
        const records = yield* ChildRecords
        yield* at("2027-06-07", "09:00")
        yield* records.recordDateOfBirth(staff.socialWorker, child, "2016-09-30" as LocalDate)
        yield* records.recordEmergencyProtectionOrder(staff.socialWorker, child, london("2027-06-07", "08:30"), 8)
        const stored = yield* (yield* EventStore).readStream({ authorityId: policy.authority.id, streamType: "child-record", id: child })
        expect(stored.map((event) => event.type)).toEqual(["ChildRecordOpened", "DateOfBirthRecorded", "EmergencyProtectionOrderMade"])
      })
    )
  )

  it.effect("STAT-S44: the childRecords row says on which London day the order in force ends: extended, its new end; once ended, none; and what its clocks wait for", () =>
    provided(
      Effect.gen(function* () {
        const records = yield* ChildRecords
        yield* at("2027-06-07", "09:00")
        yield* records.recordDateOfBirth(staff.socialWorker, child, "2016-09-30" as LocalDate)
        expect(yield* indexOf).toEqual({ childId: child, epoEndsOn: null, awaits: [] })
        // Made at 23:30 on Sunday 6 June, London time: 8 days later is Monday 14 June (22:30 UTC).
        yield* records.recordEmergencyProtectionOrder(staff.socialWorker, child, london("2027-06-06", "23:30"), 8)
        expect(yield* indexOf).toEqual({ childId: child, epoEndsOn: "2027-06-14", awaits: ["epo"] })
        yield* at("2027-06-14", "10:00")
        yield* records.extendEmergencyProtectionOrder(staff.socialWorker, child, 7)
        expect(yield* indexOf).toEqual({ childId: child, epoEndsOn: "2027-06-21", awaits: ["epo"] })
        yield* at("2027-06-16", "12:00")
        yield* records.recordEmergencyProtectionOrderEnded(staff.socialWorker, child, "interim_care_order")
        expect(yield* indexOf).toEqual({ childId: child, epoEndsOn: null, awaits: [] })
        yield* at("2027-09-01", "12:00")
        yield* records.recordEmergencyProtectionOrder(staff.socialWorker, child, london("2027-09-01", "11:00"), 3)
        expect(yield* indexOf, "a later order: its own end").toEqual({ childId: child, epoEndsOn: "2027-09-04", awaits: ["epo"] })
      })
    )
  )
})
