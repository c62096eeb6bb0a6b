import type { Referral } from "@carepanel/core"
import { builder } from "../builder.js"
import type { GraphQLContext } from "../../graphql/context.js"
import { ChildRef, readOf } from "../child/child.js"
import { DocumentKindEnum, OutcomeEnum, ParentalHistoryKindEnum, PresentationReasonEnum, ReferralStatusEnum, RequestTypeEnum } from "../shared/enums.js"
import { ActedByRef, RuleStepRef, RuleStepTakenRef, StaffRefRef } from "../shared/objects.js"

type Form = Referral["form"]

const DocumentRef = builder.objectRef<Referral["documents"][number]>("Document").implement({
  description: "A paper recorded against a request (its content stays in the case system).",
  fields: (t) => ({
    documentId: t.exposeString("documentId"),
    kind: t.field({ type: DocumentKindEnum, resolve: (document) => document.kind }),
    title: t.exposeString("title")
  })
})

const CriterionRef = builder.objectRef<Referral["criteria"][number]>("Criterion").implement({
  description: "Why the case comes to panel, under the authority's rule.",
  fields: (t) => ({
    ruleId: t.exposeString("ruleId"),
    reason: t.field({ type: PresentationReasonEnum, resolve: (criterion) => criterion.reason }),
    level: t.exposeString("level"),
    description: t.exposeString("description"),
    explanation: t.string({
      nullable: true,
      description: "For a criterion worked out from the form's facts: the rule and the arithmetic, e.g. 'NSO-6: expenditure of GBP 1,500.00 a year is over the threshold of GBP 1,000.00 a year'.",
      resolve: (criterion) => criterion.explanation ?? null
    })
  })
})

const ParentalHistoryRef = builder.objectRef<Form["parentalHistory"][number]>("ParentalHistory").implement({
  description: "A parent's or caregiver's criminal conviction, or care proceedings about a connected child (SUP-3, LIN-2).",
  fields: (t) => ({
    parent: t.exposeString("parent"),
    kind: t.field({ type: ParentalHistoryKindEnum, nullable: true, resolve: (entry) => entry.kind }),
    date: t.field({ type: "Date", nullable: true, resolve: (entry) => entry.date }),
    detail: t.exposeString("detail")
  })
})

const ReviewOutcomeRef = builder.objectRef<NonNullable<Form["lastReviewOutcome"]>>("ReviewOutcome").implement({
  description: "NSO-4: the last child in care, child in need or child protection review.",
  fields: (t) => ({ date: t.field({ type: "Date", resolve: (review) => review.date }), outcome: t.exposeString("outcome") })
})

const HearingRef = builder.objectRef<Referral["hearings"][number]>("Hearing").implement({
  description: "A time the request was decided on: at a sitting, or agreed outside panel.",
  fields: (t) => ({
    decisionId: t.exposeString("decisionId"),
    sittingId: t.string({ nullable: true, resolve: (hearing) => hearing.sittingId ?? null }),
    outcome: t.field({ type: OutcomeEnum, resolve: (hearing) => hearing.outcome }),
    at: t.field({ type: "DateTime", resolve: (hearing) => hearing.at })
  })
})

const LatePermissionRef = builder.objectRef<Referral["latePermissions"][number]>("LatePermission").implement({
  fields: (t) => ({
    sittingId: t.exposeString("sittingId"),
    reason: t.exposeString("reason"),
    by: t.field({ type: ActedByRef, resolve: (permission) => permission.by })
  })
})

const childIdsOf = (referral: Referral) => referral.form.children.map((child) => child.childId as string)

const OptionalPresentationRef = builder.objectRef<Referral["presentationOptional"][number]>("OptionalPresentation").implement({
  description: "A rule under which this request need not be presented (LIN-4): it may still be, or be closed citing the rule.",
  fields: (t) => ({ ruleId: t.exposeString("ruleId"), description: t.exposeString("description") })
})

/** The form's free text is about the children: each read is logged against them as `request.<field>`. */
const text =
  <K extends keyof Form>(field: K & string) =>
  (referral: Referral, _args: object, context: GraphQLContext) =>
    readOf(context, childIdsOf(referral), `request.${field}`, (referral.form[field] as string | undefined) ?? null)

/** A panel request: the form, its papers, approvals, the sitting it is on and every hearing. */
export const ReferralRef = builder.objectRef<Referral>("Referral").implement({
  description: "A panel request, as its events made it.",
  fields: (t) => ({
    id: t.id({ resolve: (referral) => referral.id }),
    status: t.field({ type: ReferralStatusEnum, resolve: (referral) => referral.status }),
    panelId: t.string({ resolve: (referral) => referral.form.panelId }),
    teamId: t.string({ nullable: true, resolve: (referral) => referral.form.teamId ?? null }),
    socialWorker: t.field({ type: StaffRefRef, resolve: (referral) => referral.form.socialWorker }),
    teamManager: t.field({ type: StaffRefRef, nullable: true, resolve: (referral) => referral.form.teamManager ?? null }),
    children: t.field({ type: [ChildRef], resolve: (referral) => referral.form.children }),
    requestTypes: t.field({ type: [RequestTypeEnum], resolve: (referral) => referral.form.requestTypes }),
    request: t.string({ nullable: true, resolve: text("request") }),
    reason: t.string({ nullable: true, resolve: text("reason") }),
    presentationReasons: t.field({ type: [PresentationReasonEnum], nullable: true, resolve: (referral) => referral.form.presentationReasons }),
    proposedPlan: t.string({ nullable: true, resolve: text("proposedPlan") }),
    caseSummary: t.string({ nullable: true, resolve: text("caseSummary") }),
    currentSituation: t.string({ nullable: true, resolve: text("currentSituation") }),
    workingWell: t.string({ nullable: true, resolve: text("workingWell") }),
    worries: t.string({ nullable: true, resolve: text("worries") }),
    needsToChange: t.string({ nullable: true, resolve: text("needsToChange") }),
    workAlreadyDone: t.string({ nullable: true, resolve: text("workAlreadyDone") }),
    expectedOutcome: t.string({ nullable: true, resolve: text("expectedOutcome") }),
    durationAndExit: t.string({ nullable: true, resolve: text("durationAndExit") }),
    annualCostPence: t.int({ nullable: true, resolve: (referral) => referral.form.annualCostPence ?? null }),
    partOfCareProceedings: t.boolean({ resolve: (referral) => referral.form.partOfCareProceedings }),
    respiteOrFamilySupport: t.boolean({ nullable: true, resolve: (referral) => referral.form.respiteOrFamilySupport ?? null }),
    parentalHistory: t.field({
      type: [ParentalHistoryRef],
      nullable: true,
      resolve: (referral, _args, context) => readOf(context, childIdsOf(referral), "request.parentalHistory", referral.form.parentalHistory)
    }),
    lastReviewOutcome: t.field({
      type: ReviewOutcomeRef,
      nullable: true,
      resolve: (referral, _args, context) => readOf(context, childIdsOf(referral), "request.lastReviewOutcome", referral.form.lastReviewOutcome ?? null)
    }),
    childWishes: t.string({ nullable: true, resolve: text("childWishes") }),
    parentsViews: t.string({ nullable: true, resolve: text("parentsViews") }),
    documents: t.field({ type: [DocumentRef], resolve: (referral) => referral.documents }),
    createdAt: t.field({ type: "DateTime", resolve: (referral) => referral.createdAt }),
    createdBy: t.field({ type: ActedByRef, resolve: (referral) => referral.createdBy }),
    submittedAt: t.field({ type: "DateTime", nullable: true, resolve: (referral) => referral.submittedAt ?? null }),
    readyAt: t.field({ type: "DateTime", nullable: true, resolve: (referral) => referral.readyAt ?? null }),
    pendingApprovals: t.field({ type: [RuleStepRef], resolve: (referral) => referral.pendingApprovals }),
    approvals: t.field({ type: [RuleStepTakenRef], resolve: (referral) => referral.approvals }),
    criteria: t.field({ type: [CriterionRef], nullable: true, resolve: (referral) => referral.criteria }),
    presentationOptional: t.field({ type: [OptionalPresentationRef], nullable: true, resolve: (referral) => referral.presentationOptional }),
    latePermissions: t.field({ type: [LatePermissionRef], resolve: (referral) => referral.latePermissions }),
    sittingId: t.string({ nullable: true, resolve: (referral) => referral.sittingId ?? null }),
    acceptedLate: t.boolean({ nullable: true, resolve: (referral) => referral.acceptedLate ?? null }),
    hearings: t.field({ type: [HearingRef], resolve: (referral) => referral.hearings }),
    closedReason: t.string({ nullable: true, resolve: (referral) => referral.closedReason ?? null }),
    redirectedTo: t.string({ nullable: true, resolve: (referral) => referral.redirectedTo ?? null })
  })
})
