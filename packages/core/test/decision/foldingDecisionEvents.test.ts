import { describe, expect, it } from "@effect/vitest"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import type { Decision } from "../../src/decision/Decision.js"
import { decisionDecider } from "../../src/decision/DecisionDecider.js"
import type { DecisionEvent } from "../../src/decision/DecisionEvents.js"
import { fold } from "../../src/shared/decider.js"
import { ActionId } from "../../src/shared/ids.js"
import { london } from "../fixtures.js"
import { content, decisionsAt, outsidePanelAgreement } from "./fixtures.js"

const lin = decisionsAt("lincolnshire")
const nso = decisionsAt("north-somerset")
const cpr = decisionsAt("care-planning")
const decisionOf = (events: ReadonlyArray<DecisionEvent>) => fold(decisionDecider, events) as Decision
const only = <T extends DecisionEvent["_tag"]>(events: ReadonlyArray<DecisionEvent>, tag: T) => events.find((event) => event._tag === tag)!

describe("a decision rebuilt from its events", () => {
  it("NSO-8: given the chair has signed a North Somerset decision, then it still awaits the Assistant Director's sign-off; after it, it is final", () => {
    const byChair = nso.spec.play([nso.cmd("chair", { _tag: "SignOff" })], nso.recorded({ minutes: undefined }))
    expect(decisionOf(byChair)).toMatchObject({ status: "awaiting_sign_off", pendingSignOffs: [{ ruleId: "NSO-8", roles: ["assistant_director"] }] })
    const byDirector = nso.spec.play([nso.cmd("assistantDirector", { _tag: "SignOff" })], byChair)
    expect(decisionOf(byDirector).status).toBe("final")
  })

  it("LIN-6: given one action completed, when an amendment adds another, then the completed one stays completed and the new one starts open", () => {
    const completed = lin.spec.play([lin.cmd("socialWorker", { _tag: "CompleteAction", actionId: ActionId.make("act_1"), evidence: "FGC held 20 June" })], lin.signed())
    const visit = { actionId: ActionId.make("act_3"), description: "Visit the grandmother", ownerRole: "social_worker" as const, dueDate: "2027-06-30" as LocalDate, fgcReferral: false }
    const amended = lin.spec.play(
      [lin.cmd("chair", { _tag: "AmendDecision", content: content({ actions: [...content().actions, visit] }), whatChanged: "A visit added", why: "Omitted" }, london("2027-06-21", "10:00"))],
      completed
    )
    expect(decisionOf(amended).content.actions.map((action) => [action.actionId, action.progress._tag])).toEqual([
      ["act_1", "Completed"],
      ["act_2", "Open"],
      ["act_3", "Open"]
    ])
  })

  it("given an event that does not fit the decision it is stored against, then the decision is rebuilt as it was, without it", () => {
    const edited = lin.spec.given(lin.recorded()).when(lin.cmd("administrator", { _tag: "EditDecision", content: content({ rationale: "Changed" }) })).events()
    expect(fold(decisionDecider, edited)).toBeUndefined()

    const outside = lin.spec.play([lin.cmd("assistantDirector", outsidePanelAgreement(["s20_accommodation"], { content: content(), placedAt: london("2027-06-07", "18:00") }), london("2027-06-07", "19:00"))])
    const task = lin.spec.given(outside).when(lin.cmd("teamManager", { _tag: "RecordS20Task", task: "supervision", note: "Supervision held" })).events()
    const atPanel = lin.signed()
    expect(decisionOf([...atPanel, only(outside, "OutsidePanelAgreed"), ...task])).toEqual(decisionOf(atPanel))

    const sent = cpr.spec.given(cpr.signed({ minutes: undefined, sharedFunding: { partners: ["health"] } }, ["placement_change"]))
      .when(cpr.cmd("administrator", { _tag: "RecordComplexNeedsTemplateSent", note: "Emailed" }))
      .events()
    const withoutFunding = cpr.signed({ minutes: undefined }, ["placement_change"])
    expect(decisionOf([...withoutFunding, ...sent])).toEqual(decisionOf(withoutFunding))
  })
})
