import type { InputFields } from "../mutation.js"
import { builder } from "../builder.js"
import { FundingPartnerEnum, FundingPeriodEnum, OutcomeEnum, PlacementKindEnum, RoleEnum } from "../shared/enums.js"

const FundingInput = builder.inputType("FundingInput", {
  fields: (t) => ({
    amountPence: t.int({ required: true }),
    period: t.field({ type: FundingPeriodEnum, required: true }),
    months: t.int(),
    budget: t.string({ required: true })
  })
})

const AgreedInput = builder.inputType("AgreedInput", {
  description: "What was agreed (LIN-5). Leave out what does not apply.",
  fields: (t) => ({
    accommodationWeeks: t.int({ description: "LIN-5: weeks of accommodation before it returns to panel (1-104)." }),
    placement: t.field({ type: PlacementKindEnum }),
    funding: t.field({ type: FundingInput }),
    legalPlanningMeeting: t.boolean(),
    preProceedings: t.boolean(),
    careProceedings: t.boolean()
  })
})

const MinutesInput = builder.inputType("MinutesInput", {
  fields: (t) => ({ workingWell: t.string({ required: true }), worries: t.string({ required: true }), needsToHappen: t.string({ required: true }) })
})

const HighlightsInput = builder.inputType("HighlightsInput", {
  description: "CPR-10: the highlights of the presentation and of the panel's discussion.",
  fields: (t) => ({ presentation: t.string({ required: true }), discussion: t.string({ required: true }) })
})

const ActionPlanInput = builder.inputType("ActionPlanInput", {
  fields: (t) => ({
    actionId: t.id({ required: true, description: "Your id for the action, unique within the decision." }),
    description: t.string({ required: true }),
    ownerRole: t.field({ type: RoleEnum, required: true }),
    ownerName: t.string(),
    dueDate: t.field({ type: "Date", required: true }),
    fgcReferral: t.boolean({ description: "LIN-9: a Family Group Conference referral." })
  })
})

const SharedFundingInput = builder.inputType("SharedFundingInput", {
  description: "CPR-6: joint (one partner) or tripartite (both) funding with SEN and/or health fits; starts the Complex Needs Panel referral once the decision is final.",
  fields: (t) => ({ partners: t.field({ type: [FundingPartnerEnum], required: true, description: "Each partner once." }) })
})

const ReturnToPanelInput = builder.inputType("ReturnToPanelInput", {
  fields: (t) => ({ withinWeeks: t.int({ required: true }), ruleId: t.string({ required: true }) })
})

/** A decision's content (decoded with core's DecisionContent). */
export const DecisionContentInput = builder.inputType("DecisionContentInput", {
  fields: (t) => ({
    outcome: t.field({ type: OutcomeEnum, required: true }),
    rationale: t.string({ required: true }),
    agreed: t.field({ type: AgreedInput, required: true }),
    minutes: t.field({ type: MinutesInput }),
    highlights: t.field({ type: HighlightsInput, description: "CPR-10: required at panel where the authority's policy asks for them." }),
    actions: t.field({ type: [ActionPlanInput], required: true }),
    returnToPanel: t.field({ type: ReturnToPanelInput }),
    sharedFunding: t.field({ type: SharedFundingInput, description: "CPR-6: only where the authority's policy runs the Complex Needs Panel referral." })
  })
})

export const decisionIdFields: InputFields = (t) => ({ decisionId: t.id({ required: true }) })
