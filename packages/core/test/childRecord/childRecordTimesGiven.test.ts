import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { ChildRecords } from "../../src/childRecord/ChildRecords.js"
import { preset } from "../../src/policy/authorities/index.js"
import { ChildId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { london } from "../fixtures.js"

// A social worker recording on Friday 18 June 2027 at 12:00 what happened earlier in the week: each end that is given
// a time is recorded at that time, not when it was typed in (STAT-R33 and STAT-S25's clocks count from it).
const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)
const child = ChildId.make("child-t")
const provided = <A, E, R>(effect: Effect.Effect<A, E, R>) => effect.pipe(Effect.provide(inMemoryCore(policy)))
const typedAt = () => TestClock.setTime(london("2027-06-18", "12:00").epochMillis)

describe("a child's record: an end given a time is recorded at it, not when it was typed in (STAT-S44, STAT-S25, STAT-PLO, STAT-S31, STAT-R33)", () => {
  it.effect("STAT-S44: an emergency protection order ended on Tuesday at 16:20 is recorded as ended then", () =>
    provided(
      Effect.gen(function* () {
        const records = yield* ChildRecords
        yield* typedAt()
        yield* records.recordEmergencyProtectionOrder(staff.socialWorker, child, london("2027-06-14", "10:00"), 8)
        const record = yield* records.recordEmergencyProtectionOrderEnded(staff.socialWorker, child, "accommodated_s20", london("2027-06-15", "16:20"))
        expect(record.emergencyProtectionOrders[0]!.ended).toMatchObject({ outcome: "accommodated_s20", endedAt: london("2027-06-15", "16:20") })
      })
    )
  )

  it.effect("STAT-S25: a period in secure accommodation given its end is recorded as ended; an open one ended later is ended at its given time", () =>
    provided(
      Effect.gen(function* () {
        const records = yield* ChildRecords
        yield* typedAt()
        yield* records.recordDateOfBirth(staff.socialWorker, child, "2012-05-01" as LocalDate)
        const closed = yield* records.recordSecureAccommodation(staff.socialWorker, child, london("2027-06-14", "09:00"), london("2027-06-15", "09:00"))
        expect(closed.secureAccommodation.periods).toMatchObject([{ periodId: "secure-1", startedAt: london("2027-06-14", "09:00"), endedAt: london("2027-06-15", "09:00") }])
        yield* records.recordSecureAccommodation(staff.socialWorker, child, london("2027-06-16", "18:00"))
        const ended = yield* records.endSecureAccommodation(staff.socialWorker, child, london("2027-06-17", "07:45"))
        expect(ended.secureAccommodation.periods[1]).toMatchObject({ periodId: "secure-2", endedAt: london("2027-06-17", "07:45") })
      })
    )
  )

  it.effect("STAT-PLO, STAT-S31: pre-proceedings ended, and proceedings concluded, at the times given", () =>
    provided(
      Effect.gen(function* () {
        const records = yield* ChildRecords
        yield* typedAt()
        yield* records.recordLetterBeforeProceedings(staff.socialWorker, child, london("2027-06-01", "09:00"))
        const steppedDown = yield* records.endPreProceedings(staff.teamManager, child, london("2027-06-14", "15:00"))
        expect(steppedDown.proceedings.preProceedingsEndedAt).toEqual(london("2027-06-14", "15:00"))
        yield* records.recordProceedingsIssued(staff.socialWorker, child, london("2027-06-15", "10:00"))
        const concluded = yield* records.recordProceedingsConcluded(staff.socialWorker, child, london("2027-06-17", "14:30"))
        expect(concluded.proceedings.concludedAt).toEqual(london("2027-06-17", "14:30"))
      })
    )
  )

  it.effect("STAT-R33: looked-after status ended on Wednesday at 17:00 is recorded as ended then, with its reason", () =>
    provided(
      Effect.gen(function* () {
        const records = yield* ChildRecords
        yield* typedAt()
        yield* records.recordLegalStatus(staff.socialWorker, child, "V2", london("2027-06-14", "11:00"))
        const record = yield* records.recordLookedAfterEnded(staff.socialWorker, child, "returned home to his grandmother", london("2027-06-16", "17:00"))
        expect(record.lookedAfter[0]!.ended).toMatchObject({ endedAt: london("2027-06-16", "17:00"), reason: "returned home to his grandmother" })
      })
    )
  )
})
