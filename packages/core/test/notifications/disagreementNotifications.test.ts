import { describe, expect, it } from "@effect/vitest"
import type { DisagreementCommand } from "../../src/disagreement/DisagreementCommands.js"
import { disagreementDecider } from "../../src/disagreement/DisagreementDecider.js"
import { disagreementNotifications } from "../../src/notifications/disagreementNotifications.js"
import type { Actor } from "../../src/shared/actor.js"
import { DisagreementId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { as, contextOf, london } from "../fixtures.js"
import { decisionAtPanel } from "../disagreement/fixtures.js"
import { robinsCase, story, who } from "./fixtures.js"

type Slug = "support-panels" | "lincolnshire"
const party = (actor: Actor) => ({ personId: actor.personId, name: actor.name })

/** A member's dissent from decision dec_1, recorded at the sitting; the context carries Robin's case. */
const dissentAt = (slug: Slug) => {
  const staff = staffOf(slug)
  const context = { ...contextOf(slug), case: robinsCase }
  const step = story(disagreementDecider, contextOf(slug))
  const cmd = (actor: keyof typeof staff, body: Record<string, unknown>, when = london("2027-06-09", "11:00")) =>
    ({ ...body, by: as(staff[actor]), at: when }) as DisagreementCommand
  const notify = (command: DisagreementCommand) => {
    const { events, state } = step(command)
    return disagreementNotifications(events, state, context)
  }
  const recorded = notify(
    cmd("member", {
      _tag: "RecordDissent",
      disagreementId: DisagreementId.make("dis_1"),
      decision: decisionAtPanel(),
      member: party(staff.member),
      dissentsFrom: { _tag: "Decision" },
      grounds: "Residential care is not the least intrusive option for Robin Testwood"
    })
  )
  return { staff, cmd, notify, recorded }
}

describe("disagreement notifications", () => {
  it("SUP-8: areas noted, the member is told to raise it with their own manager by the escalation clock", () => {
    const sup = dissentAt("support-panels")
    const noted = sup.notify(sup.cmd("chair", { _tag: "NoteAreasOfDisagreement", areas: ["Placement type"] }))
    expect(who(noted)).toEqual([{ id: "dis_1:areas-noted:member", kind: "disagreement.areas_noted", to: "person:sam-jessop", ruleId: "DEF-DISAGREEMENT-10WD" }])
    expect(noted[0]?.actBy).toMatchObject({ due: "2027-06-23T16:00:00.000Z", ruleId: "DEF-DISAGREEMENT-10WD" })
    expect(noted[0]?.body[1]).toBe("Grounds: Residential care is not the least intrusive option for the child")
    // Areas added later are in the record but start nothing new.
    expect(sup.notify(sup.cmd("chair", { _tag: "NoteAreasOfDisagreement", areas: ["Cost"] }, london("2027-06-09", "12:00")))).toEqual([])
  })

  it("SUP-8: each escalation goes to the person it is escalated to, by name, with the same clock; the outcome to the member", () => {
    const sup = dissentAt("support-panels")
    sup.notify(sup.cmd("chair", { _tag: "NoteAreasOfDisagreement", areas: ["Placement type"] }))
    const toManager = sup.notify(sup.cmd("member", { _tag: "Escalate", step: "member_manager", to: party(sup.staff.teamManager) }))
    expect(who(toManager)).toEqual([
      { id: "dis_1:escalated:member_manager", kind: "disagreement.escalated", to: "person:tom-brackley", ruleId: "DEF-DISAGREEMENT-10WD" }
    ])
    const toDirector = sup.notify(sup.cmd("teamManager", { _tag: "Escalate", step: "assistant_director", to: party(sup.staff.assistantDirector) }))
    expect(who(toDirector)).toEqual([
      { id: "dis_1:escalated:assistant_director", kind: "disagreement.escalated", to: "person:ruth-fairholme", ruleId: "DEF-DISAGREEMENT-10WD" }
    ])
    expect(toDirector[0]?.headline).toBe("A disagreement with the panel's decision for child child-1 (accommodation under section 20) is escalated to you (SUP-8)")
    const outcome = sup.notify(
      sup.cmd("assistantDirector", { _tag: "RecordOutcome", outcome: "upheld", rationale: "Residential is the least intrusive option for now" })
    )
    expect(who(outcome)).toEqual([{ id: "dis_1:outcome:member", kind: "disagreement.outcome", to: "person:sam-jessop", ruleId: undefined }])
    expect(outcome[0]?.headline).toBe("Outcome of your disagreement with the panel's decision for child child-1 (accommodation under section 20): decision upheld")
  })

  it("SUP-8, LIN-13: a recorded dissent asks the chair to note the areas at panel, by 17:00 the next working day", () => {
    const { recorded } = dissentAt("lincolnshire")
    expect(who(recorded)).toEqual([{ id: "dis_1:dissent-recorded:panel_chair", kind: "disagreement.dissent_recorded", to: "role:panel_chair", ruleId: "DEF-DISAGREEMENT-NOTE-NEXT-WD" }])
    expect(recorded[0]).toMatchObject({
      headline: "Note the areas of disagreement with the panel's decision for child child-1 (accommodation under section 20) (LIN-13)",
      actBy: { due: "2027-06-10T16:00:00.000Z", explanation: "due 17:00 Thu 10 Jun 2027 - DEF-DISAGREEMENT-NOTE-NEXT-WD, Carepanel default, not in the terms of reference; set by the authority's policy: 17:00, 1 working day after the dissent was recorded at 11:00 Wed 9 Jun 2027" }
    })
    expect(recorded[0]?.body).toContain("Attendance at the sitting was not recorded when the dissent was, so Sam Jessop's attendance is not checked.")
  })

  it("LIN-13: a dissent from the whole decision names the decision and the request", () => {
    const { recorded } = dissentAt("lincolnshire")
    expect(recorded[0]?.body[0]).toBe("Sam Jessop formally dissents from panel decision dec_1 on request ref_1 (LIN-13).")
  })

  it("SUP-8: a decision varied after a disagreement goes to the chair and the administrator to amend, with what happens now", () => {
    const sup = dissentAt("support-panels")
    sup.notify(sup.cmd("chair", { _tag: "NoteAreasOfDisagreement", areas: ["Placement type"] }))
    sup.notify(sup.cmd("member", { _tag: "Escalate", step: "member_manager", to: party(sup.staff.teamManager) }))
    sup.notify(sup.cmd("teamManager", { _tag: "Escalate", step: "assistant_director", to: party(sup.staff.assistantDirector) }))
    const varied = sup.notify(
      sup.cmd("assistantDirector", {
        _tag: "RecordOutcome",
        outcome: "varied",
        rationale: "Residential for 6 weeks only",
        nextSteps: "The chair amends the decision for Robin Testwood to 6 weeks"
      })
    )
    expect(who(varied).map((n) => [n.id, n.to])).toEqual([
      ["dis_1:outcome:member", "person:sam-jessop"],
      ["dis_1:amend-decision:panel_chair", "role:panel_chair"],
      ["dis_1:amend-decision:panel_administrator", "role:panel_administrator"]
    ])
    expect(varied[1]?.headline).toBe("The panel's decision for child child-1 (accommodation under section 20) is varied after a disagreement: amend the decision (SUP-8)")
    expect(varied[1]?.body).toContain("What happens now: The chair amends the decision for the child to 6 weeks")
  })

  it("LIN-13: areas noted, the chair is told to agree an outcome with the Assistant Director; escalated, the Assistant Director", () => {
    const lin = dissentAt("lincolnshire")
    const noted = lin.notify(lin.cmd("chair", { _tag: "NoteAreasOfDisagreement", areas: ["Placement type"] }))
    expect(who(noted)).toEqual([{ id: "dis_1:areas-noted:panel_chair", kind: "disagreement.areas_noted", to: "role:panel_chair", ruleId: "DEF-DISAGREEMENT-5WD" }])
    const escalated = lin.notify(lin.cmd("chair", { _tag: "Escalate", step: "assistant_director", to: party(lin.staff.assistantDirector) }))
    expect(who(escalated).map((n) => [n.to, n.ruleId])).toEqual([["person:ruth-fairholme", "DEF-DISAGREEMENT-5WD"]])
    expect(escalated[0]?.actBy?.due).toBe("2027-06-16T16:00:00.000Z")
  })
})
