import { type Decision, describeSharedFunding } from "@carepanel/core"
import { builder } from "../builder.js"
import { readOf } from "../child/child.js"
import { DecisionStatusEnum, FundingPartnerEnum, OutcomeEnum, PlacementKindEnum, RequestTypeEnum, RoleEnum, S20TaskEnum } from "../shared/enums.js"
import { ActedByRef, RecordedRef, RuleStepTakenRef, StaffRefRef } from "../shared/objects.js"
import { type ActionView, ActionRef } from "../action/actionType.js"

type Content = Decision["content"]

const FundingRef = builder.objectRef<NonNullable<Content["agreed"]["funding"]>>("Funding").implement({
  fields: (t) => ({
    amountPence: t.exposeInt("amountPence"),
    period: t.exposeString("period"),
    months: t.int({ nullable: true, resolve: (funding) => funding.months ?? null }),
    budget: t.exposeString("budget")
  })
})

const AgreedRef = builder.objectRef<Content["agreed"]>("Agreed").implement({
  description: "What was agreed, by request type (LIN-5).",
  fields: (t) => ({
    accommodationWeeks: t.int({ nullable: true, resolve: (agreed) => agreed.accommodationWeeks ?? null }),
    placement: t.field({ type: PlacementKindEnum, nullable: true, resolve: (agreed) => agreed.placement ?? null }),
    funding: t.field({ type: FundingRef, nullable: true, resolve: (agreed) => agreed.funding ?? null }),
    legalPlanningMeeting: t.boolean({ nullable: true, resolve: (agreed) => agreed.legalPlanningMeeting ?? null }),
    preProceedings: t.boolean({ nullable: true, resolve: (agreed) => agreed.preProceedings ?? null }),
    careProceedings: t.boolean({ nullable: true, resolve: (agreed) => agreed.careProceedings ?? null })
  })
})

const MinutesRef = builder.objectRef<NonNullable<Content["minutes"]>>("Minutes").implement({
  description: "Minutes in Signs of Safety form (LIN-5).",
  fields: (t) => ({ workingWell: t.exposeString("workingWell"), worries: t.exposeString("worries"), needsToHappen: t.exposeString("needsToHappen") })
})

const HighlightsRef = builder.objectRef<NonNullable<Content["highlights"]>>("Highlights").implement({
  description: "CPR-10: the highlights of the presentation and of the panel's discussion.",
  fields: (t) => ({ presentation: t.exposeString("presentation"), discussion: t.exposeString("discussion") })
})

const SharedFundingRef = builder.objectRef<NonNullable<Content["sharedFunding"]>>("SharedFunding").implement({
  description: "CPR-6: joint or tripartite funding with SEN and/or health that the panel found fits.",
  fields: (t) => ({
    partners: t.field({ type: [FundingPartnerEnum], resolve: (funding) => funding.partners }),
    description: t.string({ description: "\"tripartite funding with Special Educational Needs and Health\"", resolve: describeSharedFunding })
  })
})

const ComplexNeedsReferralRef = builder.objectRef<NonNullable<Decision["complexNeedsReferral"]>>("ComplexNeedsReferral").implement({
  description: "CPR-6: the Complex Needs Panel referral, started when the decision became final with shared funding on it.",
  fields: (t) => ({
    startedAt: t.field({ type: "DateTime", resolve: (referral) => referral.startedAt }),
    templateSentAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "When the administrator recorded emailing the referral template to the social worker.",
      resolve: (referral) => referral.templateSent?.at ?? null
    }),
    templateSentBy: t.field({ type: ActedByRef, nullable: true, resolve: (referral) => referral.templateSent?.by ?? null })
  })
})

const AmendmentRef = builder.objectRef<Decision["amendments"][number]>("Amendment").implement({
  fields: (t) => ({
    whatChanged: t.exposeString("whatChanged"),
    why: t.exposeString("why"),
    approvedBy: t.field({ type: ActedByRef, resolve: (amendment) => amendment.approvedBy }),
    by: t.field({ type: ActedByRef, resolve: (amendment) => amendment.by }),
    at: t.field({ type: "DateTime", resolve: (amendment) => amendment.at })
  })
})

const OutsidePanelRef = builder.objectRef<NonNullable<Decision["outsidePanel"]>>("OutsidePanel").implement({
  description: "An agreement outside panel (SUP-7, NSO-10, LIN-11).",
  fields: (t) => ({
    ruleId: t.exposeString("ruleId"),
    whyOutsidePanel: t.exposeString("whyOutsidePanel"),
    timescales: t.exposeString("timescales"),
    placedAt: t.field({ type: "DateTime", nullable: true, resolve: (outside) => outside.placedAt ?? null }),
    lpmAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "When the emergency Legal Planning Meeting is held (KNO-5).",
      resolve: (outside) => outside.lpmAt ?? null
    }),
    confirmedCases: t.stringList({
      nullable: true,
      description: "The narrow cases its request types are agreed outside panel only as, as the person recording it confirmed them (LIN-11).",
      resolve: (outside) => outside.confirmedCases ?? null
    }),
    pendingAgreements: t.field({ type: [PendingAgreementRef], resolve: (outside) => outside.pendingAgreements }),
    agreements: t.field({
      type: [RecordedRef],
      resolve: (outside) => outside.agreements
    }),
    refusal: t.field({
      type: OutsidePanelRefusalRef,
      nullable: true,
      description: "An agreement it waited for was refused (NSO-10): the proposal lapsed, and none of its actions is owed.",
      resolve: (outside) => outside.refused ?? null
    }),
    overtaken: t.field({
      type: OutsidePanelOvertakenRef,
      nullable: true,
      description:
        "The hearing of its request that overtook it while it still waited for an agreement (status `lapsed`): it can no longer be agreed, and none of its actions is owed.",
      resolve: (outside) => outside.overtaken ?? null
    }),
    retrospectivePresentation: t.exposeBoolean("retrospectivePresentation"),
    s20TasksDone: t.field({ type: [S20TaskEnum], resolve: (outside) => outside.s20TasksDone.map((done) => done.task) })
  })
})

const OutsidePanelRefusalRef = builder.objectRef<NonNullable<NonNullable<Decision["outsidePanel"]>["refused"]>>("OutsidePanelRefusal").implement({
  description: "An awaited agreement outside panel refused, by whom, under which role, and why (NSO-10).",
  fields: (t) => ({
    role: t.field({ type: RoleEnum, resolve: (refused) => refused.role }),
    reason: t.exposeString("reason"),
    by: t.field({ type: ActedByRef, resolve: (refused) => refused.by }),
    at: t.field({ type: "DateTime", resolve: (refused) => refused.at })
  })
})

const OutsidePanelOvertakenRef = builder.objectRef<NonNullable<NonNullable<Decision["outsidePanel"]>["overtaken"]>>("OutsidePanelOvertaken").implement({
  description: "A later hearing of the request that a proposal outside panel was still waiting for an agreement at: the proposal lapsed.",
  fields: (t) => ({
    decisionId: t.string({ description: "The decision that heard the request.", resolve: (hearing) => hearing.decisionId }),
    heardAt: t.field({ type: "DateTime", description: "When the request was heard: the sitting's end, or the other agreement's last agreement.", resolve: (hearing) => hearing.heardAt }),
    atPanel: t.boolean({ description: "Heard at a sitting; false: decided by another agreement outside panel.", resolve: (hearing) => hearing.atPanel }),
    sittingId: t.string({ nullable: true, description: "The sitting that heard it, when at panel.", resolve: (hearing) => hearing.sittingId ?? null })
  })
})

const PendingAgreementRef = builder.objectRef<NonNullable<Decision["outsidePanel"]>["pendingAgreements"][number]>("PendingAgreement").implement({
  description: "An agreement still needed: from anyone holding one of these roles.",
  fields: (t) => ({ anyOf: t.field({ type: [RoleEnum], resolve: (pending) => pending.anyOf }) })
})

const SignOffStepRef = builder.objectRef<Decision["pendingSignOffs"][number]>("SignOffStep").implement({
  description: "A sign-off the policy asks for: by anyone holding one of these roles, or only by whoever chaired the sitting (NSO-8, CPR-11).",
  fields: (t) => ({
    roles: t.field({ type: [RoleEnum], resolve: (step) => step.roles }),
    ruleId: t.exposeString("ruleId"),
    bySittingChair: t.boolean({
      description: "Only the person who chaired the sitting (Decision.chairedBy) takes this sign-off.",
      resolve: (step) => step.bySittingChair === true
    })
  })
})

/** A decision at a sitting or agreed outside panel, with its actions and follow-up. */
export const DecisionRef = builder.objectRef<Decision>("Decision").implement({
  description: "A decision on a request: at panel, or agreed outside it.",
  fields: (t) => ({
    id: t.id({ resolve: (decision) => decision.id }),
    referralId: t.string({ resolve: (decision) => decision.subject.referralId }),
    childIds: t.stringList({ resolve: (decision) => decision.subject.childIds }),
    requestTypes: t.field({ type: [RequestTypeEnum], resolve: (decision) => decision.subject.requestTypes }),
    madeAt: t.string({ description: "panel or outside_panel", resolve: (decision) => decision.madeAt }),
    sittingId: t.string({ nullable: true, resolve: (decision) => decision.sittingId ?? null }),
    chairedBy: t.field({
      type: StaffRefRef,
      nullable: true,
      description: "Who chaired the sitting (the chair, or the deputy who found it quorate): the one who signs the decision sheet.",
      resolve: (decision) => decision.chairedBy ?? null
    }),
    heardAt: t.field({ type: "DateTime", resolve: (decision) => decision.heardAt }),
    status: t.field({ type: DecisionStatusEnum, resolve: (decision) => decision.status }),
    outcome: t.field({ type: OutcomeEnum, resolve: (decision) => decision.content.outcome }),
    rationale: t.string({ resolve: (decision, _args, context) => readOf(context, decision.subject.childIds, "decision.rationale", decision.content.rationale) }),
    agreed: t.field({ type: AgreedRef, resolve: (decision) => decision.content.agreed }),
    minutes: t.field({
      type: MinutesRef,
      nullable: true,
      resolve: (decision, _args, context) => readOf(context, decision.subject.childIds, "decision.minutes", decision.content.minutes ?? null)
    }),
    highlights: t.field({
      type: HighlightsRef,
      nullable: true,
      description: "CPR-10: what was presented and discussed. Every read is written to the access log.",
      resolve: (decision, _args, context) => readOf(context, decision.subject.childIds, "decision.highlights", decision.content.highlights ?? null)
    }),
    sharedFunding: t.field({ type: SharedFundingRef, nullable: true, resolve: (decision) => decision.content.sharedFunding ?? null }),
    complexNeedsReferral: t.field({ type: ComplexNeedsReferralRef, nullable: true, resolve: (decision) => decision.complexNeedsReferral ?? null }),
    returnToPanelWithinWeeks: t.int({ nullable: true, resolve: (decision) => decision.content.returnToPanel?.withinWeeks ?? null }),
    actions: t.field({
      type: [ActionRef],
      resolve: (decision): ReadonlyArray<ActionView> => decision.content.actions.map((action) => ({ decision, action }))
    }),
    recordedBy: t.field({ type: ActedByRef, resolve: (decision) => decision.recordedBy }),
    pendingSignOffs: t.field({ type: [SignOffStepRef], resolve: (decision) => decision.pendingSignOffs }),
    signOffs: t.field({ type: [RuleStepTakenRef], resolve: (decision) => decision.signOffs }),
    amendments: t.field({ type: [AmendmentRef], resolve: (decision) => decision.amendments }),
    actionsCaseNoteAt: t.field({ type: "DateTime", nullable: true, resolve: (decision) => decision.actionsCaseNoteAt ?? null }),
    returnWaivedAt: t.field({ type: "DateTime", nullable: true, resolve: (decision) => decision.returnWaived?.at ?? null }),
    outsidePanel: t.field({ type: OutsidePanelRef, nullable: true, resolve: (decision) => decision.outsidePanel ?? null })
  })
})
