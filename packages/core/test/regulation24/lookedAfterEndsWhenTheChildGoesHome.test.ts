import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { ChildRecords } from "../../src/childRecord/ChildRecords.js"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Placements } from "../../src/regulation24/Placements.js"
import type { PlacementId } from "../../src/shared/ids.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { london } from "../fixtures.js"
import { carers, childId, mother, setTime, staff, yesToRefuse } from "./fixtures.js"

// A Lincolnshire child, looked after through a connected-person placement, goes home. The accommodation that made her
// looked after ends with it: s20 accommodation when she returns home (her mother removing her under s20(8), or a
// planned return; STAT-S20-CONSENT), police protection when it ends with her returned home (SSDA903 L1 is "under
// police protection and in local authority accommodation", STAT-S46). Before, her looked-after period stayed open and
// its STAT-R33 review clock ran on, then fell overdue, for a child living at home.

const core = inMemoryCore(preset("lincolnshire"))
const wishes = { _tag: "Ascertained" as const, wishesAndFeelings: "Wants to stay with her aunt" }

const childRecord = Effect.flatMap(ChildRecords, (records) => records.get(staff.socialWorker, childId))
const periods = Effect.map(childRecord, (record) => record.lookedAfter.map((period) => ({ from: period.from, ended: period.ended && [period.ended.endedAt, period.ended.reason] })))
/** The STAT-R33 review clocks the authority's deadlines list shows on 1 June 2027, weeks after she went home. */
const reviewClocksInJune = Effect.gen(function* () {
  yield* setTime(london("2027-06-01", "09:00"))
  const running = yield* (yield* Deadlines).forAuthority(staff.teamManager)
  return running.filter((clock) => clock.ruleId === "STAT-R33").map((clock) => [clock.id, clock.state])
})

/** Identified at 09:00 on 26 March 2027 (under police protection from 08:00 when `police`), placed with her aunt at 10:00. */
const placed = (police: boolean) =>
  Effect.gen(function* () {
    const placements = yield* Placements
    yield* setTime(london("2027-03-26", "09:00"))
    const { id } = yield* placements.recordBasicTest(staff.socialWorker, childId, yesToRefuse)
    if (police) yield* placements.recordPolicePowers(staff.socialWorker, id, true, london("2027-03-26", "08:00"))
    yield* setTime(london("2027-03-26", "10:00"))
    yield* placements.recordPlacementMade(staff.socialWorker, id, london("2027-03-26", "10:00"), carers)
    return id
  })

/** Placed at 10:00 and accommodated under s20 on her mother's consent (V2 from the placement). */
const placedUnderS20 = Effect.gen(function* () {
  const id = yield* placed(false)
  yield* (yield* Placements).recordS20Accommodation(staff.socialWorker, id, { consents: [mother], childWishes: wishes })
  return id
})

const endPlacementAt = (id: PlacementId, date: string, time: string, reason: "child_returned_home" | "child_moved") =>
  Effect.gen(function* () {
    yield* setTime(london(date, time))
    yield* (yield* Placements).end(staff.serviceManager, id, reason)
  })

describe("given a child placed with her aunt and accommodated under s20 (STAT-S20-CONSENT)", () => {
  it.effect("when her mother withdraws consent and takes her home then she is looked after no longer, from when she went home, and no review falls due", () =>
    Effect.gen(function* () {
      const id = yield* placedUnderS20
      yield* setTime(london("2027-03-29", "12:00"))
      yield* (yield* Placements).recordS20ConsentWithdrawn(staff.socialWorker, id, "Dana Harrow")
      yield* endPlacementAt(id, "2027-03-29", "12:30", "child_returned_home")
      // Before: [{ from: 10:00 Fri 26 Mar 2027, ended: undefined }], and "child-1:r33:la-1:1" overdue in June.
      expect(yield* periods).toEqual([
        {
          from: london("2027-03-26", "10:00"),
          ended: [london("2027-03-29", "12:30"), "the parent removed the child (s20(8)): Dana Harrow withdrew consent at 12:00 Mon 29 Mar 2027, and the child returned home"]
        }
      ])
      expect(yield* reviewClocksInJune).toEqual([])
    }).pipe(Effect.provide(core))
  )

  it.effect("when she had gone home before her mother withdrew consent then the record does not say her mother removed her under s20(8)", () =>
    Effect.gen(function* () {
      const id = yield* placedUnderS20
      yield* setTime(london("2027-03-29", "12:00"))
      yield* (yield* Placements).recordS20ConsentWithdrawn(staff.socialWorker, id, "Dana Harrow")
      // Recorded afterwards: she had gone home at 09:00, three hours before the withdrawal.
      yield* setTime(london("2027-03-29", "14:00"))
      yield* (yield* Placements).end(staff.serviceManager, id, "child_returned_home", london("2027-03-29", "09:00"))
      // Before: "the parent removed the child (s20(8)): Dana Harrow withdrew consent at 12:00 ..., and the child
      // returned home", ended at 09:00: a removal three hours before the consent it ended was withdrawn.
      expect(yield* periods).toEqual([
        {
          from: london("2027-03-26", "10:00"),
          ended: [london("2027-03-29", "09:00"), "s20 accommodation ended: the child returned home (consent was withdrawn afterwards, at 12:00 Mon 29 Mar 2027)"]
        }
      ])
    }).pipe(Effect.provide(core))
  )

  it.effect("when her going home is dated before a looked-after review held since, the end is refused naming the review, and nothing changes", () =>
    Effect.gen(function* () {
      const id = yield* placedUnderS20
      yield* setTime(london("2027-04-05", "12:00"))
      yield* (yield* ChildRecords).recordLookedAfterReview(staff.socialWorker, childId, london("2027-04-05", "10:00"), "Imogen Reyes")
      const attempt = yield* Effect.either((yield* Placements).end(staff.serviceManager, id, "child_returned_home", london("2027-04-02", "16:00")))
      // Before: the placement ended, and her looked-after period stayed open across the days at home, its reviews due.
      expect(attempt._tag === "Left" ? [attempt.left._tag, attempt.left.message] : "ended").toEqual([
        "LookedAfterRefused",
        "Looked-after status cannot end at 16:00 Fri 2 Apr 2027 (s20 accommodation ended: the child returned home), before the last review at 10:00 Mon 5 Apr 2027: check when the child went home."
      ])
      expect((yield* (yield* Placements).get(staff.serviceManager, id)).ended).toBeUndefined()
      expect(yield* periods).toEqual([{ from: london("2027-03-26", "10:00"), ended: undefined }])
    }).pipe(Effect.provide(core))
  )

  it.effect("when she returns home as planned then the s20 accommodation, and her looked-after period, end when she went home", () =>
    Effect.gen(function* () {
      const id = yield* placedUnderS20
      yield* endPlacementAt(id, "2027-04-09", "16:00", "child_returned_home")
      expect(yield* periods).toEqual([{ from: london("2027-03-26", "10:00"), ended: [london("2027-04-09", "16:00"), "s20 accommodation ended: the child returned home"] }])
      expect(yield* reviewClocksInJune).toEqual([])
    }).pipe(Effect.provide(core))
  )

  it.effect("when consent is withdrawn while she is still with her aunt, or she moves to another placement, then she is still looked after", () =>
    Effect.gen(function* () {
      const id = yield* placedUnderS20
      yield* setTime(london("2027-03-29", "12:00"))
      yield* (yield* Placements).recordS20ConsentWithdrawn(staff.socialWorker, id, "Dana Harrow")
      expect(yield* periods).toEqual([{ from: london("2027-03-26", "10:00"), ended: undefined }])
      yield* endPlacementAt(id, "2027-03-30", "09:00", "child_moved")
      expect(yield* periods).toEqual([{ from: london("2027-03-26", "10:00"), ended: undefined }])
      expect(yield* reviewClocksInJune).toEqual([["child-1:r33:la-1:1", "overdue"]])
    }).pipe(Effect.provide(core))
  )

  it.effect("when police protection follows the withdrawal, then she goes home from her aunt's: the period goes on under police protection, and ends when it does", () =>
    Effect.gen(function* () {
      const placements = yield* Placements
      const id = yield* placedUnderS20
      yield* setTime(london("2027-03-29", "12:00"))
      yield* placements.recordS20ConsentWithdrawn(staff.socialWorker, id, "Dana Harrow")
      yield* placements.recordPolicePowers(staff.socialWorker, id, true, london("2027-03-29", "11:30"))
      yield* endPlacementAt(id, "2027-03-30", "09:00", "child_returned_home")
      // Under police protection (L1), not s20: going home from the aunt's does not end it; its outcome does.
      expect(yield* periods).toEqual([{ from: london("2027-03-26", "10:00"), ended: undefined }])
      yield* placements.recordPoliceProtectionOutcome(staff.socialWorker, id, "returned_home", london("2027-03-30", "09:00"))
      expect(yield* periods).toEqual([{ from: london("2027-03-26", "10:00"), ended: [london("2027-03-30", "09:00"), "police protection ended: the child was returned home (STAT-S46)"] }])
    }).pipe(Effect.provide(core))
  )
})

describe("given a child under police protection from 08:00 and placed with her aunt at 10:00 (L1, STAT-S46)", () => {
  it.effect("when police protection ends with her returned home then she is looked after no longer, from its end, and no review falls due", () =>
    Effect.gen(function* () {
      const id = yield* placed(true)
      yield* setTime(london("2027-03-29", "16:00"))
      yield* (yield* Placements).recordPoliceProtectionOutcome(staff.socialWorker, id, "returned_home", london("2027-03-29", "11:00"))
      // Before: [{ from: 10:00 Fri 26 Mar 2027, ended: undefined }], and "child-1:r33:la-1:1" overdue in June.
      expect(yield* periods).toEqual([{ from: london("2027-03-26", "10:00"), ended: [london("2027-03-29", "11:00"), "police protection ended: the child was returned home (STAT-S46)"] }])
      expect((yield* childRecord).legalStatuses.map((status) => status.code)).toEqual(["L1"])
      expect(yield* reviewClocksInJune).toEqual([])
    }).pipe(Effect.provide(core))
  )

  it.effect("when an interim care order was recorded before police protection's end is, then she stays looked after under it, at home or not", () =>
    Effect.gen(function* () {
      const id = yield* placed(true)
      yield* setTime(london("2027-03-29", "15:00"))
      yield* (yield* ChildRecords).recordLegalStatus(staff.socialWorker, childId, "C1", london("2027-03-29", "10:00"))
      yield* setTime(london("2027-03-29", "16:00"))
      yield* (yield* Placements).recordPoliceProtectionOutcome(staff.socialWorker, id, "returned_home", london("2027-03-29", "11:00"))
      expect(yield* periods).toEqual([{ from: london("2027-03-26", "10:00"), ended: undefined }])
      expect((yield* childRecord).legalStatuses.map((status) => status.code)).toEqual(["L1", "C1"])
    }).pipe(Effect.provide(core))
  )

  it.effect("when police protection's end is dated before it began then it is refused and she is still looked after", () =>
    Effect.gen(function* () {
      const id = yield* placed(true)
      const refused = yield* Effect.flip((yield* Placements).recordPoliceProtectionOutcome(staff.socialWorker, id, "returned_home", london("2027-03-26", "07:00")))
      expect(refused.message).toBe("Police protection began at 08:00 Fri 26 Mar 2027; it cannot have ended before, at 07:00 Fri 26 Mar 2027 (STAT-S46).")
      expect(yield* periods).toEqual([{ from: london("2027-03-26", "10:00"), ended: undefined }])
    }).pipe(Effect.provide(core))
  )
})
