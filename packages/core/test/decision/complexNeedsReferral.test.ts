import { describe, expect, it } from "@effect/vitest"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { textOf } from "../../src/documents/DocumentModel.js"
import { carePlanningSheetForChair } from "../documents/fixtures.js"
import type { Decision } from "../../src/decision/Decision.js"
import { decisionDecider } from "../../src/decision/DecisionDecider.js"
import type { DecisionEvent } from "../../src/decision/DecisionEvents.js"
import type { SharedFunding } from "../../src/decision/DecisionParts.js"
import { caseOf } from "../../src/notifications/CaseContext.js"
import { decisionNotifications } from "../../src/notifications/decisionNotifications.js"
import type { Referral } from "../../src/referral/Referral.js"
import { fold } from "../../src/shared/decider.js"
import { completeForm, contextOf, london } from "../fixtures.js"
import { content, decisionId, decisionsAt, heldSitting, subject } from "./fixtures.js"

const cpr = decisionsAt("care-planning")
const withSen: SharedFunding = { partners: ["sen"] }
const withBoth: SharedFunding = { partners: ["sen", "health"] }
const cprContent = (sharedFunding: SharedFunding | undefined) => ({ minutes: undefined, ...(sharedFunding === undefined ? {} : { sharedFunding }) })

const form = completeForm("care-planning-and-resources", {
  requestTypes: ["placement_change"],
  children: [{ ...completeForm("care-planning-and-resources").children[0]!, fullName: "Robin Testwood", caseNumber: "LCS-220417" }]
})
const known = { ...contextOf("care-planning"), case: caseOf({ form } as Referral) }

const decisionOf = (events: ReadonlyArray<DecisionEvent>) => fold(decisionDecider, events) as Decision
/** Recorded at the sitting of Wed 9 Jun 2027 (ends 13:00) with `sharedFunding`, and signed off by the chair at 13:30. */
const recorded = (sharedFunding: SharedFunding | undefined) => cpr.recorded(cprContent(sharedFunding), ["placement_change"])
const signed = (sharedFunding: SharedFunding | undefined) => cpr.spec.play([cpr.cmd("chair", { _tag: "SignOff" })], recorded(sharedFunding))

/** The notices a command's events produce, as the aggregate addresses them after commit. */
const noticesAfter = (history: ReadonlyArray<DecisionEvent>, command: ReturnType<typeof cpr.cmd>) => {
  const events = cpr.spec.given(history).when(command).events()
  return decisionNotifications(events, decisionOf([...history, ...events]), known).filter((n) => n.kind === "decision.complex_needs_referral")
}

describe("CPR-6: shared funding with SEN and/or health starts the Complex Needs Panel referral", () => {
  it("CPR-6: the chair's sign-off of a decision finding tripartite funding fits tells the Complex Needs Panel administrator the child's name and case number", () => {
    const notices = noticesAfter(recorded(withBoth), cpr.cmd("chair", { _tag: "SignOff" }))
    expect(notices).toHaveLength(1)
    const [notice] = notices
    expect(notice!.recipients).toEqual([{ _tag: "Person", personId: "complex-needs-panel-administrator", name: "Complex Needs Panel Administrator" }])
    expect(notice!.headline).toBe("Complex Needs Panel referral to come for child child-1: tripartite funding with Special Educational Needs and Health (CPR-6)")
    expect(notice!.body).toContain("Child: Robin Testwood, case number LCS-220417")
    expect(notice!.body[0]).toBe(
      "The Care Planning & Resources Panel found that tripartite funding with Special Educational Needs and Health fits (CPR-6); the decision was final at 13:30 Wed 9 Jun 2027."
    )
    expect(notice!.facts).toMatchObject({ ruleId: "CPR-6", fundingPartners: "sen,health", decisionId: "dec_1", referralId: "ref_1" })
    expect(JSON.stringify(notice!.facts)).not.toContain("Robin")
    expect(JSON.stringify(notice!.facts)).not.toContain("LCS-220417")
  })

  it("CPR-6: nobody outside the panel is told before the chair signs the decision off, nor when no shared funding is recorded", () => {
    const recording = cpr.cmd("administrator", {
      _tag: "RecordDecision",
      decisionId,
      subject: subject(["placement_change"]),
      sitting: heldSitting("care-planning"),
      content: content(cprContent(withSen))
    })
    expect(noticesAfter([], recording)).toEqual([])
    expect(decisionOf(recorded(withSen)).complexNeedsReferral).toBeUndefined()
    expect(noticesAfter(recorded(undefined), cpr.cmd("chair", { _tag: "SignOff" }))).toEqual([])
  })

  it("CPR-6: the administrator's task: emailing the referral template to the social worker, due 17:00 two working days after sign-off (DEF-CNP-TEMPLATE-2WD), met when recorded", () => {
    const decision = decisionOf(signed(withSen))
    const [task] = deadlinesOf({ referrals: [], sittings: [], decisions: [decision] }, known, { now: london("2027-06-10", "09:00"), dueSoonHours: 48 }).filter(
      (deadline) => deadline.id === "dec_1:complex-needs-template"
    )
    expect(task).toMatchObject({ ruleId: "DEF-CNP-TEMPLATE-2WD", state: "due_soon", title: expect.stringContaining("Complex Needs Panel referral template") })
    expect(task!.explanation).toBe(
      "due 17:00 Fri 11 Jun 2027 - DEF-CNP-TEMPLATE-2WD, Carepanel default, not in the terms of reference; set by the authority's policy: " +
        "17:00, 2 working days after the decision finding joint funding with Special Educational Needs fits, final at 13:30 Wed 9 Jun 2027"
    )
    const sent = cpr.spec.play([cpr.cmd("administrator", { _tag: "RecordComplexNeedsTemplateSent", note: "Emailed to Priya Ashdown" }, london("2027-06-10", "11:00"))], signed(withSen))
    const after = deadlinesOf({ referrals: [], sittings: [], decisions: [decisionOf(sent)] }, known, { now: london("2027-06-14", "09:00"), dueSoonHours: 48 })
    expect(after.find((deadline) => deadline.id === "dec_1:complex-needs-template")?.state ?? "met").toBe("met")
  })

  it("CPR-6: the template is recorded once, by the administrator, on a decision whose referral has started", () => {
    const sent = cpr.cmd("administrator", { _tag: "RecordComplexNeedsTemplateSent", note: "Emailed" })
    expect(cpr.spec.given(recorded(withSen)).when(sent).refusal().message).toBe(
      "The Complex Needs Panel referral starts once the decision is final: sign it off first (CPR-6)."
    )
    expect(cpr.spec.given(signed(undefined)).when(sent).refusal()).toMatchObject({ _tag: "NotApplicable" })
    const once = cpr.spec.play([sent], signed(withSen))
    expect(cpr.spec.given(once).when(sent).refusal()).toMatchObject({ _tag: "ActionAlreadyClosed" })
  })

  it("CPR-6: an amendment adding shared funding to a signed decision starts the referral then", () => {
    const amend = (whatChanged: string) =>
      cpr.cmd("chair", { _tag: "AmendDecision", content: content(cprContent(withSen)), whatChanged, why: "Omitted from the draft" }, london("2027-06-14", "10:00"))
    const notices = noticesAfter(signed(undefined), amend("Joint funding with SEN noted"))
    expect(notices.map((notice) => notice.id)).toEqual(["dec_1:complex-needs:complex_needs_panel_administrator"])
    const amended = cpr.spec.play([amend("Joint funding with SEN noted")], signed(undefined))
    expect(decisionOf(amended).complexNeedsReferral?.startedAt).toEqual(london("2027-06-14", "10:00"))
    expect(noticesAfter(amended, amend("A typo in the rationale"))).toEqual([])
  })

  it("CPR-6: the decision sheet says which shared funding fits and where the Complex Needs Panel referral stands", () => {
    const sent = cpr.spec.play([cpr.cmd("administrator", { _tag: "RecordComplexNeedsTemplateSent", note: "Emailed" }, london("2027-06-10", "11:00"))], signed(withSen))
    const sheet = carePlanningSheetForChair(decisionOf(sent), london("2027-06-10", "12:00"))
    expect(textOf(sheet)).toContain(
      "joint funding with Special Educational Needs fits: Complex Needs Panel referral started 13:30 Wed 9 Jun 2027; template emailed to the social worker 11:00 Thu 10 Jun 2027"
    )
  })

  it("CPR-6: an authority without a Complex Needs Panel route refuses shared funding on a decision, and records nothing", () => {
    const nso = decisionsAt("north-somerset")
    const refusal = nso.spec
      .given([])
      .when(
        nso.cmd("administrator", {
          _tag: "RecordDecision",
          decisionId,
          subject: subject(),
          sitting: heldSitting("north-somerset"),
          content: content({ minutes: undefined, sharedFunding: withSen })
        })
      )
      .refusal()
    expect(refusal).toMatchObject({ _tag: "NotApplicable" })
    expect(refusal.message).toContain("This authority runs no Complex Needs Panel referral")
  })
})
