import { describe, expect, it } from "@effect/vitest"
import { sittingNotifications } from "../../src/notifications/sittingNotifications.js"
import { ChildId, PanelId, ReferralId, SittingId } from "../../src/shared/ids.js"
import type { SittingCommand } from "../../src/sitting/SittingCommands.js"
import { sittingDecider } from "../../src/sitting/SittingDecider.js"
import { staffOf } from "../../src/testing/actors.js"
import { as, contextOf, london } from "../fixtures.js"
import { story, who } from "./fixtures.js"

type Slug = "care-planning" | "north-somerset"
const panels: Record<Slug, string> = { "care-planning": "care-planning-and-resources", "north-somerset": "care-and-resource" }

/** A sitting on Wednesday 9 June 2027 with two requests on its agenda, told command by command. */
const sittingAt = (slug: Slug) => {
  const staff = staffOf(slug)
  const context = contextOf(slug)
  const step = story(sittingDecider, context)
  const cmd = (actor: keyof typeof staff, body: Record<string, unknown>, when = london("2027-06-07", "09:00")) =>
    ({ ...body, by: as(staff[actor]), at: when }) as SittingCommand
  const notify = (command: SittingCommand) => {
    const { events, state } = step(command)
    return sittingNotifications(events, state, context)
  }
  notify(cmd("administrator", { _tag: "ScheduleSitting", sittingId: SittingId.make("sit_1"), panelId: PanelId.make(panels[slug]), date: "2027-06-09" }))
  const entries = [1, 2].map((n) => ({
    referralId: ReferralId.make(`ref_${n}`),
    childIds: [ChildId.make(`child-${n}`)],
    kind: "request" as const,
    summary: `Placement for Robin Testwood ${n}`
  }))
  notify(cmd("administrator", { _tag: "BuildAgenda", entries }))
  return { notify, cmd }
}

describe("sitting notifications", () => {
  it("CPR-9: the published agenda goes to members and the chair, to act by noon on the Tuesday before", () => {
    const { notify, cmd } = sittingAt("care-planning")
    const published = notify(cmd("administrator", { _tag: "PublishAgenda" }, london("2027-06-07", "10:00")))
    expect(who(published)).toEqual([
      { id: "sit_1:agenda:2027-06-07T09:00:00.000Z:panel_member", kind: "sitting.agenda_published", to: "role:panel_member", ruleId: "CPR-9" },
      { id: "sit_1:agenda:2027-06-07T09:00:00.000Z:panel_chair", kind: "sitting.agenda_published", to: "role:panel_chair", ruleId: "CPR-9" }
    ])
    expect(published[0]?.actBy).toEqual({
      due: "2027-06-08T11:00:00.000Z",
      ruleId: "CPR-9",
      explanation: "due 12:00 Tue 8 Jun 2027 - CPR-9: noon on the Tuesday before the sitting on Wed 9 Jun 2027"
    })
    expect(published[0]?.headline).toBe("Agenda and papers for the Care Planning & Resources Panel on Wed 9 Jun 2027")
    expect(published[0]?.body).toContain("09:30-09:50 request ref_1 (child ids child-1)")
    // Agenda summaries stay with the papers: a summary may name a child.
    expect(published[0]?.body.join("\n")).not.toContain("Robin")
  })

  it("NSO-3: North Somerset's papers go to members and to the Assistant Director who chairs, by noon Monday", () => {
    const { notify, cmd } = sittingAt("north-somerset")
    const published = notify(cmd("administrator", { _tag: "PublishAgenda" }))
    expect(who(published).map((n) => [n.to, n.ruleId])).toEqual([
      ["role:panel_member", "NSO-3"],
      ["role:assistant_director", "NSO-3"]
    ])
    expect(published[0]?.actBy?.due).toBe("2027-06-07T11:00:00.000Z")
  })

  it("CPR-9: an agenda rebuilt and published again goes out again, under new ids", () => {
    const { notify, cmd } = sittingAt("care-planning")
    const first = notify(cmd("administrator", { _tag: "PublishAgenda" }, london("2027-06-07", "10:00")))
    notify(cmd("administrator", { _tag: "BuildAgenda", entries: [{ referralId: ReferralId.make("ref_1"), childIds: [ChildId.make("child-1")], kind: "request", summary: "x" }] }))
    const second = notify(cmd("administrator", { _tag: "PublishAgenda" }, london("2027-06-07", "15:00")))
    expect(second.map((n) => n.id)).not.toEqual(first.map((n) => n.id))
  })

  it("CPR-11: the draft record goes to the chair with 48 hours to return it; the final record to the administrator to upload", () => {
    const { notify, cmd } = sittingAt("care-planning")
    notify(cmd("administrator", { _tag: "PublishAgenda" }))
    const draft = notify(cmd("administrator", { _tag: "SendDraftRecordToChair" }, london("2027-06-09", "14:00")))
    expect(who(draft)).toEqual([
      { id: "sit_1:record-draft:2027-06-09T13:00:00.000Z:panel_chair", kind: "sitting.draft_record_with_chair", to: "role:panel_chair", ruleId: "CPR-11" }
    ])
    expect(draft[0]?.actBy?.due).toBe("2027-06-11T13:00:00.000Z")
    const final = notify(cmd("chair", { _tag: "ReturnFinalRecord" }, london("2027-06-10", "16:00")))
    expect(who(final)).toEqual([
      { id: "sit_1:record-final:2027-06-10T15:00:00.000Z:panel_administrator", kind: "sitting.final_record_returned", to: "role:panel_administrator", ruleId: "CPR-11" }
    ])
    expect(final[0]?.actBy?.due).toBe("2027-06-11T15:00:00.000Z")
  })

  it("a cancelled sitting tells members only once they hold its papers", () => {
    const unpublished = sittingAt("care-planning")
    expect(unpublished.notify(unpublished.cmd("administrator", { _tag: "CancelSitting", reason: "Chair unwell" }))).toEqual([])
    const published = sittingAt("care-planning")
    published.notify(published.cmd("administrator", { _tag: "PublishAgenda" }))
    const cancelled = published.notify(published.cmd("administrator", { _tag: "CancelSitting", reason: "Chair unwell" }))
    expect(who(cancelled).map((n) => n.id)).toEqual(["sit_1:cancelled:panel_member", "sit_1:cancelled:panel_chair"])
  })
})
