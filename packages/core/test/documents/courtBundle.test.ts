import { describe, expect, it } from "@effect/vitest"
import { DateTime } from "effect"
import { childIdentitySection } from "../../src/documents/childIdentity.js"
import { type CourtBundleInputs, courtBundle } from "../../src/documents/courtBundle.js"
import { childNaming } from "../../src/documents/DocumentReader.js"
import { paragraph } from "../../src/documents/DocumentModel.js"
import type { ChildRecord } from "../../src/childRecord/ChildRecord.js"
import type { StoredEvent } from "../../src/ports/EventStore.js"
import type { RecordSeal } from "../../src/ports/RecordSeals.js"
import type { Placement } from "../../src/regulation24/Placement.js"
import { AuthorityId } from "../../src/shared/ids.js"
import { london } from "../fixtures.js"
import { juneInputs } from "../reports/fixtures.js"
import { afterHours, readerAs, staff } from "./fixtures.js"

const june = juneInputs()
const authorityId = AuthorityId.make("lincolnshire")

const stored = (position: number, streamType: string, id: string, version: number, type: string, data: unknown): StoredEvent => ({
  stream: { authorityId, streamType, id },
  version,
  position,
  type,
  data,
  recordedAt: `2027-06-0${version}T08:00:00.000Z`,
  hash: `hash-${position}`
})

/** child-1's two records as a store hands them back: not in position order, one event without an actor. */
const child1Events = [
  stored(7, "decision", "dec_1", 1, "DecisionRecorded", { by: { name: "Dev Ingleby", role: "panel_administrator" } }),
  stored(2, "referral", "ref_1", 1, "ReferralSubmitted", { by: { name: "Priya Ashdown", role: "social_worker" } }),
  stored(9, "decision", "dec_1", 2, "DecisionSignedOff", { by: { name: "Martin Gorsley" } }),
  stored(5, "referral", "ref_1", 2, "ReferralScheduled", null)
]

const sealUpTo = (position: number, storeId: string | undefined): RecordSeal => ({
  storeId: "store-a",
  checkpoint: { v: 2, storeId, at: "2027-07-15T07:59:00.000Z", events: { position, head: "head-at-checkpoint" }, access: { seq: 3, head: "access-head" }, keyId: "key-1", signature: "sig-checkpoint" },
  commits: [
    { firstPosition: 2, lastPosition: 2, streamId: "lincolnshire/referral/ref_1", previousHead: "", head: "h2", keyId: "key-1", signature: "s2" },
    { firstPosition: 5, lastPosition: 5, streamId: "lincolnshire/referral/ref_1", previousHead: "h2", head: "h5", keyId: "key-1", signature: "s5" },
    { firstPosition: 7, lastPosition: 7, streamId: "lincolnshire/decision/dec_1", previousHead: "h5", head: "h7", keyId: "key-1", signature: "s7" }
  ],
  records: [],
  keyId: "key-1",
  signature: "sig-records"
})

const inputsFor = (childId: string, change: Partial<CourtBundleInputs> = {}): CourtBundleInputs => {
  const decisions = june.decisions.filter((decision) => decision.subject.childIds.includes(childId as never))
  return {
    authorityName: "Lincolnshire County Council",
    childId,
    referrals: june.referrals.filter((referral) => referral.form.children.some((child) => child.childId === childId)),
    decisions,
    disagreements: june.disagreements.filter((disagreement) => decisions.some((decision) => decision.id === disagreement.decisionId)),
    placements: june.placements.filter((placement) => placement.childId === childId),
    childRecord: undefined,
    deadlines: june.deadlines,
    events: [],
    seal: undefined,
    policy: june.policy,
    reader: readerAs("assistantDirector"),
    at: afterHours(0),
    ...change
  }
}

const sectionOf = (bundle: ReturnType<typeof courtBundle>, heading: string) => bundle.document.sections.find((section) => section.heading === heading)!

describe("a court bundle for one child (NSO-8)", () => {
  // Made inside each test, not once here: a fault planted while tests run (as mutation testing does) must reach it.
  const child1Bundle = () => courtBundle(inputsFor("child-1", { events: child1Events, seal: sealUpTo(7, "store-b") }))

  it("names the child for staff, counts what it holds, and is final, made for its reader", () => {
    expect(child1Bundle().document).toMatchObject({
      kind: "court_bundle",
      title: "Court bundle: Test Child 1 (child-1)",
      subtitle: "Lincolnshire County Council. 1 request(s), 1 decision(s), 0 placement(s), 4 recorded events.",
      stage: "final",
      generatedAt: "2027-07-15T08:00:00.000Z",
      preparedFor: "Ruth Fairholme, Assistant Director",
      reads: [{ childId: "child-1", fields: ["fullName", "dateOfBirth", "requests", "decisions", "amendments", "dissent", "placements", "clocks", "events"] }]
    })
    expect(child1Bundle().document.watermark).toBeUndefined()
    const integrator = courtBundle(inputsFor("child-1", { reader: readerAs("integrator") }))
    expect(integrator.document.title).toBe("Court bundle: Child child-1")
  })

  it("opens with who the child is: name and date of birth, the statutory record's first and any other recorded beside it", () => {
    const [request] = inputsFor("child-1").referrals
    expect(request!.form.children[0]!.dateOfBirth).toBe("2015-03-02")
    expect(child1Bundle().document.sections[0]).toEqual({
      heading: "The child",
      blocks: [{ _tag: "Fields", rows: [["Child", "Test Child 1 (child-1)"], ["Date of birth", `Mon 2 Mar 2015 (request ${request!.id})`]] }]
    })
    // Only the date of birth of the statutory record is read here.
    const record = { dateOfBirth: "2015-03-12" } as unknown as ChildRecord
    const staffNaming = childNaming(readerAs("assistantDirector"), [request!])
    expect(childIdentitySection("child-1", [request!], record, staffNaming).section.blocks).toEqual([
      { _tag: "Fields", rows: [["Child", "Test Child 1 (child-1)"], ["Date of birth", `Thu 12 Mar 2015 (the statutory record); recorded otherwise: Mon 2 Mar 2015 on request ${request!.id}`]] }
    ])
    const unborn = { ...request!, form: { ...request!.form, children: request!.form.children.map(({ dateOfBirth: _, ...child }) => child) } }
    expect(courtBundle(inputsFor("child-1", { referrals: [unborn] })).document.sections[0]!.blocks).toEqual([
      { _tag: "Fields", rows: [["Child", "Test Child 1 (child-1)"], ["Date of birth", "not recorded"]] }
    ])
    // An integrator's bundle names the child by id only: no date of birth, none read.
    const integrator = courtBundle(inputsFor("child-1", { reader: readerAs("integrator") })).document
    expect(integrator.sections[0]!.blocks).toEqual([{ _tag: "Fields", rows: [["Child", "Child child-1"]] }])
    expect(integrator.reads[0]!.fields).not.toContain("dateOfBirth")
  })

  it("the chronology: every event in position order, its record, what happened in words and by whom", () => {
    expect(sectionOf(child1Bundle(), "Chronology").blocks).toEqual([
      {
        _tag: "Table",
        caption: "Every recorded event, in order",
        columns: ["Position", "Recorded", "Record", "What", "By"],
        rows: [
          ["2", "09:00 Tue 1 Jun 2027", "referral ref_1", "Referral submitted", "Priya Ashdown (social worker)"],
          ["5", "09:00 Wed 2 Jun 2027", "referral ref_1", "Referral scheduled", ""],
          ["7", "09:00 Tue 1 Jun 2027", "decision dec_1", "Decision recorded", "Dev Ingleby (panel administrator)"],
          ["9", "09:00 Wed 2 Jun 2027", "decision dec_1", "Decision signed off", "Martin Gorsley"]
        ]
      }
    ])
  })

  it("each request: when submitted, what was asked for, where it stands and every hearing's outcome", () => {
    expect(sectionOf(child1Bundle(), "Requests").blocks).toEqual([
      {
        _tag: "Table",
        caption: "Requests",
        columns: ["Request", "Submitted", "Asked for", "Status", "Hearings"],
        rows: [["ref_1", "09:00 Tue 1 Jun 2027", "accommodation under section 20", "decided", "approved 13:00 Wed 9 Jun 2027"]]
      }
    ])
    const child2 = courtBundle(inputsFor("child-2"))
    const hearings = sectionOf(child2, "Requests").blocks[0]
    expect(hearings).toMatchObject({ rows: [["ref_2", "09:30 Tue 1 Jun 2027", "a legal planning meeting", "decided", "deferred 13:00 Wed 9 Jun 2027; deferred 13:00 Wed 16 Jun 2027; approved 13:00 Wed 23 Jun 2027"]] })
    const twoTypes = june.referrals.filter((referral) => referral.id === "ref_1").map((referral) => ({ ...referral, form: { ...referral.form, requestTypes: ["s20_accommodation", "legal_planning_meeting"] as const } }))
    expect(sectionOf(courtBundle(inputsFor("child-1", { referrals: twoTypes })), "Requests").blocks[0]).toMatchObject({
      rows: [["ref_1", expect.any(String), "accommodation under section 20; a legal planning meeting", "decided", expect.any(String)]]
    })
    const unsubmitted = courtBundle(inputsFor("child-1", { referrals: june.referrals.filter((referral) => referral.id === "ref_1").map((referral) => ({ ...referral, submittedAt: undefined })) }))
    expect(sectionOf(unsubmitted, "Requests").blocks[0]).toMatchObject({ rows: [["ref_1", "not submitted", expect.any(String), "decided", expect.any(String)]] })
  })

  it("each decision with its sign-off and amendments, oldest hearing first whatever order they come in", () => {
    const decisions = sectionOf(child1Bundle(), "Decisions")
    expect(decisions.blocks).toEqual([])
    expect(decisions.subsections!.map((section) => section.heading)).toEqual(["Decision dec_1: approved, 13:00 Wed 9 Jun 2027"])
    expect(decisions.subsections![0]!.blocks).toEqual([
      {
        _tag: "Fields",
        rows: [
          ["Decision", "approved"],
          ["Made", "at panel, 13:00 Wed 9 Jun 2027"],
          ["Request types", "accommodation under section 20"],
          ["Rationale", "Proportionate to the risks described"],
          ["Agreed", "Accommodation agreed for 6 weeks, then back to panel. Placement type: in house foster."]
        ]
      },
      {
        _tag: "Table",
        caption: "Actions",
        columns: ["Action", "Owner", "Due", "Progress"],
        rows: [
          ["Family group conference", "social worker", "Wed 30 Jun 2027", "completed"],
          ["Update the plan", "team manager", "Tue 20 Jul 2027", "open"]
        ]
      },
      { _tag: "Fields", rows: [["Recorded by", "Dev Ingleby (panel administrator)"]] },
      { _tag: "Table", caption: "Sign-offs and agreements", columns: ["Role", "Rule", "By", "When"], rows: [["panel chair", "DEF-CHAIR-SIGNS, Carepanel default, not in the terms of reference; set by the authority's policy", "Martin Gorsley", "13:30 Wed 9 Jun 2027"]] },
      paragraph("Final: no sign-off is outstanding."),
      paragraph("Not amended.")
    ])
    const child2 = courtBundle(inputsFor("child-2", { decisions: [...inputsFor("child-2").decisions].reverse() }))
    expect(sectionOf(child2, "Decisions").subsections!.map((section) => section.heading)).toEqual([
      "Decision dec_2: deferred, 13:00 Wed 9 Jun 2027",
      "Decision dec_3: deferred, 13:00 Wed 16 Jun 2027",
      "Decision dec_4: approved, 13:00 Wed 23 Jun 2027"
    ])
  })

  it("SUP-8, LIN-13: the dissent, where it went and how it ended; a child without any says so", () => {
    expect(sectionOf(child1Bundle(), "Dissent").blocks).toEqual([
      {
        _tag: "Fields",
        rows: [
          ["Dissent", "Sam Jessop (LIN-13), recorded 12:00 Wed 9 Jun 2027"],
          ["Grounds", "Accommodation is not the least intrusive option"],
          ["Areas noted", "Placement type"],
          ["Escalated", "to Ruth Fairholme, 09:00 Thu 10 Jun 2027"],
          ["Outcome", "decision upheld: The plan stands"]
        ]
      }
    ])
    const child2 = courtBundle(inputsFor("child-2"))
    expect(sectionOf(child2, "Dissent").blocks).toEqual([paragraph("No member dissented.")])
    expect(sectionOf(child1Bundle(), "Placements and extensions")).toEqual({ heading: "Placements and extensions", blocks: [paragraph("No Regulation 24 placement.")], subsections: [] })
    expect(sectionOf(child1Bundle(), "Statutory record")).toEqual({ heading: "Statutory record", blocks: [paragraph("No statutory record is kept for this child in Carepanel.")] })
  })

  it("every clock of the child's records and actions with its rule, and no other child's", () => {
    const [clocks] = sectionOf(child1Bundle(), "Statutory clocks").blocks
    expect(clocks).toMatchObject({ _tag: "Table", caption: "Every clock, met, missed or running, with its rule", columns: ["Clock", "Rule", "Due", "State", "Explanation"] })
    const rows = clocks!._tag === "Table" ? clocks!.rows : []
    expect(rows.map((row) => [row[1], row[3]])).toEqual([
      ["LIN-3", "met 09:00 Tue 1 Jun 2027"],
      ["DEF-DISAGREEMENT-NOTE-NEXT-WD", "met 12:10 Wed 9 Jun 2027"],
      ["DEF-DISAGREEMENT-5WD", "met 16:00 Mon 21 Jun 2027 (late)"],
      ["LIN-5", "met 10:00 Fri 2 Jul 2027 (late)"],
      ["LIN-6", "overdue"],
      ["LIN-5", "pending"],
      ["LIN-5", "pending"]
    ])
    expect(rows[0]![0]).toBe("Request complete and approved for the sitting on Wed 9 Jun 2027")
    expect(rows[3]![0]).toBe("Family group conference (social worker)")
    // the clocks of the child's statutory record (STAT-R33 reviews, EPO and secure limits) are about the child: hers only
    const review = { ...june.deadlines[0]!, id: "child-1:r33:la-1:1", about: { kind: "child" as const, id: "child-1" }, ruleId: "STAT-R33" as const, title: "First looked-after review" }
    const withReviews = courtBundle(inputsFor("child-1", { deadlines: [review, { ...review, id: "child-2:r33:la-1:1", about: { kind: "child", id: "child-2" } }] }))
    expect(sectionOf(withReviews, "Statutory clocks").blocks[0]).toMatchObject({ rows: [["First looked-after review", "STAT-R33", expect.any(String), expect.any(String), expect.any(String)]] })
    const nothing = courtBundle(inputsFor("child-1", { deadlines: [] }))
    expect(sectionOf(nothing, "Statutory clocks").blocks).toEqual([paragraph("Every clock, met, missed or running, with its rule: none.")])
  })

  it("the integrity appendix: the signed checkpoint, how much of the record it covers, and every event's hash", () => {
    const [chaining, signing, checkpoint, hashes] = sectionOf(child1Bundle(), "Integrity appendix").blocks
    expect(chaining).toEqual(
      paragraph(
        "Each event's hash is SHA-256 over the hash of the event before it in the same record and the event itself (record, version, type, data as canonical JSON, time recorded). " +
          "Changing, removing or reordering any event breaks every hash after it."
      )
    )
    expect(signing?._tag === "Paragraph" && signing.text).toContain("which covers the store up to position 7;")
    expect(signing?._tag === "Paragraph" && signing.text).toMatch(/^Every commit of the authority's store is chained .* `carepanel-bundle-check <bundle.json> <authority-public-key.pem>` re-checks all of it offline/)
    expect(checkpoint).toEqual({
      _tag: "Fields",
      rows: [
        ["Signed checkpoint: store", "store-b"],
        ["Position", "7"],
        ["Chain head", "head-at-checkpoint"],
        ["Time", "2027-07-15T07:59:00.000Z"],
        ["Key id", "key-1"],
        ["Signature", "sig-checkpoint"],
        ["Covers", "3 of the 4 events below, in 3 signed commits"]
      ]
    })
    expect(hashes).toEqual({
      _tag: "Table",
      caption: "Events, their positions and hashes",
      columns: ["Position", "Record", "Version", "Event", "Hash"],
      rows: [
        ["2", "lincolnshire/referral/ref_1", "1", "ReferralSubmitted", "hash-2"],
        ["5", "lincolnshire/referral/ref_1", "2", "ReferralScheduled", "hash-5"],
        ["7", "lincolnshire/decision/dec_1", "1", "DecisionRecorded", "hash-7"],
        ["9", "lincolnshire/decision/dec_1", "2", "DecisionSignedOff", "hash-9"]
      ]
    })
    const olderSeal = courtBundle(inputsFor("child-1", { events: child1Events, seal: sealUpTo(4, undefined) }))
    expect(sectionOf(olderSeal, "Integrity appendix").blocks[2]).toMatchObject({ rows: expect.arrayContaining([["Signed checkpoint: store", "store-a"], ["Covers", "1 of the 4 events below, in 3 signed commits"]]) })
    const unsigned = courtBundle(inputsFor("child-1", { events: child1Events }))
    expect(sectionOf(unsigned, "Integrity appendix").blocks.slice(1, 2)).toEqual([
      paragraph("Signed checkpoint: none. This record is kept by a store that does not sign its commits, so the bundle cannot be re-checked against the authority's key.")
    ])
    expect(sectionOf(unsigned, "Integrity appendix").blocks).toHaveLength(3)
  })

  it("the manifest carries each event whole, in position order, with the seal, for the offline re-check", () => {
    expect(child1Bundle().manifest).toMatchObject({ format: "carepanel-court-bundle/2", authorityId: "lincolnshire", childId: "child-1", generatedAt: "2027-07-15T08:00:00.000Z", integrity: sealUpTo(7, "store-b") })
    expect(child1Bundle().manifest.events.map((event) => event.position)).toEqual([2, 5, 7, 9])
    expect(child1Bundle().manifest.events[0]).toEqual({
      position: 2,
      streamId: "lincolnshire/referral/ref_1",
      streamType: "referral",
      recordId: "ref_1",
      version: 1,
      type: "ReferralSubmitted",
      recordedAt: "2027-06-01T08:00:00.000Z",
      data: { by: { name: "Priya Ashdown", role: "social_worker" } },
      hash: "hash-2"
    })
    expect(courtBundle(inputsFor("child-1")).manifest.integrity).toBeUndefined()
  })
})

describe("a court bundle's Regulation 24 placements (STAT-R24, STAT-R25-1, STAT-R25-2)", () => {
  const placement = june.placements.find((candidate) => candidate.childId === "child-7")!
  const placedRows = [
    ["Status", "placed"],
    ["Placed", "10:00 Thu 10 Jun 2027"],
    ["Authorised", "Owen Ellery, 16:00 Fri 11 Jun 2027"],
    ["Temporary approval", "from 10:00 Thu 10 Jun 2027 to 10:00 Thu 30 Sep 2027"]
  ]
  const placementRows = (changed: Placement) => {
    const section = courtBundle(inputsFor("child-7", { placements: [changed] })).document.sections.find((candidate) => candidate.heading === "Placements and extensions")!
    return { heading: section.subsections![0]!.heading, blocks: section.subsections![0]!.blocks, paragraphs: section.blocks }
  }

  it("the placement as it stands: placed, authorised, under temporary approval", () => {
    expect(placementRows(placement)).toEqual({
      heading: "Placement plc_1 (Regulation 24)",
      paragraphs: [],
      blocks: [
        {
          _tag: "Fields",
          rows: placedRows
        }
      ]
    })
  })

  it("the extension, who made it and when, and how the placement ended", () => {
    const approval = placement.approval!
    const extended: Placement = {
      ...placement,
      status: "ended",
      approval: { ...approval, expiresAt: DateTime.add(approval.originalExpiresAt, { weeks: 8 }), extension: { weeks: 8, by: { personId: staff.assistantDirector.personId, name: "Ruth Fairholme", role: "assistant_director" }, at: london("2027-09-20", "11:00") } },
      ended: { reason: "approved_as_foster_carer", by: { personId: staff.socialWorker.personId, name: "Priya Ashdown", role: "social_worker" }, at: london("2027-10-04", "15:00") }
    }
    expect(placementRows(extended).blocks).toEqual([
      {
        _tag: "Fields",
        rows: [
          ["Status", "ended"],
          ...placedRows.slice(1),
          ["Extension", "8 weeks, by Ruth Fairholme, 11:00 Mon 20 Sep 2027"],
          ["Ended", "approved as foster carer, 15:00 Mon 4 Oct 2027"]
        ]
      }
    ])
  })

  it("STAT-R25-2: an approval extended until an independent review's outcome is known says so, by whom and when", () => {
    const approval = placement.approval!
    const pending: Placement = {
      ...placement,
      approval: { ...approval, pendingReview: { by: { personId: staff.assistantDirector.personId, name: "Ruth Fairholme", role: "assistant_director" }, at: london("2027-09-27", "10:30") } }
    }
    expect(placementRows(pending).blocks[0]).toMatchObject({
      rows: expect.arrayContaining([["Extended pending review", "until the independent review's outcome is known (STAT-R25-2), by Ruth Fairholme, 10:30 Mon 27 Sep 2027"]])
    })
    const decided: Placement = {
      ...pending,
      approval: {
        ...pending.approval!,
        pendingReview: {
          ...pending.approval!.pendingReview!,
          outcome: { carersApproved: false, knownAt: london("2027-11-15", "14:00"), by: { personId: staff.socialWorker.personId, name: "Priya Ashdown", role: "social_worker" }, at: london("2027-11-16", "09:00") }
        }
      }
    }
    expect(placementRows(decided).blocks[0]).toMatchObject({
      rows: expect.arrayContaining([
        ["Independent review's outcome", "the carers were not approved: the temporary approval ended (STAT-R25-2), known 14:00 Mon 15 Nov 2027, recorded by Priya Ashdown, 09:00 Tue 16 Nov 2027"]
      ])
    })
  })

  it("STAT-S46, STAT-S20-CONSENT: police protection under the placement and how it ended; s20 consent, whose, and its withdrawal", () => {
    const worker = { personId: staff.socialWorker.personId, name: "Priya Ashdown", role: "social_worker" } as const
    const underPolice: Placement = { ...placement, policePowers: { underPoliceProtection: true, since: london("2027-06-09", "22:40"), by: worker, at: london("2027-06-10", "08:00") } }
    expect(placementRows(underPolice).blocks[0]).toMatchObject({ rows: expect.arrayContaining([["Police protection", "from 22:40 Wed 9 Jun 2027, not ended (STAT-S46)"]]) })
    const accommodated: Placement = {
      ...underPolice,
      policeProtectionEnded: { outcome: "accommodated_s20", endedAt: london("2027-06-11", "18:00"), by: worker, at: london("2027-06-11", "18:30") },
      s20Accommodation: {
        consents: [{ name: "Dawn Fielder", relationship: "mother", consentGivenAt: london("2027-06-11", "17:20"), consentGivenTo: "Priya Ashdown", toldOfRightToObjectAndRemove: true }],
        childWishes: { _tag: "Ascertained", wishesAndFeelings: "Wants to stay with her aunt for now" },
        by: worker,
        at: london("2027-06-11", "18:30"),
        withdrawn: { withdrawnBy: "Dawn Fielder", withdrawnAt: london("2027-07-01", "19:40"), by: worker, at: london("2027-07-02", "09:15") }
      }
    }
    expect(placementRows(accommodated).blocks[0]).toMatchObject({
      rows: expect.arrayContaining([
        ["Police protection", "from 22:40 Wed 9 Jun 2027; ended 18:00 Fri 11 Jun 2027: the child was accommodated under s20 with recorded consent (STAT-S46), recorded by Priya Ashdown"],
        ["Accommodated under s20", "with the consent of Dawn Fielder (mother, given 17:20 Fri 11 Jun 2027), recorded 18:30 Fri 11 Jun 2027 by Priya Ashdown; consent withdrawn by Dawn Fielder, 19:40 Thu 1 Jul 2027, recorded 09:15 Fri 2 Jul 2027 by Priya Ashdown (STAT-S20-CONSENT)"]
      ])
    })
  })

  it("a placement only identified: its status alone; a child without a request is named by id even for staff", () => {
    const identified: Placement = { ...placement, status: "identified", placement: undefined, authorisation: undefined, approval: undefined }
    expect(placementRows(identified).blocks).toEqual([{ _tag: "Fields", rows: [["Status", "identified"]] }])
    const child7 = courtBundle(inputsFor("child-7"))
    expect(child7.document.title).toBe("Court bundle: Child child-7")
    expect(sectionOf(child7, "Decisions")).toEqual({ heading: "Decisions", blocks: [paragraph("No decision was recorded.")], subsections: [] })
  })
})
