import { describe, expect, it } from "@effect/vitest"
import type { Decision } from "../../src/decision/Decision.js"
import type { DecisionEvent } from "../../src/decision/DecisionEvents.js"
import type { SharedFunding } from "../../src/decision/DecisionParts.js"
import type { CaseContext, NotificationContext } from "../../src/notifications/CaseContext.js"
import { complexNeedsNotice } from "../../src/notifications/complexNeedsNotice.js"
import { ChildId, } from "../../src/shared/ids.js"
import { contextOf, london } from "../fixtures.js"
import { dev, finalDecision } from "./fixtures.js"

const finalAt = london("2027-06-09", "13:30")
const withSen: SharedFunding = { partners: ["sen"] }
const facts = { decisionId: "dec_1", referralId: "ref_1" }

/** Given a Care Planning decision on ref_1 (children child-1 and child-2) made final at 13:30 on Wed 9 Jun 2027 with shared funding. */
const decision = (sharedFunding: SharedFunding | null = withSen, started = true): Decision =>
  finalDecision(
    "care-planning",
    { childIds: [ChildId.make("child-1"), ChildId.make("child-2")], requestTypes: ["placement_change"] },
    { rationale: "Needs met best with education and health", ...(sharedFunding === null ? {} : { sharedFunding }) },
    started ? { complexNeedsReferral: { startedAt: finalAt } } : {}
  )

const startedEvent = (sharedFunding: SharedFunding = withSen) =>
  ({ _tag: "ComplexNeedsReferralStarted", ruleId: "CPR-6", sharedFunding, by: dev, at: finalAt }) as DecisionEvent
const templateSent = { _tag: "ComplexNeedsTemplateSent", note: "Emailed", by: dev, at: finalAt } as DecisionEvent

const siblings: CaseContext = {
  childNames: ["Robin Testwood", "Ash Testwood"],
  children: [
    { fullName: "Robin Testwood", caseNumber: " LCS-220417 " },
    { fullName: "Ash Testwood", caseNumber: "  " }
  ]
}
const carePlanning = (known?: CaseContext): NotificationContext => ({ ...contextOf("care-planning"), ...(known === undefined ? {} : { case: known }) })

describe("CPR-6: what the Complex Needs Panel administrator is told", () => {
  it("CPR-6: joint funding with SEN: each child by name and case number, what the social worker will send, and the ids for future reference", () => {
    const [notice, ...more] = complexNeedsNotice([startedEvent()], decision(), carePlanning(siblings), facts)
    expect(more).toEqual([])
    expect(notice?.id).toBe("dec_1:complex-needs:complex_needs_panel_administrator")
    expect(notice?.kind).toBe("decision.complex_needs_referral")
    expect(notice?.headline).toBe("Complex Needs Panel referral to come for children child-1 and child-2: joint funding with Special Educational Needs (CPR-6)")
    expect(notice?.body).toEqual([
      "The Care Planning & Resources Panel found that joint funding with Special Educational Needs fits (CPR-6); the decision was final at 13:30 Wed 9 Jun 2027.",
      "Child: Robin Testwood, case number LCS-220417",
      "Child: Ash Testwood, case number not recorded on the request",
      "The panel administrator is emailing the Complex Needs Panel referral template to the social worker, for completion with SEN and health colleagues and submission to you.",
      "For future reference: request ref_1, decision dec_1."
    ])
    expect(notice?.facts).toEqual({ decisionId: "dec_1", referralId: "ref_1", ruleId: "CPR-6", fundingPartners: "sen" })
  })

  it("CPR-6: tripartite funding with SEN and health names both partners, in the headline and the facts", () => {
    const both: SharedFunding = { partners: ["sen", "health"] }
    const [notice] = complexNeedsNotice([startedEvent(both)], decision(both), carePlanning(siblings), facts)
    expect(notice?.headline).toBe("Complex Needs Panel referral to come for children child-1 and child-2: tripartite funding with Special Educational Needs and Health (CPR-6)")
    expect(notice?.facts.fundingPartners).toBe("sen,health")
  })

  it("a child whose case number the request left out is 'not recorded on the request'", () => {
    const [notice] = complexNeedsNotice([startedEvent()], decision(), carePlanning({ childNames: ["Robin Testwood"], children: [{ fullName: "Robin Testwood" }] }), facts)
    expect(notice?.body[1]).toBe("Child: Robin Testwood, case number not recorded on the request")
  })

  it("when the request could not be read, the administrator gets the child ids and is told where to look the names up", () => {
    const expected = "Children: child-1, child-2: the request could not be read, so look up their names and case numbers on request ref_1."
    expect(complexNeedsNotice([startedEvent()], decision(), carePlanning(), facts)[0]?.body[1]).toBe(expected)
    expect(complexNeedsNotice([startedEvent()], decision(), carePlanning({ childNames: [], children: [] }), facts)[0]?.body[1]).toBe(expected)
  })

  it("an authority with more than one panel says 'The panel' rather than naming one", () => {
    const policy = contextOf("care-planning").policy
    const twoPanels: NotificationContext = { ...carePlanning(siblings), policy: { ...policy, panels: [...policy.panels, { ...policy.panels[0], id: "second" as never, name: "Second Panel" }] } }
    const [notice] = complexNeedsNotice([startedEvent()], decision(), twoPanels, facts)
    expect(notice?.body[0]).toBe("The panel found that joint funding with Special Educational Needs fits (CPR-6); the decision was final at 13:30 Wed 9 Jun 2027.")
  })

  it("CPR-6: told once, when the referral starts: not again when the template is recorded, and never without shared funding or a started referral", () => {
    expect(complexNeedsNotice([templateSent], decision(), carePlanning(siblings), facts)).toEqual([])
    expect(complexNeedsNotice([startedEvent()], decision(null), carePlanning(siblings), facts)).toEqual([])
    expect(complexNeedsNotice([startedEvent()], decision(withSen, false), carePlanning(siblings), facts)).toEqual([])
  })

  it("an authority with no Complex Needs Panel route tells no one", () => {
    expect(complexNeedsNotice([startedEvent()], decision(), { ...contextOf("lincolnshire"), case: siblings }, facts)).toEqual([])
  })
})
