import { Schema } from "effect"
import type { Deadline } from "../deadlines/Deadline.js"
import type { Disagreement } from "../disagreement/Disagreement.js"
import { DisagreementOutcome } from "../disagreement/DisagreementEvents.js"
import { dayOf } from "./Period.js"

const maybe = <A>(schema: Schema.Schema<A>) => Schema.UndefinedOr(schema)

/** One disagreement (CPR-7, SUP-8, LIN-13): what it is about, how far it went, how it ended, whether in time. */
export const DisagreementRow = Schema.Struct({
  disagreementId: Schema.String,
  decisionId: Schema.String,
  referralId: Schema.String,
  sittingId: Schema.String,
  ruleId: Schema.String,
  route: Schema.String,
  status: Schema.String,
  dissentsFrom: Schema.Literal("decision", "recommended_action"),
  recordedOn: Schema.String,
  notedOn: maybe(Schema.String),
  escalations: Schema.Int,
  outcome: maybe(DisagreementOutcome),
  outcomeOn: maybe(Schema.String),
  withdrawnOn: maybe(Schema.String),
  clockState: maybe(Schema.String),
  clockMetLate: Schema.Boolean
})
export type DisagreementRow = typeof DisagreementRow.Type

export const disagreementRow = (disagreement: Disagreement, deadlines: ReadonlyArray<Deadline>): DisagreementRow => {
  const clocks = deadlines.filter((deadline) => deadline.about.kind === "disagreement" && deadline.about.id === disagreement.id)
  // The outcome's clock once the areas are noted; before that, the clock for noting them (`disagreementClocks`).
  const clock = clocks.find((deadline) => deadline.id === `${disagreement.id}:outcome`) ?? clocks[0]
  return {
    disagreementId: disagreement.id,
    decisionId: disagreement.decisionId,
    referralId: disagreement.referralId,
    sittingId: disagreement.sittingId,
    ruleId: disagreement.ruleId,
    route: disagreement.route,
    status: disagreement.status,
    dissentsFrom: disagreement.dissentsFrom._tag === "Decision" ? "decision" : "recommended_action",
    recordedOn: dayOf(disagreement.recordedAt),
    notedOn: disagreement.notedAt === undefined ? undefined : dayOf(disagreement.notedAt),
    escalations: disagreement.escalations.length,
    outcome: disagreement.outcome?.outcome,
    outcomeOn: disagreement.outcome === undefined ? undefined : dayOf(disagreement.outcome.at),
    withdrawnOn: disagreement.withdrawn === undefined ? undefined : dayOf(disagreement.withdrawn.at),
    clockState: clock?.state,
    clockMetLate: clock?.metLate === true
  }
}

/** Disagreements by how they ended: upheld, varied, overturned, withdrawn, or still open. */
export const DisagreementOutcomeRow = Schema.Struct({ outcome: Schema.String, disagreements: Schema.Int })
export type DisagreementOutcomeRow = typeof DisagreementOutcomeRow.Type

export const disagreementOutcomeRows = (disagreements: ReadonlyArray<Disagreement>): ReadonlyArray<DisagreementOutcomeRow> => {
  const endOf = (disagreement: Disagreement) => disagreement.outcome?.outcome ?? (disagreement.status === "withdrawn" ? "withdrawn" : "open")
  return [...DisagreementOutcome.literals, "withdrawn", "open"].map((outcome) => ({
    outcome,
    disagreements: disagreements.filter((disagreement) => endOf(disagreement) === outcome).length
  }))
}
