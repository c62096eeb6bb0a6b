import { DateTime } from "effect"
import { type CitingPolicy, citation } from "../policy/citation.js"
import { formatDate, formatInstant } from "../calendar/format.js"
import type { Deadline } from "../deadlines/Deadline.js"
import { type Decision, sittingChairFor } from "../decision/Decision.js"
import { heardAgain } from "../decision/laterHearings.js"
import type { Disagreement } from "../disagreement/Disagreement.js"
import type { Referral } from "../referral/Referral.js"
import { oneOfRoles, roleLabel } from "../shared/roles.js"
import type { Sitting } from "../sitting/Sitting.js"
import { clocksTable, decisionBlocks, discussionSection, dissentBlocks, neverMade } from "./decisionBlocks.js"
import { type Block, type DocumentModel, fields, paragraph, table } from "./DocumentModel.js"
import { type ChildNaming, childNaming, type DocumentReader, preparedFor } from "./DocumentReader.js"

export interface DecisionSheetInputs {
  readonly authorityName: string
  readonly panelName: string | undefined
  readonly decision: Decision
  /** The child whose file the sheet is for: one of the decision's children. */
  readonly childId: string
  readonly referral: Referral | undefined
  readonly sitting: Sitting | undefined
  readonly disagreements: ReadonlyArray<Disagreement>
  readonly deadlines: ReadonlyArray<Deadline>
  /** The authority's policy, whose own rules (`BRK-4`) the document cites with their words and source. */
  readonly policy: CitingPolicy
  readonly reader: DocumentReader
  readonly at: DateTime.Utc
}

/** The clocks a decision sheet explains: the decision's, its actions', and this child's upload of the record (CPR-11). */
export const clocksOfDecision = (decision: Decision, childId: string, deadlines: ReadonlyArray<Deadline>): ReadonlyArray<Deadline> => {
  const actionIds = new Set<string>(decision.content.actions.map((action) => action.actionId))
  return deadlines.filter(
    (deadline) =>
      (deadline.about.kind === "decision" && deadline.about.id === decision.id) ||
      (deadline.about.kind === "action" && actionIds.has(deadline.about.id)) ||
      (decision.sittingId !== undefined && deadline.id === `${decision.sittingId}:upload:${childId}`)
  )
}

/** Who recorded, signed and agreed the decision, under which rule and when, and what is still needed. */
export const signatureBlocks = (decision: Decision, naming: ChildNaming, policy: CitingPolicy): ReadonlyArray<Block> => {
  const signed = decision.signOffs.map((step) => [
    roleLabel[step.role],
    citation(step.ruleId, policy),
    step.forTheChair === undefined ? step.by.name : `${step.by.name} for the chair, ${step.forTheChair.chair.name}, because ${naming.text(step.forTheChair.because)}`,
    formatInstant(step.at)
  ])
  const agreed = (decision.outsidePanel?.agreements ?? []).map((step) => [roleLabel[step.role], decision.outsidePanel === undefined ? "" : citation(decision.outsidePanel.ruleId, policy), step.by.name, formatInstant(step.at)])
  const pending = [
    ...decision.pendingSignOffs.map((step) => {
      const chair = sittingChairFor(decision, step)
      return chair === undefined ? `sign-off by ${oneOfRoles(step.roles)} (${citation(step.ruleId, policy)})` : `sign-off by ${chair.name}, who chaired the sitting (${citation(step.ruleId, policy)})`
    }),
    ...(decision.outsidePanel?.pendingAgreements ?? []).map((step) => `agreement by ${oneOfRoles(step.anyOf)}`)
  ]
  const refused = decision.outsidePanel?.refused
  const overtaken = decision.outsidePanel?.overtaken
  const standing =
    refused !== undefined
      ? `Not agreed: ${refused.by.name} (${roleLabel[refused.role]}) refused it at ${formatInstant(refused.at)} (${decision.outsidePanel === undefined ? "" : citation(decision.outsidePanel.ruleId, policy)}): ${naming.text(refused.reason)}. The proposal lapsed: none of its actions is owed, and the request can go to a sitting.`
      : overtaken !== undefined
        ? `Lapsed: ${heardAgain(overtaken)} before it was agreed; none of its actions is owed.`
        : pending.length === 0
          ? "Final: no sign-off is outstanding."
          : `Not final. Still needed: ${pending.join("; ")}.`
  return [
    fields([["Recorded by", `${decision.recordedBy.name} (${roleLabel[decision.recordedBy.role]})`]]),
    signed.length + agreed.length === 0
      ? paragraph("Not signed yet.")
      : table("Sign-offs and agreements", ["Role", "Rule", "By", "When"], [...agreed, ...signed]),
    paragraph(standing)
  ]
}

/** Every amendment, when, what changed, why and who approved it (NSO-8). */
export const amendmentBlock = (decision: Decision, naming: ChildNaming): Block =>
  decision.amendments.length === 0
    ? paragraph("Not amended.")
    : table(
        "Amendments",
        ["When", "What changed", "Why", "Approved by"],
        decision.amendments.map((amendment) => [formatInstant(amendment.at), naming.text(amendment.whatChanged), naming.text(amendment.why), amendment.approvedBy.name])
      )

/**
 * A decision sheet for one child's file (NSO-8, CPR-11): the decision, who signed and finalised it and when,
 * every amendment with its reason, and the rule behind each clock. Watermarked until the decision is final.
 */
export const decisionSheet = (inputs: DecisionSheetInputs): DocumentModel => {
  const { decision, reader } = inputs
  const naming = childNaming(reader, inputs.referral === undefined ? [] : [inputs.referral])
  const final = decision.status === "final"
  const ended = neverMade(decision)
  const heard =
    inputs.sitting === undefined
      ? ended !== undefined
        ? `Proposed outside panel ${formatInstant(decision.heardAt)}, ${ended}`
        : `Agreed outside panel ${formatInstant(decision.heardAt)}`
      : `${inputs.panelName ?? inputs.sitting.panelId}, ${formatDate(inputs.sitting.date)}`
  return {
    kind: "decision_sheet",
    title: `Decision sheet: ${naming.label(inputs.childId)}`,
    subtitle: `${inputs.authorityName}. ${heard}. Decision ${decision.id}.`,
    stage: final ? "final" : "draft",
    ...(final ? {} : { watermark: ended !== undefined ? ended.toUpperCase() : "NOT FINAL - AWAITING SIGN-OFF" }),
    generatedAt: DateTime.formatIso(inputs.at),
    preparedFor: preparedFor(reader),
    sections: [
      {
        heading: "The request",
        blocks: [
          fields([
            ["Child", naming.label(inputs.childId)],
            ["Request", decision.subject.referralId],
            ["Asked", inputs.referral?.form.request === undefined ? undefined : naming.text(inputs.referral.form.request)],
            ["Social worker", inputs.referral?.form.socialWorker.name]
          ])
        ]
      },
      discussionSection(decision, naming),
      { heading: "Decision", blocks: decisionBlocks(decision, naming, inputs.policy) },
      ...(inputs.disagreements.length === 0 ? [] : [{ heading: "Dissent", blocks: dissentBlocks(inputs.disagreements, naming, inputs.policy) }]),
      { heading: "Signed and finalised", blocks: signatureBlocks(decision, naming, inputs.policy) },
      { heading: "Amendments", blocks: [amendmentBlock(decision, naming)] },
      { heading: "Clocks and the rules behind them", blocks: [clocksTable("Clocks", clocksOfDecision(decision, inputs.childId, inputs.deadlines), naming)] }
    ],
    reads: [{ childId: inputs.childId, fields: ["decision", "rationale", "minutes", "highlights", "actions", "amendments", "dissent", ...(naming.identity ? ["fullName"] : [])] }]
  }
}
