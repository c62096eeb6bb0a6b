import { describe, expect, it } from "@effect/vitest"
import type { CaseContext } from "../../src/notifications/CaseContext.js"
import { sittingNotifications } from "../../src/notifications/sittingNotifications.js"
import { ChildId, DecisionId, PanelId, PersonId, ReferralId, SittingId } from "../../src/shared/ids.js"
import type { SittingCommand } from "../../src/sitting/SittingCommands.js"
import { sittingDecider } from "../../src/sitting/SittingDecider.js"
import { staffOf } from "../../src/testing/actors.js"
import { as, contextOf, london } from "../fixtures.js"
import { robinsCase, story, who } from "./fixtures.js"

type Slug = "care-planning" | "north-somerset"
const panels: Record<Slug, string> = { "care-planning": "care-planning-and-resources", "north-somerset": "care-and-resource" }

const request1 = { referralId: ReferralId.make("ref_1"), childIds: [ChildId.make("child-1"), ChildId.make("child-2")], kind: "request" as const, summary: "Siblings" }
const request2 = { referralId: ReferralId.make("ref_2"), childIds: [], kind: "request" as const, summary: "Family support" }

/** Given a sitting on Wednesday 9 June 2027 with these agenda entries, told command by command. */
const sittingWith = (slug: Slug, entries: ReadonlyArray<typeof request1 | typeof request2>, known: CaseContext | undefined = robinsCase) => {
  const staff = staffOf(slug)
  const context = known === undefined ? contextOf(slug) : { ...contextOf(slug), case: known }
  const step = story(sittingDecider, context)
  const notify = (actor: keyof typeof staff, body: Record<string, unknown>, when = london("2027-06-07", "09:00")) => {
    const { events, state } = step({ ...body, by: as(staff[actor]), at: when } as SittingCommand)
    return sittingNotifications(events, state, context)
  }
  const scheduled = notify("administrator", { _tag: "ScheduleSitting", sittingId: SittingId.make("sit_1"), panelId: PanelId.make(panels[slug]), date: "2027-06-09" })
  const built = notify("administrator", { _tag: "BuildAgenda", entries })
  return { notify, scheduled, built }
}

/** The sitting over, its draft record to the chair, the final record back: what comes after is the upload. */
const recordBack = (slug: Slug, known?: CaseContext) => {
  const sitting = sittingWith(slug, [request1, request2], known)
  sitting.notify("administrator", { _tag: "PublishAgenda" })
  sitting.notify("administrator", { _tag: "SendDraftRecordToChair" }, london("2027-06-09", "17:00"))
  const final = sitting.notify("chair", { _tag: "ReturnFinalRecord" }, london("2027-06-10", "16:00"))
  return { ...sitting, final }
}

const sheet = { decisionId: DecisionId.make("dec_1"), sha256: "a".repeat(64), generatedAt: london("2027-06-10", "17:00"), amendments: 1 }
const upload = (sitting: ReturnType<typeof recordBack>, withSheet = true) =>
  sitting.notify(
    "administrator",
    { _tag: "RecordChildUploaded", childId: ChildId.make("child-2"), referralId: ReferralId.make("ref_1"), ...(withSheet ? { sheet } : {}) },
    london("2027-06-11", "09:15")
  )

describe("what a sitting's notices say", () => {
  it("CPR-9: the agenda says when the panel sits, each item's slot and its children's ids, and 'none' for an item without children", () => {
    const { notify } = sittingWith("care-planning", [request1, request2])
    const [published] = notify("administrator", { _tag: "PublishAgenda" })
    expect(published?.body).toEqual([
      "The Care Planning & Resources Panel sits on Wed 9 Jun 2027, 09:30-13:00.",
      "2 items:",
      "09:30-09:50 request ref_1 (child ids child-1, child-2)",
      "09:50-10:10 request ref_2 (child ids none)",
      "The request forms and earlier records are in Carepanel: read them before the sitting."
    ])
    expect(published?.facts).toEqual({
      sittingId: "sit_1",
      panelId: "care-planning-and-resources",
      date: "2027-06-09",
      startsAt: "2027-06-09T08:30:00.000Z",
      items: 2,
      publishedAt: "2027-06-07T08:00:00.000Z"
    })
  })

  it("CPR-9: an agenda of one request says '1 item'", () => {
    const { notify } = sittingWith("care-planning", [request1])
    const [published] = notify("administrator", { _tag: "PublishAgenda" })
    expect(published?.body[1]).toBe("1 item:")
  })

  it("scheduling a sitting and building its agenda tell no one yet, nor does a sitting that is not there", () => {
    const { scheduled, built } = sittingWith("care-planning", [request1])
    expect([...scheduled, ...built]).toEqual([])
    expect(sittingNotifications([], undefined, contextOf("care-planning"))).toEqual([])
  })

  it("a cancelled sitting tells members and the chair which sitting will not take place, and who cancelled it", () => {
    const { notify } = sittingWith("care-planning", [request1])
    notify("administrator", { _tag: "PublishAgenda" })
    const [cancelled] = notify("administrator", { _tag: "CancelSitting", reason: "Chair unwell" }, london("2027-06-08", "08:00"))
    expect(cancelled?.kind).toBe("sitting.cancelled")
    expect(cancelled?.headline).toBe("The Care Planning & Resources Panel on Wed 9 Jun 2027 is cancelled")
    expect(cancelled?.body).toEqual(["The sitting on Wed 9 Jun 2027, 09:30-13:00 will not take place. Cancelled by Dev Ingleby."])
    expect(cancelled?.actBy).toBeUndefined()
    expect(cancelled?.facts).toEqual({ sittingId: "sit_1", panelId: "care-planning-and-resources", date: "2027-06-09", startsAt: "2027-06-09T08:30:00.000Z", items: 1 })
  })

  it("CPR-11: the chair is told the draft record must be final before the next sitting; North Somerset sets no record clock, so neither that line nor an act-by", () => {
    const carePlanning = sittingWith("care-planning", [request1])
    const [draft] = carePlanning.notify("administrator", { _tag: "SendDraftRecordToChair" }, london("2027-06-09", "14:00"))
    expect(draft?.body).toEqual(["Check the draft record and return the final record.", "It must be final before the next sitting at the latest."])
    const northSomerset = sittingWith("north-somerset", [request1])
    const [nsDraft] = northSomerset.notify("administrator", { _tag: "SendDraftRecordToChair" }, london("2027-06-09", "17:00"))
    expect(who([nsDraft!])[0]?.to).toBe("role:assistant_director")
    expect(nsDraft?.headline).toBe("Draft record of the Care and Resource Panel on Wed 9 Jun 2027 is ready for the chair")
    expect(nsDraft?.body).toEqual(["Check the draft record and return the final record."])
    expect(nsDraft?.actBy).toBeUndefined()
  })

  it("CPR-11: the administrator is told how many children's records to upload, within 24 hours", () => {
    const [two] = recordBack("care-planning").final
    expect(two?.headline).toBe("Final record of the Care Planning & Resources Panel on Wed 9 Jun 2027 is back from the chair")
    expect(two?.body).toEqual(["Upload each child's record to the case system: 2 child records."])
    expect(two?.actBy?.due).toBe("2027-06-11T15:00:00.000Z")
    const one = sittingWith("care-planning", [{ ...request1, childIds: [ChildId.make("child-1")] }])
    one.notify("administrator", { _tag: "SendDraftRecordToChair" }, london("2027-06-09", "14:00"))
    const [single] = one.notify("chair", { _tag: "ReturnFinalRecord" }, london("2027-06-10", "16:00"))
    expect(single?.body).toEqual(["Upload each child's record to the case system: 1 child record."])
  })

  it("North Somerset's administrator is told the children on the agenda too, with no upload clock to act by", () => {
    const [final] = recordBack("north-somerset").final
    expect(final?.body).toEqual(["Upload each child's record to the case system: 2 child records."])
    expect(final?.actBy).toBeUndefined()
  })

  it("CPR-11: the decision sheet filed to a child's file is told to the child's social worker: which sheet, who uploaded it when, and its SHA-256", () => {
    const notices = upload(recordBack("care-planning"))
    expect(who(notices)).toEqual([{ id: "sit_1:sheet-filed:child-2:caseholder", kind: "decision.sheet_uploaded", to: "person:priya-ashdown", ruleId: undefined }])
    const [filed] = notices
    expect(filed?.headline).toBe("The decision sheet for child child-2 is on the child's file (CPR-11)")
    expect(filed?.body).toEqual([
      "The final decision sheet of decision dec_1 was made at 17:00 Thu 10 Jun 2027 and recorded as uploaded to child child-2's file by Dev Ingleby at 09:15 Fri 11 Jun 2027.",
      `SHA-256 of the PDF: ${"a".repeat(64)}.`
    ])
    expect(filed?.facts).toEqual({
      sittingId: "sit_1",
      panelId: "care-planning-and-resources",
      date: "2027-06-09",
      startsAt: "2027-06-09T08:30:00.000Z",
      items: 2,
      decisionId: "dec_1",
      referralId: "ref_1",
      childId: "child-2",
      stage: "final",
      amendments: 1,
      sha256: "a".repeat(64),
      mediaType: "application/pdf",
      generatedAt: "2027-06-10T16:00:00.000Z",
      uploadedAt: "2027-06-11T08:15:00.000Z",
      ruleId: "CPR-11"
    })
  })

  it("a filed sheet goes to the case's team manager when the request names no social worker, and to the team manager role when the case is not known", () => {
    const noSocialWorker: CaseContext = { teamManager: { personId: PersonId.make("tom-brackley"), name: "Tom Brackley" }, childNames: ["Robin Testwood"] }
    expect(upload(recordBack("care-planning", noSocialWorker))[0]?.recipients).toEqual([{ _tag: "Person", personId: "tom-brackley", name: "Tom Brackley" }])
    expect(upload(recordBack("care-planning", { childNames: [] }))[0]?.recipients).toEqual([{ _tag: "RoleHolder", role: "team_manager" }])
  })

  it("North Somerset's filed sheet names no rule, as it runs no upload clock", () => {
    const [filed] = upload(recordBack("north-somerset"))
    expect(filed?.headline).toBe("The decision sheet for child child-2 is on the child's file")
    expect(filed?.facts.ruleId).toBeUndefined()
  })

  it("a sitting whose panel has since left the authority's policy still reaches the panel chair, and names the panel by its id", () => {
    const step = story(sittingDecider, contextOf("care-planning"))
    const staff = staffOf("care-planning")
    const at = london("2027-06-07", "09:00")
    step({ _tag: "ScheduleSitting", sittingId: SittingId.make("sit_1"), panelId: PanelId.make(panels["care-planning"]), date: "2027-06-09", by: as(staff.administrator), at } as SittingCommand)
    step({ _tag: "BuildAgenda", entries: [request1], by: as(staff.administrator), at } as SittingCommand)
    const { events, state } = step({ _tag: "PublishAgenda", by: as(staff.administrator), at } as SittingCommand)
    const policy = contextOf("care-planning").policy
    const published = sittingNotifications(events, state, { ...contextOf("care-planning"), policy: { ...policy, panels: [{ ...policy.panels[0], id: PanelId.make("family-support") }] } })
    expect(who(published).map((n) => n.to)).toEqual(["role:panel_member", "role:panel_chair"])
    expect(published[0]?.headline).toBe("Agenda and papers for the panel care-planning-and-resources on Wed 9 Jun 2027")
  })

  it("an upload recorded by hand, without a sheet Carepanel made, tells no one", () => {
    expect(upload(recordBack("care-planning"), false)).toEqual([])
  })
})
