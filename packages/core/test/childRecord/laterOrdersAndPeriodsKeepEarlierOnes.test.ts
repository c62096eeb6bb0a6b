import { describe, expect, it } from "@effect/vitest"
import type { ChildRecordEvent } from "../../src/childRecord/ChildRecordEvents.js"
import { evolveChildRecord } from "../../src/childRecord/evolveChildRecord.js"
import { london } from "../fixtures.js"
import { cmd, northSomerset, recordOf, staff } from "./fixtures.js"

// A child's second order or second period of being looked after: what is recorded about it stays with it, and the
// first keeps what was recorded about the first.
type When = ReturnType<typeof london>
const order = (madeAt: When, days = 8) => cmd({ _tag: "RecordEmergencyProtectionOrder", madeAt, days }, madeAt)
const extend = (days: number, at: When) => cmd({ _tag: "ExtendEmergencyProtectionOrder", days }, at)
const orderEnded = (outcome: string, endedAt: When) => cmd({ _tag: "RecordEmergencyProtectionOrderEnded", outcome, endedAt }, endedAt)
const legalStatus = (code: string, from: When) => cmd({ _tag: "RecordLegalStatus", code, from }, from)
const review = (heldAt: When, iroName: string) => cmd({ _tag: "RecordLookedAfterReview", heldAt, iroName }, heldAt)
const ended = (endedAt: When, reason: string) => cmd({ _tag: "RecordLookedAfterEnded", endedAt, reason }, endedAt)

describe("a child's later orders and periods keep the earlier ones as recorded (STAT-S44, STAT-R33)", () => {
  it("STAT-S44: a second order's extension and end are recorded on it; the first keeps its own end and has no extension", () => {
    const events = northSomerset.play([
      order(london("2027-03-01", "14:00")),
      orderEnded("returned_home", london("2027-03-04", "11:00")),
      order(london("2027-05-10", "09:00")),
      extend(7, london("2027-05-17", "08:00")),
      orderEnded("interim_care_order", london("2027-05-20", "16:00"))
    ])
    const [first, second] = recordOf(events).emergencyProtectionOrders
    expect(first).toMatchObject({ orderId: "epo-1", ended: { outcome: "returned_home", endedAt: london("2027-03-04", "11:00") } })
    expect(first!.extension).toBeUndefined()
    expect(second).toMatchObject({
      orderId: "epo-2",
      extension: { days: 7, from: london("2027-05-18", "09:00"), endsAt: london("2027-05-25", "09:00") },
      ended: { outcome: "interim_care_order", endedAt: london("2027-05-20", "16:00") }
    })
  })

  it("STAT-R33: a second period's reviews and end are recorded on it; the first keeps its own reviews and the reason it ended", () => {
    const events = northSomerset.play([
      legalStatus("V2", london("2027-01-04", "10:00")),
      review(london("2027-01-28", "14:00"), "Imogen Reyes"),
      ended(london("2027-02-15", "16:00"), "returned home to her mother"),
      legalStatus("C1", london("2027-06-01", "10:00")),
      review(london("2027-06-24", "11:00"), "Tomasz Lind"),
      ended(london("2027-09-30", "12:00"), "special guardianship order to her aunt")
    ])
    const [first, second] = recordOf(events).lookedAfter
    expect(first).toMatchObject({ periodId: "la-1", code: "V2", ended: { endedAt: london("2027-02-15", "16:00"), reason: "returned home to her mother" } })
    expect(first!.reviews.map((r) => r.iroName)).toEqual(["Imogen Reyes"])
    expect(second).toMatchObject({ periodId: "la-2", code: "C1", ended: { endedAt: london("2027-09-30", "12:00"), reason: "special guardianship order to her aunt" } })
    expect(second!.reviews.map((r) => r.iroName)).toEqual(["Tomasz Lind"])
  })

  it("an event that comes before the record was opened leaves nothing recorded (the fold is total)", () => {
    const stray: ChildRecordEvent = {
      _tag: "LegalStatusChanged",
      code: "C1",
      from: london("2027-03-25", "10:00"),
      by: { personId: staff.socialWorker.personId, name: staff.socialWorker.name, role: "social_worker" },
      at: london("2027-03-25", "10:00")
    }
    expect(evolveChildRecord(undefined, stray)).toBeUndefined()
  })
})
