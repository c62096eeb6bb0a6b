import { describe, expect, it } from "@effect/vitest"
import { accessRecords } from "../../src/access/ChildRead.js"
import { redactedText } from "../../src/access/redactedText.js"
import { readBy } from "../../src/documents/DocumentReader.js"
import { paragraph, textOf } from "../../src/documents/DocumentModel.js"
import { sittingMinutes } from "../../src/documents/sittingMinutes.js"
import { PersonId } from "../../src/shared/ids.js"
import type { Attendance } from "../../src/sitting/SittingEvents.js"
import { afterHours, minutesOf9June, readerAs } from "./fixtures.js"

const indexOf = (texts: ReadonlyArray<string>, needle: string, from = 0) => texts.findIndex((text, i) => i >= from && text.includes(needle))

describe("the minutes of a sitting", () => {
  // Made inside each test, not once here: a fault planted while tests run (as mutation testing does) must reach it.
  const minutesForChair = () => sittingMinutes(minutesOf9June(readerAs("chair")))
  const textForChair = () => textOf(minutesForChair())

  it("CPR-10: attendance, then each agenda item in order with discussion, decision, actions and dissent", () => {
    const order = ["Attendance", "Martin Gorsley", "apologies", "Item 1", "What is working well", "School attendance", "Decision", "approved", "Proportionate to the risks described", "Family group conference", "Dissent", "Sam Jessop", "Accommodation is not the least intrusive option", "upheld", "Item 2", "deferred", "No member dissented", "Item 3", "Item 4", "declined", "No actions were set", "The record's clocks"]
    let at = 0
    for (const needle of order) {
      const found = indexOf(textForChair(), needle, at)
      expect(found, `"${needle}" after position ${at}`).toBeGreaterThanOrEqual(at)
      at = found
    }
    expect(textForChair().filter((line) => /^Item \d/.test(line))).toHaveLength(4)
  })

  it("names each action's owner and due date, and the chair's quorum decision when recorded", () => {
    expect(textForChair()).toContain("Wed 30 Jun 2027")
    expect(textForChair()).toContain("social worker")
    expect(textForChair()).toContain("The chair's decision on quorum was not recorded.")
    const decided = sittingMinutes(minutesOf9June(readerAs("chair"), (inputs) => ({
      ...inputs,
      sitting: { ...inputs.sitting, quorum: { enough: true, note: "Three members and the chair", by: { personId: inputs.reader.actor.personId, name: "Martin Gorsley", role: "panel_chair" } } }
    })))
    expect(textOf(decided)).toContain("Martin Gorsley (chair) found enough members present to proceed: Three members and the chair.")
  })

  it("CPR-11: watermarked as a draft, then as with the chair, and without a watermark once final", () => {
    expect([minutesForChair().stage, minutesForChair().watermark]).toEqual(["draft", "DRAFT - NOT FOR CIRCULATION"])
    const withChair = sittingMinutes(minutesOf9June(readerAs("chair"), (inputs) => ({ ...inputs, sitting: { ...inputs.sitting, record: { uploads: [], draftSentAt: afterHours(-800) } } })))
    expect([withChair.stage, withChair.watermark]).toEqual(["with_chair", "DRAFT - WITH THE CHAIR FOR CHECKING"])
    const final = sittingMinutes(minutesOf9June(readerAs("chair"), (inputs) => ({ ...inputs, sitting: { ...inputs.sitting, record: { uploads: [], draftSentAt: afterHours(-800), finalAt: afterHours(-790) } } })))
    expect(final.stage).toBe("final")
    expect(final.watermark).toBeUndefined()
    expect(textOf(final).some((line) => line.startsWith("Final record, returned by the chair"))).toBe(true)
  })

  it("names the children for staff; an integrator without the identity grant reads ids and no name, and no free text", () => {
    expect(textForChair()).toContain("Test Child 1 (child-1)")
    const named = (inputs: ReturnType<typeof minutesOf9June>) => ({
      ...inputs,
      decisions: inputs.decisions.map((decision) => ({ ...decision, content: { ...decision.content, rationale: `Test Child 1 needs a stable home` } }))
    })
    const integrator = textOf(sittingMinutes(minutesOf9June(readerAs("integrator"), named)))
    expect(integrator.join("\n")).not.toContain("Test Child")
    expect(integrator).toContain("Child child-1")
    expect(integrator).toContain(redactedText)
    expect(integrator.join("\n")).not.toContain("stable home")
    const granted = textOf(sittingMinutes(minutesOf9June(readerAs("integrator", true), named)))
    expect(granted).toContain("Test Child 1 needs a stable home")
  })

  it("a read is one access-log entry per child heard, with the fields read and never their values", () => {
    const records = accessRecords(readBy(readerAs("integrator"), "MinutesForCaseSystem", afterHours(0)), sittingMinutes(minutesOf9June(readerAs("integrator"))).reads)
    expect(records.map((record) => record.childId)).toEqual(["child-1", "child-2", "child-3", "child-5"])
    expect(records[0]).toMatchObject({ personId: "case-system-bridge", role: "integrator", purpose: "MinutesForCaseSystem", at: "2027-07-15T08:00:00.000Z" })
    expect(records[0]!.fields).not.toContain("fullName")
    expect(accessRecords(readBy(readerAs("chair"), "Minutes", afterHours(0)), minutesForChair().reads)[0]!.fields).toContain("fullName")
  })
})

describe("the minutes' sitting, attendance and items, line by line (CPR-10, KNO-2)", () => {
  const chair = readerAs("chair")
  const sectionOf = (inputs: ReturnType<typeof minutesOf9June>, heading: string) => sittingMinutes(inputs).sections.find((section) => section.heading === heading)!
  const member = (name: string, status: Attendance["status"], more: Partial<Attendance> = {}): Attendance => ({
    personId: PersonId.make(name.toLowerCase().replace(/ /g, "-")),
    name,
    seat: "Member",
    membership: "standing",
    status,
    ...more
  })

  it("the sitting: panel, date, time and where the record is; a cancelled sitting gives its reason", () => {
    expect(sectionOf(minutesOf9June(chair), "The sitting").blocks).toEqual([
      { _tag: "Fields", rows: [["Panel", "Support Panel"], ["Date", "Wed 9 Jun 2027"], ["Time", "10:00-13:00"], ["Record", "Draft record, not yet sent to the chair"]] }
    ])
    const cancelled = minutesOf9June(chair, (inputs) => ({ ...inputs, sitting: { ...inputs.sitting, cancelled: { reason: "Chair unwell", by: { personId: inputs.reader.actor.personId, name: "Martin Gorsley", role: "panel_chair" } } } }))
    expect(sectionOf(cancelled, "The sitting").blocks[0]).toMatchObject({ rows: expect.arrayContaining([["Cancelled", "Chair unwell"]]) })
    const withChair = minutesOf9June(chair, (inputs) => ({ ...inputs, sitting: { ...inputs.sitting, record: { uploads: [], draftSentAt: afterHours(-800) } } }))
    expect(sittingMinutes(withChair).subtitle).toBe("Lincolnshire County Council. Draft record, sent to the chair 01:00 Sat 12 Jun 2027.")
  })

  it("every member's attendance in words, deputies with whom they stand in for, and the chair's finding on quorum", () => {
    const roll = minutesOf9June(chair, (inputs) => ({
      ...inputs,
      sitting: {
        ...inputs.sitting,
        attendance: [
          member("Martin Gorsley", "present"),
          member("Nadia Okafor", "deputy", { standsInFor: "Sam Jessop" }),
          member("Lewis Brand", "deputy"),
          member("Rhys Tan", "deputy", { standsInForPersonId: PersonId.make("tom-reed"), standsInFor: "T. Reed" }),
          member("Cora Pell", "confirmed", { membership: "non_standing" }),
          member("Ivy Marsh", "observer"),
          member("Tom Reed", "apologies"),
          member("Ada Fenn", "apologies")
        ],
        quorum: { enough: false, note: " ", by: { personId: inputs.reader.actor.personId, name: "Martin Gorsley", role: "panel_chair" } }
      }
    }))
    expect(sectionOf(roll, "Attendance").blocks).toEqual([
      {
        _tag: "Table",
        caption: "Members and attendance",
        columns: ["Name", "Seat", "Attendance"],
        rows: [
          ["Martin Gorsley", "Member", "present"],
          ["Nadia Okafor", "Member", "deputy for Sam Jessop"],
          ["Lewis Brand", "Member", "deputy for a member"],
          ["Rhys Tan", "Member", "deputy for Tom Reed"],
          ["Cora Pell", "Member", "confirmed in advance"],
          ["Ivy Marsh", "Member", "observer"],
          ["Tom Reed", "Member", "apologies, Rhys Tan as deputy"],
          ["Ada Fenn", "Member", "apologies"]
        ]
      },
      { _tag: "Fields", rows: [["Apologies", "Tom Reed; Ada Fenn"], ["Deputies", "Nadia Okafor for Sam Jessop; Lewis Brand for a member; Rhys Tan for Tom Reed"], ["Observers", "Ivy Marsh"]] },
      paragraph("Martin Gorsley (chair) found not enough members present to proceed.")
    ])
    const nobody = minutesOf9June(chair, (inputs) => ({ ...inputs, sitting: { ...inputs.sitting, attendance: [] } }))
    expect(sectionOf(nobody, "Attendance").blocks.slice(0, 2)).toEqual([
      paragraph("No attendance was recorded."),
      { _tag: "Fields", rows: [["Apologies", "none"], ["Deputies", "none"], ["Observers", "none"]] }
    ])
  })

  it("KNO-2: a member present who also represents members away is shown so, each member away with who covered their seat, and listed with the representatives beside the deputies", () => {
    const roll = minutesOf9June(chair, (inputs) => ({
      ...inputs,
      sitting: {
        ...inputs.sitting,
        attendance: [
          member("Jo Pellow", "present", { represents: [PersonId.make("amira-patel"), PersonId.make("tom-reed")] }),
          member("Ben Morrow", "present", { represents: [PersonId.make("ada-fenn")] }),
          member("Rhys Tan", "deputy", { standsInForPersonId: PersonId.make("sam-jessop"), standsInFor: "Sam Jessop" }),
          member("Amira Patel", "apologies"),
          member("Tom Reed", "apologies"),
          member("Ada Fenn", "apologies"),
          member("Sam Jessop", "apologies")
        ]
      }
    }))
    const [table, summary] = sectionOf(roll, "Attendance").blocks
    expect(table).toMatchObject({
      rows: [
        ["Jo Pellow", "Member", "present, also representing Amira Patel and Tom Reed"],
        ["Ben Morrow", "Member", "present, also representing Ada Fenn"],
        ["Rhys Tan", "Member", "deputy for Sam Jessop"],
        ["Amira Patel", "Member", "apologies, represented by Jo Pellow"],
        ["Tom Reed", "Member", "apologies, represented by Jo Pellow"],
        ["Ada Fenn", "Member", "apologies, represented by Ben Morrow"],
        ["Sam Jessop", "Member", "apologies, Rhys Tan as deputy"]
      ]
    })
    expect(summary).toEqual({
      _tag: "Fields",
      rows: [
        ["Apologies", "Amira Patel; Tom Reed; Ada Fenn; Sam Jessop"],
        ["Deputies", "Rhys Tan for Sam Jessop"],
        ["Representatives", "Jo Pellow for Amira Patel and Tom Reed; Ben Morrow for Ada Fenn"],
        ["Observers", "none"]
      ]
    })
  })

  it("each item: its slot, the children, the request and who presented it; only this sitting's decision on it", () => {
    const items = sectionOf(minutesOf9June(chair), "Items").subsections!
    expect(items[0]!.heading).toBe("Item 1, 10:00-10:30: Request")
    expect(items[0]!.blocks).toEqual([
      {
        _tag: "Fields",
        rows: [
          ["Children", "Test Child 1 (child-1)"],
          ["Request", "ref_1 (request)"],
          ["Asked", "Agreement to accommodate under section 20 while the family network is assessed"],
          ["Presented by", "Priya Ashdown"]
        ]
      }
    ])
    // ref_2 was deferred here and heard again on 16 and 23 June: these minutes hold the 9 June decision only.
    // Given the decisions latest first, as a store may list them, the item still takes this sitting's.
    const asked = (referral: ReturnType<typeof minutesOf9June>["referrals"][number]) => ({ ...referral, form: { ...referral.form, request: `What ${referral.id} asks` } })
    const latestFirst = sectionOf(
      minutesOf9June(chair, (inputs) => ({ ...inputs, decisions: [...inputs.decisions].reverse(), referrals: [...inputs.referrals].reverse().map(asked) })),
      "Items"
    ).subsections!
    const ref2 = latestFirst.find((item) => item.blocks.some((block) => block._tag === "Fields" && block.rows.some((row) => row[1] === "ref_2 (request)")))!
    const decided = ref2.subsections!.find((section) => section.heading === "Decision")!
    expect(decided.blocks[0]).toMatchObject({ rows: expect.arrayContaining([["Decision", "deferred"], ["Made", "at panel, 13:00 Wed 9 Jun 2027"]]) })
    expect(latestFirst[0]!.blocks[0]).toMatchObject({ rows: expect.arrayContaining([["Asked", "What ref_1 asks"]]) })
  })

  it("an item without a decision or notes says so; an empty agenda says nothing was on it and reads no child", () => {
    const undecided = minutesOf9June(chair, (inputs) => ({ ...inputs, decisions: [], referrals: [] }))
    const [first] = sectionOf(undecided, "Items").subsections!
    expect(first!.blocks[0]).toEqual({ _tag: "Fields", rows: [["Children", "Child child-1"], ["Request", "ref_1 (request)"]] })
    expect(first!.subsections).toEqual([
      { heading: "Presentation and discussion", blocks: [paragraph("No highlights of the presentation and discussion were recorded.")] },
      { heading: "Decision", blocks: [paragraph("No decision was recorded on this item.")] },
      { heading: "Dissent", blocks: [paragraph("No member dissented.")] }
    ])
    const empty = sittingMinutes(minutesOf9June(chair, (inputs) => ({ ...inputs, sitting: { ...inputs.sitting, agenda: [] } })))
    expect(empty.sections.find((section) => section.heading === "Items")).toEqual({ heading: "Items", blocks: [paragraph("Nothing was on the agenda.")], subsections: [] })
    expect(empty.reads).toEqual([])
  })

  it("CPR-11: the record's own clocks, and no other sitting's or record's", () => {
    const inputs = minutesOf9June(chair)
    const [clock] = inputs.deadlines
    const ofSitting = (id: string, kind: "sitting" | "decision") => ({ ...clock!, title: `${kind} ${id}`, about: { kind, id } as never })
    const withClocks = { ...inputs, deadlines: [ofSitting("sit_9jun", "sitting"), ofSitting("sit_16jun", "sitting"), ofSitting("sit_9jun", "decision")] }
    const [table] = sectionOf(withClocks, "The record's clocks").blocks
    expect(table).toMatchObject({ _tag: "Table", caption: "The record and papers" })
    expect(table?._tag === "Table" && table.rows.map((row) => row[0])).toEqual(["sitting sit_9jun"])
  })

  it("reads, for each child heard once, the fields the minutes print", () => {
    expect(sittingMinutes(minutesOf9June(chair)).reads[0]).toEqual({ childId: "child-1", fields: ["agendaItem", "decision", "rationale", "minutes", "highlights", "actions", "dissent", "fullName"] })
  })
})
