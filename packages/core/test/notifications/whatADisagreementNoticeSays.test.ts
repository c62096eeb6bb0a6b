import { describe, expect, it } from "@effect/vitest"
import type { DisagreementCommand } from "../../src/disagreement/DisagreementCommands.js"
import { disagreementDecider } from "../../src/disagreement/DisagreementDecider.js"
import { disagreementNotifications } from "../../src/notifications/disagreementNotifications.js"
import type { Actor } from "../../src/shared/actor.js"
import { ActionId, DisagreementId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { as, contextOf, london } from "../fixtures.js"
import { attending, decisionAtPanel } from "../disagreement/fixtures.js"
import { robinsCase, story } from "./fixtures.js"

type Slug = "support-panels" | "lincolnshire"
const party = (actor: Actor) => ({ personId: actor.personId, name: actor.name })

/**
 * Sam Jessop's dissent from decision dec_1's recommended action, recorded at the sitting Sam attended; the
 * context carries Robin's case.
 */
const dissentFromTheAction = (slug: Slug) => {
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
      decision: decisionAtPanel({ attendance: [attending(staff.member)], action: "Robin Testwood moves to her aunt's" }),
      member: party(staff.member),
      dissentsFrom: { _tag: "RecommendedAction", actionId: ActionId.make("act_2") },
      grounds: "Robin Testwood needs to stay near her school"
    })
  )
  return { staff, cmd, notify, recorded }
}

const dissent = [
  `Sam Jessop formally dissents from the recommended action "the child moves to her aunt's" of panel decision dec_1 on request ref_1 (LIN-13).`,
  "Grounds: the child needs to stay near her school"
]
const areas = "Areas of disagreement: Placement type; the child's school."
const facts = { disagreementId: "dis_1", decisionId: "dec_1", referralId: "ref_1", sittingId: "sit_9jun", ruleId: "LIN-13", route: "chair_with_assistant_director" }

describe("what a disagreement's notice says", () => {
  it("LIN-13: the chair reads which recommended action is dissented from and why, with the child unnamed, and no attendance warning when the member was there", () => {
    const { recorded } = dissentFromTheAction("lincolnshire")
    expect(recorded.map((n) => [n.body, n.facts])).toEqual([
      [[...dissent, "The areas of disagreement are noted at panel before anything is escalated (LIN-13)."], { ...facts, status: "dissent_recorded" }]
    ])
  })

  it("LIN-13: areas noted, the chair reads them and is told to agree an outcome with the Assistant Director", () => {
    const lin = dissentFromTheAction("lincolnshire")
    const noted = lin.notify(lin.cmd("chair", { _tag: "NoteAreasOfDisagreement", areas: ["Placement type", "Robin Testwood's school"] }))
    expect(noted.map((n) => [n.headline, n.body, n.facts])).toEqual([
      [
        "Agree an outcome with the Assistant Director on a disagreement with the panel's decision for child child-1 (accommodation under section 20) (LIN-13)",
        [...dissent, areas, "The chair agrees an outcome with the Assistant Director (LIN-13)."],
        { ...facts, status: "areas_noted" }
      ]
    ])
  })

  it("LIN-13: the Assistant Director reads who escalated it and when, and to agree and record the outcome", () => {
    const lin = dissentFromTheAction("lincolnshire")
    lin.notify(lin.cmd("chair", { _tag: "NoteAreasOfDisagreement", areas: ["Placement type", "Robin Testwood's school"] }))
    const escalated = lin.notify(lin.cmd("chair", { _tag: "Escalate", step: "assistant_director", to: party(lin.staff.assistantDirector) }))
    expect(escalated.map((n) => [n.body, n.facts])).toEqual([
      [
        [...dissent, areas, "Escalated by Martin Gorsley at 11:00 Wed 9 Jun 2027.", "As Assistant Director, agree and record the outcome (LIN-13)."],
        { ...facts, status: "with_assistant_director", step: "assistant_director", escalatedTo: "ruth-fairholme" }
      ]
    ])
  })

  it("LIN-13: a decision overturned by the chair with the Assistant Director: the member reads the outcome, who agreed it and what happens now; the chair and administrator are told to amend it", () => {
    const lin = dissentFromTheAction("lincolnshire")
    lin.notify(lin.cmd("chair", { _tag: "NoteAreasOfDisagreement", areas: ["Placement type", "Robin Testwood's school"] }))
    lin.notify(lin.cmd("chair", { _tag: "Escalate", step: "assistant_director", to: party(lin.staff.assistantDirector) }))
    const overturned = lin.notify(
      lin.cmd("chair", {
        _tag: "RecordOutcome",
        outcome: "overturned",
        rationale: "Staying near school matters most for Robin Testwood",
        nextSteps: "Robin Testwood stays; the chair amends the decision",
        agreedWith: party(lin.staff.assistantDirector)
      })
    )
    const outcome = [
      ...dissent,
      areas,
      "Outcome: decision overturned, recorded by Martin Gorsley with Ruth Fairholme (LIN-13).",
      "Rationale: Staying near school matters most for the child",
      "What happens now: the child stays; the chair amends the decision"
    ]
    expect(overturned.map((n) => [n.id, n.body, n.facts])).toEqual([
      ["dis_1:outcome:member", outcome, { ...facts, status: "outcome_recorded", outcome: "overturned" }],
      [
        "dis_1:amend-decision:panel_chair",
        [...outcome, "Amend the decision to match, naming what changed, why and who approved it, so the social worker hears one answer."],
        { ...facts, status: "outcome_recorded", outcome: "overturned" }
      ],
      [
        "dis_1:amend-decision:panel_administrator",
        [...outcome, "Amend the decision to match, naming what changed, why and who approved it, so the social worker hears one answer."],
        { ...facts, status: "outcome_recorded", outcome: "overturned" }
      ]
    ])
    expect(overturned[1]?.kind).toBe("disagreement.decision_to_amend")
  })

  it("SUP-8: the member is told to raise it with their own manager; the manager, to take it to the Assistant Director; an upheld decision says only who recorded it and why", () => {
    const sup = dissentFromTheAction("support-panels")
    const noted = sup.notify(sup.cmd("chair", { _tag: "NoteAreasOfDisagreement", areas: ["Placement type"] }))
    expect(noted[0]?.headline).toBe("Raise your disagreement with the panel's decision for child child-1 (accommodation under section 20) with your own manager (SUP-8)")
    expect(noted[0]?.body.at(-1)).toBe("Raise it with your own manager and ask for it to be escalated to the Assistant Director (SUP-8).")
    const toManager = sup.notify(sup.cmd("member", { _tag: "Escalate", step: "member_manager", to: party(sup.staff.teamManager) }))
    expect(toManager[0]?.body.slice(-2)).toEqual(["Escalated by Sam Jessop at 11:00 Wed 9 Jun 2027.", "As the member's manager, take it to the Assistant Director (SUP-8)."])
    expect(toManager[0]?.facts).toMatchObject({ step: "member_manager", escalatedTo: "tom-brackley" })
    sup.notify(sup.cmd("teamManager", { _tag: "Escalate", step: "assistant_director", to: party(sup.staff.assistantDirector) }))
    const upheld = sup.notify(sup.cmd("assistantDirector", { _tag: "RecordOutcome", outcome: "upheld", rationale: "The move is the least intrusive option" }))
    expect(upheld.map((n) => n.body.slice(-2))).toEqual([
      ["Outcome: decision upheld, recorded by Ruth Fairholme (SUP-8).", "Rationale: The move is the least intrusive option"]
    ])
  })

  it("a disagreement that was never recorded tells nobody", () => {
    expect(disagreementNotifications([], undefined, contextOf("lincolnshire"))).toEqual([])
  })
})
