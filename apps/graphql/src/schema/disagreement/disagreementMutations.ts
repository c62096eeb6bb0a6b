import { ActionId, DecisionId, DisagreementId, DisagreementOutcome, DisagreementParty, Disagreements, EscalationStep, PersonId } from "@carepanel/core"
import { Schema } from "effect"
import { optional } from "../../graphql/decodeInput.js"
import { builder } from "../builder.js"
import { decisionRefusals, disagreementRefusals } from "../errors/refusals.js"
import { commandMutation } from "../mutation.js"
import { using } from "../run.js"
import { DisagreementOutcomeEnum, EscalationStepEnum } from "../shared/enums.js"
import { StaffInput } from "../referral/referralInputs.js"
import { DisagreementRef } from "./disagreementType.js"

const type = DisagreementRef
const refusals = disagreementRefusals
const Text = Schema.NonEmptyTrimmedString

/** The dissent's subject: the whole decision, or one of its recommended actions (its words are taken from the decision). */
const DissentsFrom = Schema.transform(
  Schema.Struct({ actionId: optional(ActionId) }),
  Schema.Union(Schema.TaggedStruct("Decision", {}), Schema.TaggedStruct("RecommendedAction", { actionId: ActionId })),
  {
    strict: false,
    decode: (input) => (input.actionId === undefined ? { _tag: "Decision" } : { _tag: "RecommendedAction", actionId: input.actionId }),
    encode: (subject) => (subject._tag === "Decision" ? {} : { actionId: subject.actionId })
  }
)

const DissentSubjectInput = builder.inputType("DissentSubjectInput", {
  description: "A recommended action of the decision the member dissents from.",
  fields: (t) => ({ actionId: t.id({ required: true }) })
})

commandMutation("recordDissent", {
  description:
    "CPR-7: a member's formal dissent from a panel decision, or from one of its recommended actions. The request and the sitting " +
    "are the decision's; once attendance is taken, only someone recorded present (or deputising) may dissent. KNO-2: a member present who " +
    "represents a member away voices that member's dissent: `member` is the member present, `onBehalfOf` the member away.",
  type,
  refusals: [...refusals, ...decisionRefusals],
  fields: (t) => ({
    decisionId: t.id({ required: true }),
    member: t.field({ type: StaffInput, required: true }),
    onBehalfOf: t.id({ description: "KNO-2: the member away (person id on the sitting's attendance) whom `member`, present, represents; the dissent is theirs." }),
    dissentsFrom: t.field({ type: DissentSubjectInput, description: "Leave out to dissent from the whole decision." }),
    grounds: t.string({ required: true })
  }),
  schema: Schema.Struct({
    decisionId: DecisionId,
    member: DisagreementParty,
    onBehalfOf: optional(PersonId),
    dissentsFrom: Schema.optionalWith(DissentsFrom, { default: () => ({ _tag: "Decision" as const }) }),
    grounds: Text
  }),
  execute: (actor, details) => using(Disagreements, (disagreements) => disagreements.recordDissent(actor, details))
})

commandMutation("noteAreasOfDisagreement", {
  description: "SUP-8, LIN-13: the areas of disagreement noted at panel, before anything is escalated.",
  type,
  refusals,
  fields: (t) => ({ disagreementId: t.id({ required: true }), areas: t.stringList({ required: true }) }),
  schema: Schema.Struct({ disagreementId: DisagreementId, areas: Schema.NonEmptyArray(Text) }),
  execute: (actor, { disagreementId, areas }) => using(Disagreements, (disagreements) => disagreements.noteAreas(actor, disagreementId, areas))
})

commandMutation("escalateDisagreement", {
  description: "Takes the next step of the authority's route: to the member's manager, or to the Assistant Director.",
  type,
  refusals,
  fields: (t) => ({
      disagreementId: t.id({ required: true }),
      step: t.field({ type: EscalationStepEnum, required: true }),
      to: t.field({ type: StaffInput, required: true })
    }),
  schema: Schema.Struct({ disagreementId: DisagreementId, step: EscalationStep, to: DisagreementParty }),
  execute: (actor, { disagreementId, step, to }) => using(Disagreements, (disagreements) => disagreements.escalate(actor, disagreementId, step, to))
})

commandMutation("recordDisagreementOutcome", {
  description: "Records how the disagreement ended, once it has reached the Assistant Director.",
  type,
  refusals,
  fields: (t) => ({
      disagreementId: t.id({ required: true }),
      outcome: t.field({ type: DisagreementOutcomeEnum, required: true }),
      rationale: t.string({ required: true }),
      agreedWith: t.field({ type: StaffInput, description: "LIN-13: the Assistant Director the chair agreed it with." }),
      nextSteps: t.string({ description: "What happens to the decision now (who amends it, what changes); needed when it is varied or overturned." })
    }),
  schema: Schema.Struct({
    disagreementId: DisagreementId,
    outcome: DisagreementOutcome,
    rationale: Text,
    agreedWith: optional(DisagreementParty),
    nextSteps: optional(Text)
  }),
  execute: (actor, { disagreementId, ...outcome }) => using(Disagreements, (disagreements) => disagreements.recordOutcome(actor, disagreementId, outcome))
})

commandMutation("withdrawDissent", {
  description: "The member withdraws their dissent, with a reason.",
  type,
  refusals,
  fields: (t) => ({ disagreementId: t.id({ required: true }), reason: t.string({ required: true }) }),
  schema: Schema.Struct({ disagreementId: DisagreementId, reason: Text }),
  execute: (actor, { disagreementId, reason }) => using(Disagreements, (disagreements) => disagreements.withdraw(actor, disagreementId, reason))
})
