import { describe, expect, it } from "@effect/vitest"
import { DateTime, Effect, TestClock } from "effect"
import { ChildRecords } from "../../src/childRecord/ChildRecords.js"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { preset } from "../../src/policy/authorities/index.js"
import { ChildId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { london } from "../fixtures.js"

// A child's statutory record through the use cases a social worker's screen calls, at Lincolnshire, from Monday
// 7 June 2027: what each one records, who may, and what a reader gets back.
const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)
const child = ChildId.make("child-s")
const at = (date: string, time: string) => TestClock.setTime(london(date, time).epochMillis)
const provided = <A, E, R>(effect: Effect.Effect<A, E, R>) => effect.pipe(Effect.provide(inMemoryCore(policy)))

describe("a child's statutory record through its use cases", () => {
  it.effect("STAT-S44: an emergency protection order, its extension and its end, each as recorded, by whom", () =>
    provided(
      Effect.gen(function* () {
        const records = yield* ChildRecords
        yield* at("2027-06-07", "09:00")
        yield* records.recordDateOfBirth(staff.socialWorker, child, "2015-04-02" as LocalDate)
        yield* records.recordEmergencyProtectionOrder(staff.socialWorker, child, london("2027-06-07", "08:30"), 8)
        yield* at("2027-06-14", "10:00")
        yield* records.extendEmergencyProtectionOrder(staff.teamManager, child, 7)
        yield* at("2027-06-18", "12:00")
        yield* records.recordEmergencyProtectionOrderEnded(staff.socialWorker, child, "interim_care_order")
        const record = yield* records.get(staff.chair, child)
        expect(record.dateOfBirth).toBe("2015-04-02")
        expect(record.emergencyProtectionOrders).toHaveLength(1)
        const [order] = record.emergencyProtectionOrders
        expect(order).toMatchObject({ days: 8, extension: { days: 7 }, ended: { outcome: "interim_care_order" } })
        expect(DateTime.formatIso(order!.madeAt)).toBe("2027-06-07T07:30:00.000Z")
        expect(DateTime.formatIso(order!.ended!.endedAt)).toBe("2027-06-18T11:00:00.000Z")
      })
    )
  )

  it.effect("STAT-PLO, STAT-S31: the letter, the end of pre-proceedings, proceedings issued, extended and concluded", () =>
    provided(
      Effect.gen(function* () {
        const records = yield* ChildRecords
        yield* at("2027-06-07", "09:00")
        yield* records.recordLetterBeforeProceedings(staff.socialWorker, child, london("2027-06-07", "09:00"))
        yield* at("2027-07-05", "09:00")
        yield* records.endPreProceedings(staff.teamManager, child, london("2027-07-05", "09:00"))
        yield* records.recordProceedingsIssued(staff.socialWorker, child, london("2027-07-05", "09:00"))
        yield* at("2027-12-20", "09:00")
        yield* records.extendProceedings(staff.socialWorker, child, 4)
        yield* at("2028-01-10", "09:00")
        yield* records.recordProceedingsConcluded(staff.socialWorker, child, london("2028-01-10", "09:00"))
        const { proceedings } = yield* records.get(staff.socialWorker, child)
        expect([proceedings.letterSentAt, proceedings.preProceedingsEndedAt, proceedings.issuedAt, proceedings.concludedAt].map((instant) => instant && DateTime.formatIso(instant))).toEqual([
          "2027-06-07T08:00:00.000Z",
          "2027-07-05T08:00:00.000Z",
          "2027-07-05T08:00:00.000Z",
          "2028-01-10T09:00:00.000Z"
        ])
        expect(proceedings.extensions.map((extension) => extension.weeks)).toEqual([4])
      })
    )
  )

  it.effect("STAT-S25: a period in secure accommodation, the court's authority, the Secretary of State's approval, its end", () =>
    provided(
      Effect.gen(function* () {
        const records = yield* ChildRecords
        yield* at("2027-06-07", "18:00")
        // A child of 12: under 13, secure accommodation needs the Secretary of State's approval first.
        yield* records.recordDateOfBirth(staff.socialWorker, child, "2015-04-02" as LocalDate)
        yield* records.recordSecretaryOfStateApproval(staff.serviceManager, child, london("2027-06-07", "16:00"))
        yield* records.recordSecureAccommodation(staff.socialWorker, child, london("2027-06-07", "17:00"))
        yield* records.recordSecureAccommodationCourtAuthority(staff.socialWorker, child, london("2027-06-07", "17:30"), london("2027-09-07", "17:30"))
        yield* at("2027-06-09", "10:00")
        yield* records.endSecureAccommodation(staff.socialWorker, child)
        const { secureAccommodation } = yield* records.get(staff.socialWorker, child)
        expect(secureAccommodation.periods).toHaveLength(1)
        expect(DateTime.formatIso(secureAccommodation.periods[0]!.endedAt!)).toBe("2027-06-09T09:00:00.000Z")
        expect(secureAccommodation.courtAuthorities).toHaveLength(1)
        expect(secureAccommodation.secretaryOfStateApproval).toBeDefined()
      })
    )
  )

  it.effect("SSDA903, STAT-R33: a legal status starts looked-after status; a review is recorded; the period ends with its reason", () =>
    provided(
      Effect.gen(function* () {
        const records = yield* ChildRecords
        yield* at("2027-06-07", "12:00")
        yield* records.recordLegalStatus(staff.socialWorker, child, "C2", london("2027-06-07", "11:00"))
        yield* at("2027-07-01", "15:00")
        yield* records.recordLookedAfterReview(staff.administrator, child, london("2027-07-01", "14:00"), "Imogen Vale")
        yield* at("2027-08-02", "09:00")
        yield* records.recordLookedAfterEnded(staff.socialWorker, child, "Returned home with support")
        const record = yield* records.get(staff.socialWorker, child)
        expect(record.legalStatuses.map((status) => status.code)).toEqual(["C2"])
        expect(record.lookedAfter).toHaveLength(1)
        expect(record.lookedAfter[0]).toMatchObject({ code: "C2", reviews: [{ iroName: "Imogen Vale" }], ended: { reason: "Returned home with support" } })
      })
    )
  )

  it.effect("STAT-R50: a child's death is recorded; the record is past retention only once its 15 years have run", () =>
    provided(
      Effect.gen(function* () {
        const records = yield* ChildRecords
        yield* at("2027-06-07", "09:00")
        yield* records.recordDateOfBirth(staff.socialWorker, child, "2015-04-02" as LocalDate)
        yield* records.recordChildDeath(staff.teamManager, child, "2027-06-05" as LocalDate)
        expect((yield* records.get(staff.socialWorker, child)).diedOn).toBe("2027-06-05")
        expect(yield* records.pastRetention(staff.auditor, "2042-06-04" as LocalDate)).toEqual([])
        expect((yield* records.pastRetention(staff.auditor, "2042-06-06" as LocalDate)).map((record) => record.childId)).toEqual([child])
      })
    )
  )

  it.effect("STAT-R50, STAT-R33: a death recorded against the wrong child is withdrawn by the head of service: the child reads as alive and looked after, and the read record lists the withdrawal", () =>
    provided(
      Effect.gen(function* () {
        const records = yield* ChildRecords
        yield* at("2027-06-07", "12:00")
        yield* records.recordLegalStatus(staff.socialWorker, child, "C2", london("2027-06-07", "11:00"))
        yield* at("2027-06-21", "09:00")
        yield* records.recordChildDeath(staff.socialWorker, child, "2027-06-20" as LocalDate)
        yield* at("2027-06-21", "15:00")
        const withdrawn = yield* records.withdrawEntry(staff.headOfService, child, { kind: "death", diedOn: "2027-06-20" as LocalDate }, "Recorded against the wrong child")
        expect(withdrawn.diedOn).toBeUndefined()
        const record = yield* records.get(staff.chair, child)
        expect(record.diedOn).toBeUndefined()
        expect(record.lookedAfter).toMatchObject([{ code: "C2" }])
        expect(record.lookedAfter[0]!.ended).toBeUndefined()
        expect(record.entries).toBeUndefined() // kept for folding, not in the read model
        expect(record.withdrawals).toMatchObject([
          { entry: { kind: "death", diedOn: "2027-06-20" }, recordedAt: london("2027-06-21", "09:00"), reason: "Recorded against the wrong child", by: { role: "head_of_service" } }
        ])
      })
    )
  )

  it.effect("who may: a panel member reads but records nothing, in words; a child with nothing recorded is not found", () =>
    provided(
      Effect.gen(function* () {
        const records = yield* ChildRecords
        yield* at("2027-06-07", "09:00")
        const refused = yield* Effect.flip(records.recordEmergencyProtectionOrder(staff.member, child, london("2027-06-07", "08:30"), 8))
        expect(refused).toMatchObject({
          _tag: "NotPermitted",
          message: "Only a social worker, practice supervisor, team manager, service manager or head of service can record an emergency protection order (STAT-S44)."
        })
        expect(yield* Effect.flip(records.get(staff.member, child))).toMatchObject({ _tag: "NotFound", message: "No child record with id child-s was found." })
        expect(yield* records.pastRetention(staff.member, "2042-06-06" as LocalDate)).toEqual([])
      })
    )
  )
})
