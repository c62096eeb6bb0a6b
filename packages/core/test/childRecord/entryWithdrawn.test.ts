import { describe, expect, it } from "@effect/vitest"
import { deadlinesOf, openDeadlines } from "../../src/deadlines/computeDeadlines.js"
import type { ChildRecordEvent } from "../../src/childRecord/ChildRecordEvents.js"
import { contextOf, london } from "../fixtures.js"
import { cmd, northSomerset, recordOf } from "./fixtures.js"

// A child of 9 in care under a care order from Monday 4 January 2027, first reviewed on Thursday 28 January. On
// Thursday 11 February a social worker records a death on 10 February on this child's record: it was another child's.
// Before, nothing could undo it: the living child read as dead, the looked-after period stayed ended ("died"), no
// review was asked for, and a review held after 10 February was refused because the child had died.
const inCare = () =>
  northSomerset.play([
    cmd({ _tag: "RecordDateOfBirth", dateOfBirth: "2018-03-01" }, london("2027-01-04", "09:00")),
    cmd({ _tag: "RecordLegalStatus", code: "C2", from: london("2027-01-04", "10:00") }, london("2027-01-04", "10:00")),
    cmd({ _tag: "RecordLookedAfterReview", heldAt: london("2027-01-28", "14:00"), iroName: "Imogen Reyes" }, london("2027-01-28", "16:00"))
  ])
const wrongChild = "Recorded against the wrong child: the death was of another child on the team's caseload."
const deathByMistake = () => northSomerset.play([cmd({ _tag: "RecordChildDeath", diedOn: "2027-02-10" }, london("2027-02-11", "09:00"))], inCare())
const withdraw = (entry: Record<string, unknown>, reason = wrongChild, when = london("2027-02-15", "11:00")) =>
  cmd({ _tag: "WithdrawChildRecordEntry", entry, reason }, when, "teamManager")
const withdrawDeath = (reason?: string) => withdraw({ kind: "death", diedOn: "2027-02-10" }, reason)
const corrected = () => northSomerset.play([withdrawDeath()], deathByMistake())
const runningOn = (events: ReadonlyArray<ChildRecordEvent>, date: string) =>
  openDeadlines(deadlinesOf({ referrals: [], sittings: [], childRecords: [recordOf(events)] }, contextOf("north-somerset"), { now: london(date, "09:00"), dueSoonHours: 48 }))

describe("a death recorded against the wrong child, withdrawn (STAT-R50, STAT-R33)", () => {
  it("STAT-R33: once the death is withdrawn, the child is alive on the record and looked after in the same period, its second review due as before", () => {
    const record = recordOf(corrected())
    expect(record.diedOn).toBeUndefined()
    expect(record.lookedAfter).toMatchObject([{ periodId: "la-1", from: london("2027-01-04", "10:00") }])
    expect(record.lookedAfter[0]!.ended).toBeUndefined()
    // Before: no clock at all; the second review 3 months after the first runs again, as if the death had never been recorded.
    expect(runningOn(corrected(), "2027-05-03").map((clock) => [clock.id, clock.due])).toEqual([["child-1:r33:la-1:2", london("2027-04-28", "14:00")]])
    expect(runningOn(corrected(), "2027-05-03")).toEqual(runningOn(inCare(), "2027-05-03"))
  })

  it("STAT-R33: a review held after the mistaken date of death is recorded again, and meets the review due", () => {
    const review = cmd({ _tag: "RecordLookedAfterReview", heldAt: london("2027-04-20", "14:00"), iroName: "Imogen Reyes" }, london("2027-04-20", "16:00"))
    expect(northSomerset.given(deathByMistake()).when(review).refusal()).toMatchObject({ _tag: "LookedAfterRefused" })
    expect(northSomerset.given(corrected()).when(review).events()).toMatchObject([{ _tag: "LookedAfterReviewHeld", periodId: "la-1" }])
  })

  it("the log keeps both: the death as it was recorded, and its withdrawal with the reason, who and when", () => {
    const events = corrected()
    expect(events.slice(-3)).toMatchObject([
      { _tag: "ChildDeathRecorded", diedOn: "2027-02-10", at: london("2027-02-11", "09:00") },
      { _tag: "LookedAfterEnded", reason: "died" },
      {
        _tag: "ChildRecordEntryWithdrawn",
        entry: { kind: "death", diedOn: "2027-02-10" },
        recordedAt: london("2027-02-11", "09:00"),
        reason: wrongChild,
        by: { role: "team_manager" },
        at: london("2027-02-15", "11:00")
      }
    ])
    expect(recordOf(events).entries?.map((event) => event._tag).slice(-3)).toEqual(["ChildDeathRecorded", "LookedAfterEnded", "ChildRecordEntryWithdrawn"])
  })

  it("a death recorded twice (stored before a second was refused): withdrawing the later one leaves the earlier on the record", () => {
    const first = deathByMistake()
    const death = first.find((event) => event._tag === "ChildDeathRecorded")!
    const twice = [...first, { ...death, diedOn: "2027-02-12", at: london("2027-02-13", "09:00") } as ChildRecordEvent]
    const record = recordOf(northSomerset.play([withdraw({ kind: "death", diedOn: "2027-02-12" })], twice))
    expect(record.diedOn).toBe("2027-02-10")
    expect(record.lookedAfter[0]!.ended).toMatchObject({ reason: "died", endedAt: london("2027-02-11", "00:00") })
  })

  it("refused, with nothing changed: a blank reason, a death that was never recorded, a death already withdrawn", () => {
    expect(northSomerset.given(deathByMistake()).when(withdrawDeath("   ")).refusal()).toMatchObject({
      _tag: "EntryWithdrawalRefused",
      ruleId: "STAT-R50",
      message: "Say why the death on Wed 10 Feb 2027 is withdrawn: the reason is empty. The reason stays on the child's record with the withdrawal."
    })
    expect(northSomerset.given(inCare()).when(withdrawDeath()).refusal()).toMatchObject({
      _tag: "EntryWithdrawalRefused",
      message: "No death on Wed 10 Feb 2027 is recorded on the child's record, so there is nothing to withdraw."
    })
    expect(northSomerset.given(corrected()).when(withdrawDeath()).refusal()).toMatchObject({
      _tag: "EntryWithdrawalRefused",
      message: `The death on Wed 10 Feb 2027 was already withdrawn at 11:00 Mon 15 Feb 2027 by Tom Brackley: "${wrongChild}"`
    })
  })
})

// A child of 14 in secure accommodation from 09:00 Saturday 27 March 2027, with no court's authority. A court's
// authority from then until 24 April is recorded on this child's record by mistake (it was another child's order).
// Before, nothing could undo it: the 48- and 72-hour clocks fell due only after 24 April, as if the child were lawfully held.
const fourteenInSecure = () =>
  northSomerset.play([
    cmd({ _tag: "RecordDateOfBirth", dateOfBirth: "2012-05-01" }, london("2027-03-01", "08:00")),
    cmd({ _tag: "RecordSecureAccommodation", startedAt: london("2027-03-27", "09:00") }, london("2027-03-27", "09:30"))
  ])
const otherChildsOrder = "The order was made for another child; this child has no court's authority."
const court = { kind: "court_authority", from: london("2027-03-27", "09:00"), until: london("2027-04-24", "09:00") }
const courtByMistake = () =>
  northSomerset.play([cmd({ _tag: "RecordSecureAccommodationCourtAuthority", from: court.from, until: court.until }, london("2027-03-27", "12:00"))], fourteenInSecure())

describe("a court's authority for secure accommodation or the Secretary of State's approval recorded by mistake, withdrawn (STAT-S25)", () => {
  it("STAT-S25: withdrawing the court's authority brings back the 48- and 72-hour clocks as they were without it", () => {
    expect(runningOn(courtByMistake(), "2027-03-28").map((clock) => clock.due)).toEqual([london("2027-04-26", "09:00"), london("2027-04-27", "09:00")])
    const withdrawn = northSomerset.play([withdraw(court, otherChildsOrder, london("2027-03-28", "10:00"))], courtByMistake())
    const clocks = runningOn(withdrawn, "2027-03-28")
    // Elapsed hours: the clocks went forward on Sunday 28 March, so 48 and 72 hours from 09:00 Saturday read 10:00.
    expect(clocks.map((clock) => [clock.id, clock.due])).toEqual([
      ["child-1:secure-48h:secure-1", london("2027-03-29", "10:00")],
      ["child-1:secure-72h:secure-1", london("2027-03-30", "10:00")]
    ])
    expect(clocks).toEqual(runningOn(fourteenInSecure(), "2027-03-28"))
    expect(recordOf(withdrawn).secureAccommodation.courtAuthorities).toEqual([])
  })

  it("STAT-S25: a court's authority with other dates, or one already withdrawn, is refused by its dates", () => {
    expect(northSomerset.given(courtByMistake()).when(withdraw({ ...court, until: london("2027-04-23", "09:00") }, otherChildsOrder)).refusal()).toMatchObject({
      _tag: "EntryWithdrawalRefused",
      ruleId: "STAT-S25",
      message: "No court's authority for secure accommodation from 09:00 Sat 27 Mar 2027 until 09:00 Fri 23 Apr 2027 is recorded on the child's record, so there is nothing to withdraw."
    })
    const withdrawn = northSomerset.play([withdraw(court, otherChildsOrder, london("2027-03-28", "10:00"))], courtByMistake())
    expect(northSomerset.given(withdrawn).when(withdraw(court, otherChildsOrder, london("2027-03-28", "11:00"))).refusal()).toMatchObject({
      message: `The court's authority for secure accommodation from 09:00 Sat 27 Mar 2027 until 09:00 Sat 24 Apr 2027 was already withdrawn at 10:00 Sun 28 Mar 2027 by Tom Brackley: "${otherChildsOrder}"`
    })
  })

  it("STAT-S25: withdrawing the Secretary of State's approval for a child under 13 refuses secure accommodation again; an earlier approval still stands", () => {
    const twelve = northSomerset.play([cmd({ _tag: "RecordDateOfBirth", dateOfBirth: "2014-06-01" }, london("2027-03-01", "08:00"))])
    const approval = (approvedAt: unknown, when: unknown) => cmd({ _tag: "RecordSecretaryOfStateApproval", approvedAt }, when as never)
    const period = cmd({ _tag: "RecordSecureAccommodation", startedAt: london("2027-03-27", "09:00") }, london("2027-03-27", "09:30"))
    const approved = northSomerset.play([approval(london("2027-03-26", "16:00"), london("2027-03-26", "17:00"))], twelve)
    const withdrawn = northSomerset.play([withdraw({ kind: "secretary_of_state_approval", approvedAt: london("2027-03-26", "16:00") }, otherChildsOrder, london("2027-03-27", "08:00"))], approved)
    expect(northSomerset.given(approved).when(period).events()).toHaveLength(1)
    expect(northSomerset.given(withdrawn).when(period).refusal()).toMatchObject({
      _tag: "SecureAccommodationRefused",
      message: "The child (born Sun 1 Jun 2014) is under 13: secure accommodation needs the Secretary of State's prior approval, and none is recorded before 09:00 Sat 27 Mar 2027 (STAT-S25)."
    })
    const earlierToo = northSomerset.play([approval(london("2027-03-20", "16:00"), london("2027-03-20", "17:00"))], twelve)
    const laterWithdrawn = northSomerset.play(
      [approval(london("2027-03-26", "16:00"), london("2027-03-26", "17:00")), withdraw({ kind: "secretary_of_state_approval", approvedAt: london("2027-03-26", "16:00") }, otherChildsOrder, london("2027-03-27", "08:00"))],
      earlierToo
    )
    expect(recordOf(laterWithdrawn).secureAccommodation.secretaryOfStateApproval).toMatchObject({ approvedAt: london("2027-03-20", "16:00") })
    expect(northSomerset.given(laterWithdrawn).when(period).events()).toHaveLength(1)
  })
})
