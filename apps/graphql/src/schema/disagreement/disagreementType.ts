import type { Disagreement } from "@carepanel/core"
import { builder } from "../builder.js"
import { DisagreementOutcomeEnum, DisagreementStatusEnum, EscalationStepEnum } from "../shared/enums.js"
import { ActedByRef, StaffRefRef } from "../shared/objects.js"

const EscalationRef = builder.objectRef<Disagreement["escalations"][number]>("Escalation").implement({
  fields: (t) => ({
    step: t.field({ type: EscalationStepEnum, resolve: (escalation) => escalation.step }),
    to: t.field({ type: StaffRefRef, resolve: (escalation) => escalation.to }),
    by: t.field({ type: ActedByRef, resolve: (escalation) => escalation.by }),
    at: t.field({ type: "DateTime", resolve: (escalation) => escalation.at })
  })
})

const DisagreementOutcomeRecordRef = builder.objectRef<NonNullable<Disagreement["outcome"]>>("DisagreementOutcomeRecord").implement({
  fields: (t) => ({
    outcome: t.field({ type: DisagreementOutcomeEnum, resolve: (outcome) => outcome.outcome }),
    rationale: t.exposeString("rationale"),
    agreedWith: t.field({ type: StaffRefRef, nullable: true, resolve: (outcome) => outcome.agreedWith ?? null }),
    nextSteps: t.string({ nullable: true, description: "What happens to the decision now, when it was varied or overturned.", resolve: (outcome) => outcome.nextSteps ?? null }),
    by: t.field({ type: ActedByRef, resolve: (outcome) => outcome.by }),
    at: t.field({ type: "DateTime", resolve: (outcome) => outcome.at })
  })
})

const VoicedOnBehalfRef = builder.objectRef<NonNullable<Disagreement["onBehalf"]>>("VoicedOnBehalf").implement({
  description: "KNO-2: the member present who voiced the dissent of a member away they represent, each seat as the attendance recorded it.",
  fields: (t) => ({
    memberSeat: t.exposeString("memberSeat", { description: "The seat of the member away whose dissent it is." }),
    voicedBy: t.field({ type: StaffRefRef, resolve: (onBehalf) => onBehalf.voicedBy }),
    voicedBySeat: t.exposeString("voicedBySeat"),
    ruleId: t.string({ nullable: true, description: "The rule the panel's cover cites (KNO-2, CPR-3); null for a local default.", resolve: (onBehalf) => onBehalf.ruleId ?? null })
  })
})

/** A member's formal dissent from a decision (CPR-7) and its escalation (SUP-8, LIN-13). */
export const DisagreementRef = builder.objectRef<Disagreement>("Disagreement").implement({
  description: "A member's formal dissent from a panel decision, and where it went.",
  fields: (t) => ({
    id: t.id({ resolve: (disagreement) => disagreement.id }),
    decisionId: t.exposeString("decisionId"),
    referralId: t.exposeString("referralId"),
    sittingId: t.exposeString("sittingId"),
    ruleId: t.exposeString("ruleId"),
    route: t.field({ type: "JSON", description: "The escalation route the policy set when the dissent was recorded.", resolve: (disagreement) => disagreement.route }),
    status: t.field({ type: DisagreementStatusEnum, resolve: (disagreement) => disagreement.status }),
    member: t.field({ type: StaffRefRef, resolve: (disagreement) => disagreement.member }),
    dissentsFromActionId: t.string({
      nullable: true,
      description: "Null when the dissent is from the whole decision.",
      resolve: (disagreement) => (disagreement.dissentsFrom._tag === "RecommendedAction" ? disagreement.dissentsFrom.actionId : null)
    }),
    grounds: t.exposeString("grounds"),
    memberAttendance: t.string({
      nullable: true,
      description:
        "present or deputy as the sitting's attendance showed when the dissent was recorded; represented when a member present who represents them voiced it (KNO-2); not_recorded if attendance was not yet taken.",
      resolve: (disagreement) => disagreement.attendance ?? null
    }),
    onBehalf: t.field({
      type: VoicedOnBehalfRef,
      nullable: true,
      description: "Who voiced the dissent for the member, away and represented (KNO-2); null when the member voiced it.",
      resolve: (disagreement) => disagreement.onBehalf ?? null
    }),
    recordedAt: t.field({ type: "DateTime", resolve: (disagreement) => disagreement.recordedAt }),
    recordedBy: t.field({ type: ActedByRef, resolve: (disagreement) => disagreement.recordedBy }),
    areas: t.stringList({ resolve: (disagreement) => disagreement.areas }),
    notedAt: t.field({ type: "DateTime", nullable: true, resolve: (disagreement) => disagreement.notedAt ?? null }),
    escalations: t.field({ type: [EscalationRef], resolve: (disagreement) => disagreement.escalations }),
    outcome: t.field({ type: DisagreementOutcomeRecordRef, nullable: true, resolve: (disagreement) => disagreement.outcome ?? null }),
    withdrawnReason: t.string({ nullable: true, resolve: (disagreement) => disagreement.withdrawn?.reason ?? null })
  })
})
