import { describe, expect, it } from "@effect/vitest"
import { DateTime, Effect, Layer, TestClock } from "effect"
import { formatInstant } from "../../src/calendar/format.js"
import { atLondon, type TimeOfDay } from "../../src/calendar/londonTime.js"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { ChildRecords } from "../../src/childRecord/ChildRecords.js"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import { Documents } from "../../src/documents/Documents.js"
import { preset } from "../../src/policy/authorities/index.js"
import { AccessLog } from "../../src/ports/AccessLog.js"
import { Placements } from "../../src/regulation24/Placements.js"
import { AuthorityId, ChildId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { connectedPlacement } from "../../src/testing/connectedPlacement.js"
import { documentsCore } from "./documentsCore.js"
import { signingStore } from "./fixtures.js"

const nso = preset("north-somerset")
const staff = staffOf(nso.authority.id)
const childId = ChildId.make("child-s")
const at = (date: string, time: string) => atLondon(date as LocalDate, time as TimeOfDay)
const signing = signingStore()
const core = documentsCore(nso).pipe(Layer.provide(signing.layer))

/**
 * Casey's record only (no request, no placement): s20 accommodation (V2) from 3 May, reviewed on 27 May, ended with
 * Casey at home on 1 June; a death recorded against Casey by mistake that day, then withdrawn.
 */
const caseysRecord = Effect.gen(function* () {
  const records = yield* ChildRecords
  yield* TestClock.setTime(at("2027-06-01", "09:00").epochMillis)
  yield* records.recordLegalStatus(staff.socialWorker, childId, "V2", at("2027-05-03", "10:00"))
  yield* records.recordLookedAfterReview(staff.socialWorker, childId, at("2027-05-27", "10:00"), "Dana Whitlow")
  yield* records.recordLookedAfterEnded(staff.socialWorker, childId, "Returned home to live with her father", at("2027-06-01", "08:00"))
  yield* records.recordChildDeath(staff.socialWorker, childId, "2027-06-01" as LocalDate)
  yield* TestClock.setTime(at("2027-06-01", "09:30").epochMillis)
  yield* records.withdrawEntry(staff.teamManager, childId, { kind: "death", diedOn: "2027-06-01" as LocalDate }, "Recorded against the wrong child")
  yield* TestClock.setTime(at("2027-06-02", "09:00").epochMillis)
})

const bundleRequest = { actor: staff.assistantDirector, identityGranted: false, purpose: "Court bundle" }

describe("a court bundle carries the child's statutory record (NSO-8)", () => {
  it.effect("a child with only a statutory record gets a bundle: statuses, the period ended at home, its review and clock, the withdrawn death; all sealed", () =>
    Effect.gen(function* () {
      yield* caseysRecord
      const bundle = yield* (yield* Documents).courtBundle(bundleRequest, childId)
      const { document, manifest } = bundle
      expect(document.subtitle).toMatch(/^North Somerset\. 0 request\(s\), 0 decision\(s\), 0 placement\(s\), \d+ recorded events\.$/)

      const section = document.sections.find((candidate) => candidate.heading === "Statutory record")!
      const recorded = (time: string) => `Priya Ashdown, ${time}`
      expect(section.blocks).toEqual([
        {
          _tag: "Table",
          caption: "Legal statuses (SSDA903), in date order",
          columns: ["Code", "Meaning", "From", "To", "Recorded by"],
          rows: [["V2", "single period of s20 accommodation", "10:00 Mon 3 May 2027", "08:00 Tue 1 Jun 2027 (looked-after status ended)", recorded("09:00 Tue 1 Jun 2027")]]
        },
        {
          _tag: "Table",
          caption: "Periods of being looked after",
          columns: ["Period", "From", "How it began", "Ended", "Why", "Recorded by"],
          rows: [
            [
              "la-1",
              "10:00 Mon 3 May 2027",
              "legal status V2: single period of s20 accommodation",
              "08:00 Tue 1 Jun 2027",
              "Returned home to live with her father",
              `${recorded("09:00 Tue 1 Jun 2027")}; ended: ${recorded("09:00 Tue 1 Jun 2027")}`
            ]
          ]
        },
        { _tag: "Table", caption: "Looked-after reviews held (STAT-R33)", columns: ["Period", "Held", "Chaired by (IRO)", "Recorded by"], rows: [["la-1", "10:00 Thu 27 May 2027", "Dana Whitlow", recorded("09:00 Tue 1 Jun 2027")]] },
        {
          _tag: "Paragraph",
          text: "Entries recorded by mistake and withdrawn: the record above reads as if they had never been made; the chronology keeps both the entry and its withdrawal."
        },
        {
          _tag: "Table",
          caption: "Withdrawn entries",
          columns: ["Entry", "Rule", "Recorded", "Why withdrawn", "Withdrawn by"],
          rows: [["the death on Tue 1 Jun 2027", "STAT-R50", "09:00 Tue 1 Jun 2027", "Recorded against the wrong child", "Tom Brackley, 09:30 Tue 1 Jun 2027"]]
        }
      ])
      expect(document.sections.map((candidate) => candidate.heading).slice(5, 8)).toEqual(["Placements and extensions", "Statutory record", "Statutory clocks"])

      // STAT-R33: the first review, due 20 working days from 3 May, met when held
      const [clocks] = document.sections.find((candidate) => candidate.heading === "Statutory clocks")!.blocks
      expect(clocks).toMatchObject({ rows: [["First looked-after review, chaired by the child's Independent Reviewing Officer", "STAT-R33", expect.any(String), "met 10:00 Thu 27 May 2027", expect.any(String)]] })

      // sealed with its stream, every event of it in the manifest, the withdrawal and the withdrawn entry both
      expect(signing.sealed.at(-1)).toEqual([{ authorityId: AuthorityId.make(nso.authority.id), streamType: "child-record", id: childId }])
      expect(manifest.events.map((event) => event.type)).toEqual([
        "ChildRecordOpened",
        "LegalStatusChanged",
        "BecameLookedAfter",
        "LookedAfterReviewHeld",
        "LookedAfterEnded",
        "ChildDeathRecorded",
        "ChildRecordEntryWithdrawn"
      ])
      const logged = (yield* (yield* AccessLog).forChild(nso.authority.id as never, childId)).find((entry) => entry.purpose === "Court bundle")
      expect(logged?.fields).toEqual(expect.arrayContaining(["legalStatuses", "lookedAfter", "withdrawals", "clocks", "events"]))
    }).pipe(Effect.provide(core))
  )

  const lincolnshire = preset("lincolnshire")
  const lincolnshireStaff = staffOf(lincolnshire.authority.id)
  it.effect("STAT-R28: a placement's visit clocks in the bundle count from the review on the child's record, as the live clocks do", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(at("2027-06-01", "09:00").epochMillis)
      const [childRecords, placements] = yield* Effect.all([ChildRecords, Placements])
      const kit = ChildId.make("child-kit")
      const visit = Effect.flatMap(DateTime.now, (visitedAt) => placements.recordVisit(lincolnshireStaff.socialWorker, placement.id, { visitedAt, seenAlone: true }))
      // Kit Marlow placed with her aunt, visited at six days, reviewed on her record at ten, visited at twelve
      const placement = yield* connectedPlacement(lincolnshireStaff, "child-kit")
      yield* TestClock.adjust("6 days")
      yield* visit
      yield* TestClock.adjust("4 days")
      yield* childRecords.recordLookedAfterReview(lincolnshireStaff.socialWorker, kit, yield* DateTime.now, "Nadia Quarrie")
      yield* TestClock.adjust("2 days")
      yield* visit
      const live = (yield* (yield* Deadlines).forAuthority(lincolnshireStaff.administrator)).filter((deadline) => deadline.id.startsWith(`${placement.id}:visit:`))
      const { document } = yield* (yield* Documents).courtBundle({ actor: lincolnshireStaff.assistantDirector, identityGranted: false, purpose: "Court bundle" }, kit)
      const [clocks] = document.sections.find((candidate) => candidate.heading === "Statutory clocks")!.blocks
      const rows = clocks?._tag === "Table" ? clocks.rows : []
      // the next visit, 4-weekly after the review, not weekly
      expect(live).toHaveLength(1)
      expect(rows.filter((row) => row[3] === "pending" && row[0] === live[0]!.title).map((row) => row[2])).toEqual([formatInstant(live[0]!.due)])
    }).pipe(Effect.provide(documentsCore(lincolnshire)))
  )

  it.effect("STAT-S44, STAT-PLO, STAT-S31: the emergency protection order, its extension and end, and the proceedings, each with who recorded it", () =>
    Effect.gen(function* () {
      const records = yield* ChildRecords
      const eli = ChildId.make("child-e")
      yield* TestClock.setTime(at("2027-06-10", "09:00").epochMillis)
      yield* records.recordEmergencyProtectionOrder(staff.socialWorker, eli, at("2027-06-01", "10:00"), 8)
      yield* records.extendEmergencyProtectionOrder(staff.socialWorker, eli, 5, at("2027-06-08", "15:00"))
      yield* records.recordEmergencyProtectionOrderEnded(staff.socialWorker, eli, "interim_care_order", at("2027-06-10", "08:00"))
      yield* records.recordLetterBeforeProceedings(staff.socialWorker, eli, at("2027-05-03", "12:00"))
      yield* records.recordProceedingsIssued(staff.socialWorker, eli, at("2027-06-09", "11:00"))
      const { document } = yield* (yield* Documents).courtBundle(bundleRequest, eli)
      const blocks = document.sections.find((candidate) => candidate.heading === "Statutory record")!.blocks
      expect(blocks.find((block) => block._tag === "Table" && block.caption === "Emergency protection orders (STAT-S44)")).toMatchObject({
        columns: ["Order", "Made", "Ends", "Extension", "Ended", "Recorded by"],
        rows: [
          [
            "epo-1",
            "10:00 Tue 1 Jun 2027, for 8 days",
            "10:00 Mon 14 Jun 2027",
            "5 days from 10:00 Wed 9 Jun 2027, recorded by Priya Ashdown, 09:00 Thu 10 Jun 2027",
            "08:00 Thu 10 Jun 2027: an interim care order was made, recorded by Priya Ashdown, 09:00 Thu 10 Jun 2027",
            "Priya Ashdown, 09:00 Thu 10 Jun 2027"
          ]
        ]
      })
      expect(blocks.find((block) => block._tag === "Fields" && block.rows.some(([label]) => label === "Care proceedings issued (STAT-S31)"))).toEqual({
        _tag: "Fields",
        rows: [
          ["Letter before proceedings (STAT-PLO)", "12:00 Mon 3 May 2027"],
          ["Care proceedings issued (STAT-S31)", "11:00 Wed 9 Jun 2027"]
        ]
      })
    }).pipe(Effect.provide(core))
  )

  it.effect("STAT-S25: periods in secure accommodation and the court's authority, one withdrawn as recorded against the wrong child", () =>
    Effect.gen(function* () {
      const records = yield* ChildRecords
      const rowan = ChildId.make("child-w")
      yield* TestClock.setTime(at("2027-06-10", "09:00").epochMillis)
      yield* records.recordDateOfBirth(staff.socialWorker, rowan, "2012-03-04" as LocalDate)
      yield* records.recordSecureAccommodation(staff.socialWorker, rowan, at("2027-06-01", "10:00"), at("2027-06-02", "16:00"))
      yield* records.recordSecureAccommodationCourtAuthority(staff.socialWorker, rowan, at("2027-06-05", "10:00"), at("2027-07-05", "10:00"))
      yield* records.recordSecureAccommodationCourtAuthority(staff.socialWorker, rowan, at("2027-06-06", "10:00"), at("2027-07-06", "10:00"))
      yield* records.withdrawEntry(staff.teamManager, rowan, { kind: "court_authority", from: at("2027-06-06", "10:00"), until: at("2027-07-06", "10:00") }, "Another child's order")
      const { document } = yield* (yield* Documents).courtBundle(bundleRequest, rowan)
      const tables = document.sections.find((candidate) => candidate.heading === "Statutory record")!.blocks.flatMap((block) => (block._tag === "Table" ? [[block.caption, block.rows] as const] : []))
      expect(tables.slice(-3)).toEqual([
        ["Secure accommodation (STAT-S25)", [["secure-1", "10:00 Tue 1 Jun 2027", "16:00 Wed 2 Jun 2027", "Priya Ashdown, 09:00 Thu 10 Jun 2027"]]],
        ["The court's authority for secure accommodation (STAT-S25)", [["10:00 Sat 5 Jun 2027", "10:00 Mon 5 Jul 2027", "Priya Ashdown, 09:00 Thu 10 Jun 2027"]]],
        [
          "Withdrawn entries",
          [["the court's authority for secure accommodation from 10:00 Sun 6 Jun 2027 until 10:00 Tue 6 Jul 2027", "STAT-S25", "09:00 Thu 10 Jun 2027", "Another child's order", "Tom Brackley, 09:00 Thu 10 Jun 2027"]]
        ]
      ])
    }).pipe(Effect.provide(core))
  )
})
