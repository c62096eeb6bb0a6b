import { DateTime, Schema } from "effect"
import { type CitingPolicy, citation } from "../policy/citation.js"
import { RuleId } from "../policy/rules.js"
import { ActedBy } from "../shared/actor.js"
import { ActionId, AuthorityId, DecisionId, SittingId } from "../shared/ids.js"
import { Role } from "../shared/roles.js"
import { ForTheChair, PreProceedingsOverHow, S20Task, StoredSignOffStep } from "./DecisionEvents.js"
import { Action, DecisionContent, HearingOfDecision, LaterHearing, SittingChair, Subject } from "./DecisionParts.js"

/**
 * `not_agreed`: an agreement outside panel someone it waited for refused (NSO-10); it lapsed, and the request can go to
 * panel. `lapsed`: the request was heard again while it still waited for an agreement (see `outsidePanel.overtaken`).
 */
export const DecisionStatus = Schema.Literal("awaiting_sign_off", "awaiting_agreement", "not_agreed", "lapsed", "final")
export type DecisionStatus = typeof DecisionStatus.Type

/** A decision made at a sitting, or agreed outside panel (SUP-7, NSO-10, LIN-11). Also the read-model doc. */
export const Decision = Schema.Struct({
  id: DecisionId,
  authorityId: AuthorityId,
  subject: Subject,
  madeAt: Schema.Literal("panel", "outside_panel"),
  sittingId: Schema.optional(SittingId),
  /** Who chaired the sitting: the one person who takes a `bySittingChair` sign-off. */
  chairedBy: Schema.optional(SittingChair),
  /** The sitting's end, or the moment of agreement outside panel: the anchor of the clocks that follow. */
  heardAt: Schema.DateTimeUtc,
  status: DecisionStatus,
  content: Schema.Struct({ ...DecisionContent.fields, actions: Schema.Array(Action) }),
  recordedBy: ActedBy,
  /** The sign-offs still needed, in order; each by a holder of any of its roles. */
  pendingSignOffs: Schema.Array(StoredSignOffStep),
  /** `forTheChair`: given by a deputy for the person who chaired, with why they could not (DEF-CHAIR-SIGNS). */
  signOffs: Schema.Array(Schema.Struct({ role: Role, ruleId: RuleId, by: ActedBy, at: Schema.DateTimeUtc, forTheChair: Schema.optional(ForTheChair) })),
  amendments: Schema.Array(
    Schema.Struct({ whatChanged: Schema.String, why: Schema.String, approvedBy: ActedBy, by: ActedBy, at: Schema.DateTimeUtc })
  ),
  /** When the first "Support Panel Actions" case note was added (LIN-6); later update notes leave it as it was. */
  actionsCaseNoteAt: Schema.optional(Schema.DateTimeUtc),
  fgcReferralsReceived: Schema.Array(Schema.Struct({ actionId: ActionId, at: Schema.DateTimeUtc })),
  changesOfCircumstances: Schema.Array(
    Schema.Struct({ circumstances: Schema.String, alternativeAction: Schema.String, by: ActedBy, at: Schema.DateTimeUtc })
  ),
  returnWaived: Schema.optional(Schema.Struct({ caseNote: Schema.String, by: ActedBy, at: Schema.DateTimeUtc })),
  /**
   * The request's later hearings the decision has been told of, as each later decision was recorded (they meet its
   * return to panel, LIN-7, and its reviews, NSO-9). Empty on decisions stored before hearings were noted on them, and
   * not necessarily every hearing: the clocks also look at the request's other decisions.
   */
  laterHearings: Schema.optionalWith(Schema.Array(LaterHearing), { default: () => [] }),
  /**
   * NSO-9: when the child's record showed the pre-proceedings over (stepped down, or proceedings issued), as it told
   * the decision: its review of pre-proceedings is met then, and no longer offered. Absent on decisions never told.
   */
  preProceedingsOver: Schema.optional(Schema.Struct({ at: Schema.DateTimeUtc, how: PreProceedingsOverHow })),
  /**
   * CPR-6: the Complex Needs Panel referral, started when the decision became final with shared funding recorded (on
   * sign-off, agreement, or an amendment that adds it); and the administrator's template to the social worker.
   */
  complexNeedsReferral: Schema.optional(
    Schema.Struct({
      startedAt: Schema.DateTimeUtc,
      templateSent: Schema.optional(Schema.Struct({ note: Schema.String, by: ActedBy, at: Schema.DateTimeUtc }))
    })
  ),
  outsidePanel: Schema.optional(
    Schema.Struct({
      ruleId: RuleId,
      whyOutsidePanel: Schema.String,
      timescales: Schema.String,
      placedAt: Schema.optional(Schema.DateTimeUtc),
      lpmAt: Schema.optional(Schema.DateTimeUtc),
      /** The narrow cases the person recording it confirmed it is (LIN-11: tripartite funding ...). */
      confirmedCases: Schema.optional(Schema.Array(Schema.String)),
      pendingAgreements: Schema.Array(Schema.Struct({ anyOf: Schema.NonEmptyArray(Role) })),
      agreements: Schema.Array(Schema.Struct({ role: Role, by: ActedBy, at: Schema.DateTimeUtc })),
      /** An agreement it waited for was refused (NSO-10): the proposal lapsed (status `not_agreed`), and nothing more is agreed on it. */
      refused: Schema.optional(Schema.Struct({ role: Role, reason: Schema.String, by: ActedBy, at: Schema.DateTimeUtc })),
      /**
       * The hearing that overtook it: the request was heard again (at a sitting, or by another agreement outside panel)
       * while it still waited for an agreement, as that hearing's recording told it. It lapsed (status `lapsed`).
       */
      overtaken: Schema.optional(HearingOfDecision),
      retrospectivePresentation: Schema.Boolean,
      s20TasksDone: Schema.Array(Schema.Struct({ task: S20Task, note: Schema.String, at: Schema.DateTimeUtc }))
    })
  )
})
export type Decision = typeof Decision.Type
export type DecisionState = Decision | undefined

export const openActions = (decision: Decision) =>
  decision.content.actions.filter((action) => action.progress._tag === "Open")

/**
 * KNO-5: an emergency LPM is presented at the first sitting after the LPM; any other agreement, after the agreement.
 * Never before the last agreement it needed (NSO-10, LIN-11): until then there is no decision to present.
 */
export const presentedAfter = (decision: Decision) => laterOf(decision.outsidePanel?.lpmAt ?? decision.heardAt, lastAgreedAt(decision))

/** When an agreement outside panel had every agreement it needed (the last one), or was recorded; a panel decision's sitting. */
export const decidedAt = (decision: Decision) => laterOf(decision.heardAt, lastAgreedAt(decision))

const lastAgreedAt = (decision: Decision) => decision.outsidePanel?.agreements.at(-1)?.at
const laterOf = (a: DateTime.Utc, b: DateTime.Utc | undefined) => (b !== undefined && DateTime.greaterThan(b, a) ? b : a)

/** LIN-11: the narrow case an agreement outside panel was confirmed as, and who confirmed it by recording it. */
export const confirmedCasesText = (decision: Decision, policy: CitingPolicy): string | undefined => {
  const outside = decision.outsidePanel
  if (outside?.confirmedCases === undefined) return undefined
  return `${outside.confirmedCases.join("; ")}, as ${decision.recordedBy.name} confirmed in recording it (${citation(outside.ruleId, policy)})`
}

/** The one person who may take this sign-off, when it is the sitting chair's and the chair is on record. */
export const sittingChairFor = (decision: Decision, step: Decision["pendingSignOffs"][number]) =>
  step.bySittingChair ? decision.chairedBy : undefined
