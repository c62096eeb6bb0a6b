import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { proposeAgenda } from "../../src/agenda/proposeAgenda.js"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { fold } from "../../src/shared/decider.js"
import { decisionDecider } from "../../src/decision/DecisionDecider.js"
import type { DecisionEvent } from "../../src/decision/DecisionEvents.js"
import { decisionSheet } from "../../src/documents/decisionSheet.js"
import { decisionNotifications } from "../../src/notifications/decisionNotifications.js"
import { disagreementNotifications } from "../../src/notifications/disagreementNotifications.js"
import { disagreementDecider } from "../../src/disagreement/DisagreementDecider.js"
import { decodePolicy } from "../../src/policy/loadPolicy.js"
import { OwnRuleId } from "../../src/policy/rules.js"
import { sittingOf } from "../deadlines/fixtures.js"
import { panelOf } from "../disagreement/fixtures.js"
import { decisionsAt } from "../decision/fixtures.js"
import { readerAs } from "../documents/fixtures.js"
import { contextOf, london } from "../fixtures.js"
import { brackenmoorFile, ownRules, source } from "./brackenmoor.js"

// Brackenmoor's terms of reference also say who signs a decision off, when a request comes back to panel, and how a
// member's dissent is settled.
const rules = {
  ...ownRules.rules,
  "BRK-9": "Each decision is signed off by a panel chair before it goes to the child's file.",
  "BRK-12": "A request the panel asks to see again returns within the weeks the panel sets, at most twelve.",
  "BRK-13": "A member who dissents has the areas of disagreement noted at panel; the chair agrees the outcome with the Assistant Director."
}
const brackenmoor = Effect.runSync(
  decodePolicy(
    { ...brackenmoorFile, ownRules: { source, rules }, decision: { signOff: [{ ruleId: "BRK-9", roles: ["panel_chair"] }], reviewRuleId: "BRK-12" },
      disagreement: { ruleId: "BRK-13", dissentRuleId: "BRK-13" }
    },
    "brackenmoor.yaml"
  )
)
const returnToPanel = { withinWeeks: 6, ruleId: OwnRuleId.make("BRK-12") }
const cited = (id: keyof typeof rules) => `${id}, ${source}, "${rules[id]}"`

const decisions = decisionsAt("lincolnshire", brackenmoor)
const recorded = decisions.recorded({ returnToPanel })
const decision = fold(decisionDecider, recorded)!
const sheetAt = (events: ReadonlyArray<DecisionEvent>) =>
  decisionSheet({
    authorityName: "Brackenmoor Borough Council",
    panelName: "Support Panel",
    decision: fold(decisionDecider, events)!,
    childId: "child-1",
    referral: undefined,
    sitting: undefined,
    disagreements: [],
    deadlines: [],
    policy: brackenmoor,
    reader: readerAs("chair"),
    at: london("2027-06-10", "09:00")
  })
const signedSection = (events: ReadonlyArray<DecisionEvent>) => sheetAt(events).sections.find((section) => section.heading === "Signed and finalised")!

describe("an authority's own rule is cited with its source and words wherever Carepanel prints it", () => {
  it("BRK-12: the agenda's review item cites the rule the decision's return to panel was set under, with its words", () => {
    const sitting = sittingOf("lincolnshire", "support-panel", "sit_14jul", "2027-07-14")
    const offered = proposeAgenda(sitting, { referrals: [], decisions: [decision], sittings: [sitting], now: london("2027-07-01", "09:00") }, brackenmoor, englandAndWales)
    expect(offered.map((entry) => entry.summary)).toEqual([`Review (${cited("BRK-12")}) of accommodation under section 20`])
  })

  it("BRK-12: the decision sheet's review date cites it with its words", () => {
    const [decisionFields] = sheetAt(recorded).sections.find((section) => section.heading === "Decision")!.blocks
    expect(decisionFields).toMatchObject({ rows: expect.arrayContaining([["Review date", `by Wed 21 Jul 2027 (${cited("BRK-12")})`]]) })
  })

  it("BRK-9: a sign-off by someone who is not a panel chair is refused, citing the rule with its words", () => {
    const refused = decisions.spec.given(recorded).when(decisions.cmd("administrator", { _tag: "SignOff" })).refusal()
    expect(refused).toMatchObject({ _tag: "NotTheRightPerson", ruleId: "BRK-9" })
    expect(refused.message).toBe(`This decision is waiting for the panel chair to sign it off (${cited("BRK-9")}).`)
  })

  it("BRK-9: the chair asked to sign it off is told under which rule, with its words", () => {
    const [asked] = decisionNotifications(recorded as ReadonlyArray<DecisionEvent>, decision, { ...contextOf("lincolnshire"), policy: brackenmoor })
    expect(asked).toMatchObject({ kind: "decision.awaiting_sign_off" })
    expect(asked!.body[0]).toBe(`Check the decision sheet and sign it off (${cited("BRK-9")}).`)
  })

  it("BRK-9: the decision sheet's sign-off lines cite it with its words, before the sign-off and after", () => {
    expect(signedSection(recorded).blocks.at(-1)).toEqual({ _tag: "Paragraph", text: `Not final. Still needed: sign-off by a panel chair (${cited("BRK-9")}).` })
    const signed = signedSection(decisions.signed({ returnToPanel }))
    expect(signed.blocks[1]).toMatchObject({ rows: [["panel chair", cited("BRK-9"), decisions.staff.chair.name, "13:30 Wed 9 Jun 2027"]] })
    expect(signed.blocks.at(-1)).toEqual({ _tag: "Paragraph", text: "Final: no sign-off is outstanding." })
  })

  const dissent = panelOf("lincolnshire", brackenmoor)
  const dissented = dissent.play([dissent.recordDissent()])

  it("BRK-13: escalating a dissent before its areas are noted is refused, citing the rule with its words", () => {
    const refused = dissent.spec.given(dissented).when(dissent.escalate("chair", "assistant_director", "assistantDirector")).refusal()
    expect(refused).toMatchObject({ _tag: "AreasNotNoted", ruleId: "BRK-13" })
    expect(refused.message).toBe(`The areas of disagreement are noted at panel before it is escalated (${cited("BRK-13")}).`)
  })

  it("BRK-13: once the areas are noted, the chair is told to agree the outcome under the rule, with its words; the headline keeps its id", () => {
    const noted = dissent.play([dissent.noteAreas()], dissented)
    const [told] = disagreementNotifications(noted.slice(dissented.length), fold(disagreementDecider, noted), { ...contextOf("lincolnshire"), policy: brackenmoor })
    expect(told).toMatchObject({ kind: "disagreement.areas_noted" })
    expect(told!.headline).toBe("Agree an outcome with the Assistant Director on a disagreement with panel decision dec_1 (BRK-13)")
    expect(told!.body.at(-1)).toBe(`The chair agrees an outcome with the Assistant Director (${cited("BRK-13")}).`)
  })
})
