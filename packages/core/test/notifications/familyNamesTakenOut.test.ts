import { describe, expect, it } from "@effect/vitest"
import type { DecisionCommand } from "../../src/decision/DecisionCommands.js"
import { decisionDecider } from "../../src/decision/DecisionDecider.js"
import type { DisagreementCommand } from "../../src/disagreement/DisagreementCommands.js"
import { disagreementDecider } from "../../src/disagreement/DisagreementDecider.js"
import { caseOf } from "../../src/notifications/CaseContext.js"
import { decisionNotifications } from "../../src/notifications/decisionNotifications.js"
import { disagreementNotifications } from "../../src/notifications/disagreementNotifications.js"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import type { ReferralForm } from "../../src/referral/ReferralForm.js"
import { ActionId, DecisionId, DisagreementId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { content, heldSitting, subject } from "../decision/fixtures.js"
import { decisionAtPanel } from "../disagreement/fixtures.js"
import { as, completeForm, contextOf, london } from "../fixtures.js"
import { placementWith, story } from "./fixtures.js"
import { basicTest, cmd, placedAt } from "../regulation24/fixtures.js"

/** Robin Ash's request: her mother Dana Ash has a conviction on the form, and Robin lives with her carer Jo Pike. */
const form = completeForm("support-panels", {
  children: [{ ...completeForm("support-panels").children[0]!, fullName: "Robin Ash", carer: "Jo Pike" }],
  parentalHistory: [{ parent: "Dana Ash", kind: "criminal_conviction", date: "2019-03-04" as LocalDate, detail: "Burglary" }]
})
const caseOfForm = (written: ReferralForm) => caseOf({ form: written } as Parameters<typeof caseOf>[0])
const known = caseOfForm(form)

/** Every body line of the notices a Lincolnshire decision recorded with `rationale` sends, with Robin's case known. */
const decisionSaying = (rationale: string) => {
  const lin = staffOf("lincolnshire")
  const { events, state } = story(decisionDecider, contextOf("lincolnshire"))({
    _tag: "RecordDecision",
    decisionId: DecisionId.make("dec_1"),
    subject: subject(),
    sitting: heldSitting("lincolnshire"),
    content: content({ rationale }),
    by: as(lin.administrator),
    at: london("2027-06-09", "13:30")
  } as DecisionCommand)
  return decisionNotifications(events, state, { ...contextOf("lincolnshire"), case: known }).flatMap((notification) => notification.body)
}

/** Every body line of the notices a member's dissent on `grounds` sends, with Robin's case (or `theCase`) known. */
const dissentSaying = (grounds: string, theCase = known) => {
  const sup = staffOf("support-panels")
  const { events, state } = story(disagreementDecider, contextOf("support-panels"))({
    _tag: "RecordDissent",
    disagreementId: DisagreementId.make("dis_1"),
    decision: decisionAtPanel(),
    member: { personId: sup.member.personId, name: sup.member.name },
    dissentsFrom: { _tag: "RecommendedAction", actionId: ActionId.make("act_2") },
    grounds,
    by: as(sup.member),
    at: london("2027-06-09", "11:00")
  } as DisagreementCommand)
  return disagreementNotifications(events, state, { ...contextOf("support-panels"), case: theCase }).flatMap((notification) => notification.body)
}

describe("what a notice's free text keeps of a parent's or carer's name", () => {
  it("STAT-GDPR: a decision's rationale naming a parent's conviction reaches the chair without the parent's name", () => {
    const lines = decisionSaying("Dana Ash's conviction for burglary weighs against a return home; DANA  ASH agreed to contact")
    expect(lines).toContain("Rationale: a parent or carer's conviction for burglary weighs against a return home; a parent or carer agreed to contact")
    expect(lines.join("\n")).not.toMatch(/Dana/i)
  })

  it("STAT-GDPR: a dissent's grounds naming the child's carer reach the chair without the carer's name", () => {
    const lines = dissentSaying("Jo Pike cannot keep Robin safe; ask Pike's sister, not Dana")
    expect(lines).toContain("Grounds: a parent or carer cannot keep the child safe; ask a parent or carer's sister, not a parent or carer")
  })

  it("a surname the child shares with a parent goes as the child's: Ms Ash becomes 'Ms the child'", () => {
    expect(dissentSaying("Ms Ash and Robin Ash agree")).toContain("Grounds: Ms the child and the child agree")
  })

  it("a description written beside the carer's name on the form stays elsewhere: only a capitalised word is a name of its own", () => {
    const described = caseOfForm({ ...form, children: [{ ...form.children[0]!, carer: "Jo Pike (foster carer)" }] })
    expect(dissentSaying("Jo Pike (foster carer) is unwell; the foster carer's home is full, Pike says", described)).toContain(
      "Grounds: a parent or carer is unwell; the foster carer's home is full, a parent or carer says"
    )
  })

  it("STAT-GDPR: a Regulation 24 carer's relationship, typed as free text, loses the names of the family and of the carers", () => {
    const notify = placementWith(known)
    notify(basicTest())
    const [authorise] = notify(
      cmd("socialWorker", {
        _tag: "RecordPlacementMade",
        placedAt,
        carers: [
          { name: "Mel Quarry", relationship: "Dana Ash's sister", hasParentalResponsibility: false },
          { name: "Lou Quarry", relationship: "husband of Mel", hasParentalResponsibility: false }
        ]
      })
    )
    expect(authorise?.body[0]).toBe("Placed at 10:00 Fri 26 Mar 2027 with connected-person carers: a parent or carer's sister, husband of a parent or carer.")
  })
})
