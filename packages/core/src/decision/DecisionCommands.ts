import { type DateTime, Schema } from "effect"
import { LocalDate } from "../calendar/LocalDate.js"
import type { Authorised } from "../shared/authorise.js"
import { ActionId, ChildId, DecisionId, PanelId, ReferralId, SittingId } from "../shared/ids.js"
import { PreProceedingsOverHow, S20Task } from "./DecisionEvents.js"
import { DecisionContent, HearingOfDecision, SittingChair, Subject } from "./DecisionParts.js"
import { RequestAsItStands } from "./requestAsItStands.js"

/** What a decision at panel needs to know of its sitting; the use case reads it from the sitting itself. */
export const SittingHeld = Schema.Struct({
  sittingId: SittingId,
  panelId: PanelId,
  date: LocalDate,
  startsAt: Schema.DateTimeUtc,
  endsAt: Schema.DateTimeUtc,
  cancelled: Schema.Boolean,
  /** The requests on its agenda. */
  agenda: Schema.Array(ReferralId),
  /** The chair's finding on numbers (NSO-1), and who made it: the person chairing, or the deputy chairing. */
  quorum: Schema.optional(Schema.Struct({ enough: Schema.Boolean, chair: SittingChair }))
})
export type SittingHeld = typeof SittingHeld.Type

const text = Schema.NonEmptyTrimmedString

/**
 * Every decision command's own fields, as a schema: the runner checks a command against it before deciding,
 * so blank text is refused by path (InvalidInput) and nothing is written. The reasons and timescales of an
 * agreement outside panel are plain strings here: the decider names them, with LIN-11, when they are blank.
 */
export const DecisionCommandBody = Schema.Union(
  Schema.TaggedStruct("RecordDecision", { decisionId: DecisionId, subject: Subject, sitting: SittingHeld, content: DecisionContent }),
  Schema.TaggedStruct("RecordOutsidePanelAgreement", {
    decisionId: DecisionId,
    subject: Subject,
    content: DecisionContent,
    whyOutsidePanel: Schema.String,
    timescales: Schema.String,
    placedAt: Schema.optionalWith(Schema.DateTimeUtc, { exact: true }),
    lpmAt: Schema.optionalWith(Schema.DateTimeUtc, { exact: true }),
    /** The request is the one case its type is agreed outside panel only as (LIN-11's tripartite funding). */
    confirmsCase: Schema.optionalWith(Schema.Boolean, { exact: true }),
    /**
     * The request's children it records as disabled (none when absent), read by the use case from the request, never
     * from the caller: a case for a disabled child (LIN-11) is not confirmed on a request that records none.
     */
    disabledChildIds: Schema.optionalWith(Schema.Array(ChildId), { exact: true })
  }),
  Schema.TaggedStruct("EditDecision", { content: DecisionContent }),
  /**
   * `forTheChairBecause`: a deputy the panel names to chair in the chair's absence signs the sitting chair's step for
   * them, with why they cannot (DEF-CHAIR-SIGNS). `panelId`: the sitting's panel, read from the sitting by the use case.
   */
  Schema.TaggedStruct("SignOff", { forTheChairBecause: Schema.optional(text), panelId: Schema.optional(PanelId) }),
  /** `request`: the request as it stands now (the use case reads it), checked against the one the agreement was proposed on. */
  Schema.TaggedStruct("AgreeOutsidePanel", { request: Schema.optional(RequestAsItStands) }),
  /** NSO-10: a holder of a role whose agreement the proposal waits for will not give it; it lapses. */
  Schema.TaggedStruct("RefuseOutsidePanel", { reason: text }),
  /** The approver of an amendment is the person recording it (the chair, vice chair or Assistant Director). */
  Schema.TaggedStruct("AmendDecision", { content: DecisionContent, whatChanged: text, why: text }),
  Schema.TaggedStruct("CompleteAction", { actionId: ActionId, evidence: text }),
  Schema.TaggedStruct("MarkActionOutstanding", { actionId: ActionId, reason: text }),
  Schema.TaggedStruct("RecordActionsCaseNote", { note: text }),
  Schema.TaggedStruct("RecordFgcReferralReceived", { actionId: ActionId }),
  /** `replaces`: the decision's actions the alternative action takes the place of (LIN-8); they are no longer owed. */
  Schema.TaggedStruct("ApproveChangeOfCircumstances", { circumstances: text, alternativeAction: text, replaces: Schema.optional(Schema.Array(ActionId)) }),
  Schema.TaggedStruct("WaiveReturn", { caseNote: text }),
  Schema.TaggedStruct("RecordS20Task", { task: S20Task, note: text }),
  Schema.TaggedStruct("RecordComplexNeedsTemplateSent", { note: text }),
  /** Sent by the use case that records a later decision on the same request, not by a person. */
  Schema.TaggedStruct("NoteLaterHearing", { hearing: HearingOfDecision }),
  /** Sent by the use case that records the end of the child's pre-proceedings, or proceedings issued, not by a person. */
  Schema.TaggedStruct("NotePreProceedingsOver", { overAt: Schema.DateTimeUtc, how: PreProceedingsOverHow })
)
export type DecisionCommandBody = typeof DecisionCommandBody.Type

/** A decision command as the decider takes it: its fields, the authorised actor and the instant. */
export type DecisionCommand = DecisionCommandBody & { readonly by: Authorised; readonly at: DateTime.Utc }
