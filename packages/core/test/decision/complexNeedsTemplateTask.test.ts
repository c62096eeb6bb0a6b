import { describe, expect, it } from "@effect/vitest"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import type { Decision } from "../../src/decision/Decision.js"
import { decisionDecider } from "../../src/decision/DecisionDecider.js"
import type { DecisionEvent } from "../../src/decision/DecisionEvents.js"
import type { SharedFunding } from "../../src/decision/DecisionParts.js"
import type { AuthorityContext } from "../../src/shared/authorityContext.js"
import { fold } from "../../src/shared/decider.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { contextOf, london } from "../fixtures.js"
import { content, decisionsAt } from "./fixtures.js"

const cpr = decisionsAt("care-planning")
const withSen: SharedFunding = { partners: ["sen"] }
const cprContent = (sharedFunding: SharedFunding | undefined) => ({ minutes: undefined, ...(sharedFunding === undefined ? {} : { sharedFunding }) })
const recorded = (sharedFunding: SharedFunding | undefined) => cpr.recorded(cprContent(sharedFunding), ["placement_change"])
const signOff = cpr.cmd("chair", { _tag: "SignOff" })
const signed = (sharedFunding: SharedFunding | undefined) => cpr.spec.play([signOff], recorded(sharedFunding))
const decisionOf = (events: ReadonlyArray<DecisionEvent>) => fold(decisionDecider, events) as Decision

/** Care Planning's context after the authority took the Complex Needs Panel referral out of its policy. */
const { complexNeedsReferral: _dropped, ...decisionRulesWithoutRoute } = contextOf("care-planning").policy.decision
const withoutRoute: AuthorityContext = { ...contextOf("care-planning"), policy: { ...contextOf("care-planning").policy, decision: decisionRulesWithoutRoute } }

const templateTasks = (events: ReadonlyArray<DecisionEvent>, context: AuthorityContext = contextOf("care-planning")) =>
  deadlinesOf({ referrals: [], sittings: [], decisions: [decisionOf(events)] }, context, { now: london("2027-06-10", "09:00"), dueSoonHours: 48 }).filter(
    (deadline) => deadline.id === "dec_1:complex-needs-template"
  )

describe("CPR-6: the administrator's Complex Needs Panel template task", () => {
  it("CPR-6: given a decision finding joint funding with SEN fits, when it still waits for the chair's sign-off, then the administrator has no template task yet", () => {
    expect(templateTasks(recorded(withSen))).toEqual([])
    expect(templateTasks(signed(undefined))).toEqual([])
    expect(templateTasks(signed(withSen))).toHaveLength(1)
  })

  it("CPR-6: given the referral started at sign-off, then the template task is filed against that decision, about its children", () => {
    expect(templateTasks(signed(withSen))[0]!.about).toEqual({ kind: "decision", id: "dec_1", childIds: decisionOf(signed(withSen)).subject.childIds })
  })

  it("CPR-6: given the referral started, when an amendment takes the shared funding off the decision, then the template task goes away", () => {
    const amended = cpr.spec.play(
      [cpr.cmd("chair", { _tag: "AmendDecision", content: content(cprContent(undefined)), whatChanged: "Shared funding removed", why: "Health declined to fund" }, london("2027-06-10", "08:00"))],
      signed(withSen)
    )
    expect(decisionOf(amended).complexNeedsReferral).toBeDefined()
    expect(templateTasks(amended)).toEqual([])
  })

  it("CPR-6: given the referral started, when the authority takes the Complex Needs Panel referral out of its policy, then its template task is no longer shown", () => {
    expect(templateTasks(signed(withSen), withoutRoute)).toEqual([])
  })

  it("CPR-6: given a decision recorded with shared funding, when the authority has since taken the Complex Needs Panel referral out of its policy, then the chair's sign-off makes it final and starts no referral", () => {
    const events = deciderSpec(decisionDecider, withoutRoute).given(recorded(withSen)).when(signOff).events()
    expect(events.map((event) => event._tag)).toEqual(["DecisionSignedOff"])
    expect(decisionOf([...recorded(withSen), ...events]).status).toBe("final")
  })
})
