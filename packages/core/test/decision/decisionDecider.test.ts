import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { agreedByRequestType } from "../../src/decision/agreedByRequestType.js"
import { Decision } from "../../src/decision/Decision.js"
import { decisionDecider } from "../../src/decision/DecisionDecider.js"
import { DecisionEvent } from "../../src/decision/DecisionEvents.js"
import { fold } from "../../src/shared/decider.js"
import { preset, presetSlugs } from "../../src/policy/authorities/index.js"
import type { RequestType } from "../../src/policy/RequestType.js"
import { ActionId, PersonId, ReferralId } from "../../src/shared/ids.js"
import type { DecisionCommand } from "../../src/decision/DecisionCommands.js"
import { actorAt } from "../../src/testing/actors.js"
import { as, london } from "../fixtures.js"
import { content, decisionId, decisionsAt, heldSitting, subject } from "./fixtures.js"

const lin = decisionsAt("lincolnshire")
const cpr = decisionsAt("care-planning")
const sup = decisionsAt("support-panels")

const record = (at: ReturnType<typeof decisionsAt>, overrides: Record<string, unknown> = {}, when = london("2027-06-09", "13:30")) =>
  at.spec.given([]).when(
    at.cmd("administrator", { _tag: "RecordDecision", decisionId, subject: subject(["placement_change"]), sitting: heldSitting("care-planning"), content: content({ minutes: undefined }), ...overrides }, when)
  )

describe("decision decider: recording at panel", () => {
  it("NSO-1: no decision at a sitting whose chair found too few members present, nor before the chair has said", () => {
    const nso = decisionsAt("north-somerset")
    const chair = { personId: PersonId.make("ruth-fairholme"), name: "Ruth Fairholme" }
    const short = record(nso, { subject: subject(["s20_accommodation"]), sitting: heldSitting("north-somerset", { quorum: { enough: false, chair } }) })
    expect(short.refusal()).toMatchObject({
      _tag: "SittingNotHeld",
      reason: "not_quorate",
      message: "The Care and Resource Panel's chair, Ruth Fairholme, recorded that too few members were present on Wed 9 Jun 2027 (NSO-1): the sitting decides nothing. Put the request on another sitting."
    })
    const { quorum: _, ...unsettled } = heldSitting("north-somerset")
    expect(record(nso, { subject: subject(["s20_accommodation"]), sitting: unsettled }).refusal()).toMatchObject({
      _tag: "SittingNotHeld",
      reason: "quorum_not_settled",
      message: "The chair has not yet said whether enough members are present at the sitting on Wed 9 Jun 2027 (NSO-1): the chair records that first, then the decisions."
    })
    expect(record(nso, { subject: subject(["s20_accommodation"]), sitting: heldSitting("north-somerset", { quorum: { enough: true, chair } }) }).state()?.status).toBe("awaiting_sign_off")
  })

  it("CPR-8, CPR-11: records approve with rationale, actions and the chair's sign-off of the record", () => {
    const state = record(cpr).state()
    expect(state).toMatchObject({ status: "awaiting_sign_off", madeAt: "panel", pendingSignOffs: [{ roles: ["panel_chair", "vice_chair"], ruleId: "CPR-11" }] })
    expect(state!.content.actions.map((action) => action.progress._tag)).toEqual(["Open", "Open"])
  })

  it("CPR-8: decline and defer are recorded with their rationale", () => {
    for (const outcome of ["decline", "defer"] as const) {
      expect(cpr.recorded({ outcome, minutes: undefined, actions: [] }, ["placement_change"])).toMatchObject([{ _tag: "DecisionRecorded", content: { outcome } }])
    }
  })

  it("refuses a second decision with the same id", () => {
    expect(lin.spec.given(lin.recorded()).when(lin.cmd("administrator", { _tag: "RecordDecision", decisionId, subject: subject(), sitting: heldSitting("lincolnshire"), content: content() })).refusal()._tag).toBe("DecisionAlreadyRecorded")
  })

  it("refuses a decision before its sitting has started, and at a cancelled sitting", () => {
    const early = lin.spec.given([]).when(
      lin.cmd("administrator", { _tag: "RecordDecision", decisionId, subject: subject(), sitting: heldSitting("lincolnshire"), content: content() }, london("2027-06-09", "09:59"))
    )
    expect(early.refusal()).toMatchObject({
      _tag: "SittingNotHeld",
      reason: "not_started",
      message: "The Support Panel sits at 10:00 on Wed 9 Jun 2027: its decisions can be recorded once it has started."
    })
    const cancelled = lin.spec.given([]).when(
      lin.cmd("administrator", { _tag: "RecordDecision", decisionId, subject: subject(), sitting: heldSitting("lincolnshire", { cancelled: true }), content: content() })
    )
    expect(cancelled.refusal()).toMatchObject({ _tag: "SittingNotHeld", reason: "cancelled" })
    expect(cancelled.refusal().message).toBe("The Support Panel's sitting on Wed 9 Jun 2027 was cancelled: it decides nothing. Put the request on another sitting.")
  })

  it("NotOnAgenda: refuses a decision on a request that is not on the sitting's agenda", () => {
    const refusal = record(cpr, { sitting: heldSitting("care-planning", { agenda: [ReferralId.make("ref_other")] }) }).refusal()
    expect(refusal).toMatchObject({ _tag: "NotOnAgenda", message: "This request is not on the agenda of the sitting on Wed 9 Jun 2027." })
  })

  it("LIN-5: refuses minutes that are not in Signs of Safety form, and accommodation without its length or placement", () => {
    const refusal = lin.spec.given([]).when(
      lin.cmd("administrator", {
        _tag: "RecordDecision", decisionId, subject: subject(), sitting: heldSitting("lincolnshire"),
        content: content({ minutes: { workingWell: "x", worries: "", needsToHappen: " " }, agreed: {} })
      })
    ).refusal()
    expect(refusal._tag).toBe("IncompleteDecision")
    expect(refusal.message).toBe(
      "The decision cannot be recorded yet. It must say: what are we worried about (LIN-5); what needs to happen (LIN-5); " +
        "how long the accommodation is agreed for before it returns to panel (LIN-5); the placement type agreed (Foster to Adopt included) (LIN-5)."
    )
  })

  it("approved funding records its amount, period and budget; no seed rule says so, so the gap cites none (not SUP-6 at every authority)", () => {
    const withAgreed = (agreed: object) => record(sup, { subject: subject(["expenditure"]), sitting: heldSitting("support-panels"), content: content({ minutes: undefined, agreed }) })
    expect(withAgreed({}).refusal()).toMatchObject({ _tag: "IncompleteDecision", missing: [{ field: "agreed.funding" }] })
    expect(withAgreed({}).refusal()).not.toHaveProperty("missing.0.ruleId")
    const funding = { amountPence: 250_000, period: "annual", budget: "Edge of care" }
    expect(withAgreed({ funding }).state()!.content.agreed.funding).toEqual(funding)
  })

  it("LIN-5, SUP-6: an approval says what was agreed for each request type; a decline or deferral does not", () => {
    for (const [type, fields] of Object.entries(agreedByRequestType) as Array<[RequestType, ReadonlyArray<string>]>) {
      const approve = record(sup, { subject: subject([type]), sitting: heldSitting("support-panels"), content: content({ minutes: undefined, agreed: {} }) })
      expect(approve.refusal()).toMatchObject({ _tag: "IncompleteDecision", missing: fields.map((field) => ({ field: `agreed.${field}` })) })
      const decline = record(sup, { subject: subject([type]), sitting: heldSitting("support-panels"), content: content({ minutes: undefined, agreed: {}, outcome: "decline" }) })
      expect(decline.state()!.content.outcome).toBe("decline")
    }
    const fosterToAdopt = record(cpr, { content: content({ minutes: undefined, agreed: { placement: "foster_to_adopt" } }) })
    expect(fosterToAdopt.state()!.content.agreed.placement).toBe("foster_to_adopt")
    const lpm = record(sup, { subject: subject(["legal_planning_meeting"]), sitting: heldSitting("support-panels"), content: content({ minutes: undefined, agreed: { legalPlanningMeeting: true } }) })
    expect(lpm.state()!.status).toBe("awaiting_sign_off")
  })

  it("an action may not be due before the day of the sitting, even when the decision is typed up days later", () => {
    const visit = (dueDate: string) => content({ minutes: undefined, actions: [{ actionId: ActionId.make("a"), description: "Visit", ownerRole: "social_worker", dueDate: dueDate as LocalDate, fgcReferral: false }] })
    const refusal = record(cpr, { content: visit("2027-06-08") }).refusal()
    expect(refusal).toMatchObject({ _tag: "IncompleteDecision", missing: [{ field: "actions[0].dueDate" }] })
    expect(refusal.message).toContain('a due date for "Visit" on or after the day of the decision, Wed 9 Jun 2027')
    expect(record(cpr, { content: visit("2027-06-09") }, london("2027-06-14", "10:00")).state()!.content.actions[0]!.dueDate).toBe("2027-06-09")
  })
})

describe("decision decider: sign-off", () => {
  const nso = decisionsAt("north-somerset")
  const chairedByDeputy = nso.recorded({ minutes: undefined }, undefined, "headOfService")
  const chairedByAd = nso.recorded({ minutes: undefined }, undefined, "assistantDirector")
  const anotherHead = actorAt("north-somerset")("Bea Lanyon", "head_of_service")

  it("NSO-1, NSO-8: a Head of Service deputising as chair signs, then the Assistant Director finalises; in that order", () => {
    expect(nso.spec.given(chairedByDeputy).when(nso.cmd("headOfService", { _tag: "SignOff" })).state()!.signOffs[0]).toMatchObject({ role: "head_of_service", ruleId: "NSO-8" })
    const signedByChair = nso.spec.play([nso.cmd("headOfService", { _tag: "SignOff" })], chairedByDeputy)
    expect(nso.spec.given(signedByChair).when(nso.cmd("headOfService", { _tag: "SignOff" })).refusal()).toMatchObject({
      _tag: "NotTheRightPerson",
      message: "This decision is waiting for the Assistant Director to sign it off (NSO-8)."
    })
    const final = nso.spec.given(signedByChair).when(nso.cmd("assistantDirector", { _tag: "SignOff" }))
    expect(final.state()).toMatchObject({ status: "final", signOffs: [{ role: "head_of_service" }, { role: "assistant_director" }] })
    expect(nso.spec.given([...signedByChair, ...final.events()]).when(nso.cmd("assistantDirector", { _tag: "SignOff" })).refusal()._tag).toBe("DecisionIsFinal")
  })

  it("NSO-1, NSO-8: the Assistant Director who chaired signs the sheet and then finalises it; nobody else chairs", () => {
    const chaired = nso.spec.play([nso.cmd("assistantDirector", { _tag: "SignOff" })], chairedByAd)
    expect(nso.spec.given(chaired).when(nso.cmd("assistantDirector", { _tag: "SignOff" })).state()!.status).toBe("final")
    expect(nso.spec.given(chairedByAd).when(nso.cmd("viceChair", { _tag: "SignOff" })).refusal().message).toBe(
      "This decision is signed off by whoever chaired the sitting, Ruth Fairholme (NSO-8); another holder of the role cannot sign for them."
    )
  })

  it("NSO-8: the decision sheet is signed by whoever chaired that sitting, not by any Head of Service or the Assistant Director", () => {
    const chairedByHead = nso.spec.given(chairedByDeputy)
    for (const other of [as(anotherHead), as(nso.staff.assistantDirector)]) {
      expect(chairedByHead.when({ _tag: "SignOff", by: other, at: london("2027-06-09", "14:00") } as DecisionCommand).refusal()).toMatchObject({
        _tag: "NotTheRightPerson",
        ruleId: "NSO-8",
        message: "This decision is signed off by whoever chaired the sitting, Grace Dunmore (NSO-8); another holder of the role cannot sign for them."
      })
    }
    expect(nso.spec.given(chairedByAd).when({ _tag: "SignOff", by: as(anotherHead), at: london("2027-06-09", "14:00") } as DecisionCommand).refusal()._tag).toBe(
      "NotTheRightPerson"
    )
    expect(fold(decisionDecider, chairedByDeputy)).toMatchObject({ chairedBy: { name: "Grace Dunmore" }, pendingSignOffs: [{ bySittingChair: true }, { roles: ["assistant_director"] }] })
  })

  it("KNO-1, DEF-CHAIR-SIGNS: at a panel whose chair rotates, only the one who chaired this sitting signs", () => {
    const kno = decisionsAt("knowsley")
    const rota = actorAt("knowsley")("Cal Penhallow", "panel_chair")
    const history = kno.recorded({ minutes: undefined }, undefined, "chair")
    expect(kno.spec.given(history).when({ _tag: "SignOff", by: as(rota), at: london("2027-06-09", "14:00") } as DecisionCommand).refusal().message).toBe(
      "This decision is signed off by whoever chaired the sitting, Martin Gorsley (DEF-CHAIR-SIGNS, Carepanel default, not in the terms of reference; set by the authority's policy); another holder of the role cannot sign for them."
    )
    expect(kno.spec.given(history).when(kno.cmd("chair", { _tag: "SignOff" })).state()!.status).toBe("final")
  })

  it("NSO-8: a decision recorded before the sitting's chair was kept is signed by any holder of the step's roles, as it was", () => {
    const [recorded] = chairedByDeputy
    const { chair: _, ...older } = recorded as Extract<DecisionEvent, { _tag: "DecisionRecorded" }>
    expect(nso.spec.given([older]).when({ _tag: "SignOff", by: as(anotherHead), at: london("2027-06-09", "14:00") } as DecisionCommand).state()!.signOffs).toHaveLength(1)
  })

  it("NSO-1, CPR-1, KNO-1: in every preset the first sign-off accepts the panel's chair and each of its deputies", () => {
    for (const slug of presetSlugs) {
      const policy = preset(slug)
      for (const panel of policy.panels) {
        expect(policy.decision.signOff[0]!.roles).toEqual(expect.arrayContaining([panel.chair.role, ...panel.deputies.map((deputy) => deputy.role)]))
      }
    }
  })

  it("CPR-8: decisions stored when a sign-off step named one role still read, as a step with that role", () => {
    const [recorded] = cpr.recorded({ minutes: undefined }, ["placement_change"])
    const stored = { ...(Schema.encodeSync(DecisionEvent)(recorded!) as object), signOffsNeeded: [{ role: "panel_chair", ruleId: "CPR-8" }] }
    expect(Schema.decodeUnknownSync(DecisionEvent)(stored)).toMatchObject({ signOffsNeeded: [{ roles: ["panel_chair"], ruleId: "CPR-8" }] })
    const doc = { ...(Schema.encodeSync(Decision)(fold(decisionDecider, [recorded!])!) as object), pendingSignOffs: [{ role: "panel_chair", ruleId: "CPR-8" }] }
    expect(Schema.decodeUnknownSync(Decision)(doc).pendingSignOffs).toEqual([{ roles: ["panel_chair"], ruleId: "CPR-8" }])
  })

  it("CPR-1, CPR-11: the vice chair signs in the chair's absence; at Lincolnshire only the chair signs (DEF-CHAIR-SIGNS)", () => {
    const signed = cpr.spec.given(cpr.recorded({ minutes: undefined }, ["placement_change"], "viceChair")).when(cpr.cmd("viceChair", { _tag: "SignOff" })).state()
    expect(signed).toMatchObject({ status: "final", signOffs: [{ role: "vice_chair", ruleId: "CPR-11", by: { name: "Alys Hartwell" } }] })
    expect(lin.spec.given(lin.recorded()).when(lin.cmd("viceChair", { _tag: "SignOff" })).refusal().message).toBe(
      "This decision is signed off by whoever chaired the sitting, Martin Gorsley (DEF-CHAIR-SIGNS, Carepanel default, not in the terms of reference; set by the authority's policy); another holder of the role cannot sign for them."
    )
  })
})
