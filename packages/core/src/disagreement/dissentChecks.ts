import { Effect } from "effect"
import { formatDate } from "../calendar/format.js"
import { type CitingPolicy, citation } from "../policy/citation.js"
import type { RuleId } from "../policy/rules.js"
import type { PanelPolicy } from "../policy/PanelPolicy.js"
import type { ReferralId, SittingId } from "../shared/ids.js"
import { awayRule } from "../sitting/cover.js"
import { representativeOf } from "../sitting/representatives.js"
import type { DisagreementCommand } from "./DisagreementCommands.js"
import { DissentDoesNotMatchDecision, MemberNotAtSitting, NotAPanelDecision } from "./DisagreementErrors.js"
import type { DisagreementParty, DissenterAttendance, DissentSubject, VoicedOnBehalf } from "./DisagreementEvents.js"
import { voicedOnBehalf } from "./voicedOnBehalf.js"

type RecordDissent = Extract<DisagreementCommand, { readonly _tag: "RecordDissent" }>

/** What the dissent is recorded against, taken from the decision rather than from the caller. */
export interface DissentAgainst {
  readonly referralId: ReferralId
  readonly sittingId: SittingId
  readonly dissentsFrom: DissentSubject
  /** Whose dissent it is: the member named, or the member away a member present voiced it for (KNO-2). */
  readonly member: DisagreementParty
  readonly attendance: DissenterAttendance
  readonly onBehalf?: VoicedOnBehalf
}

const mismatch = (field: string, message: string) => Effect.fail(new DissentDoesNotMatchDecision({ field, message }))

/**
 * CPR-7 (or the authority's dissent rule, `disagreement.dissentRuleId`): a formal dissent is from a decision made at a sitting, about that decision's request, from the decision or
 * one of its own recommended actions. Once attendance is taken at the sitting (anyone recorded present or as a
 * deputy), only a member recorded there may dissent. Before it is taken the dissent is accepted and marked
 * "not_recorded": dissent is voiced in the room and often written down before the administrator enters attendance,
 * and refusing it then would lose the member's record of disagreeing, which is what recording dissent protects.
 * A member away is not at the sitting; a member present who represents them voices their dissent (KNO-2, `onBehalfOf`).
 */
export const dissentAgainst = (
  command: RecordDissent,
  member: DisagreementParty,
  ruleId: RuleId,
  policy: CitingPolicy,
  panel?: PanelPolicy
): Effect.Effect<DissentAgainst, NotAPanelDecision | DissentDoesNotMatchDecision | MemberNotAtSitting> =>
  Effect.gen(function* () {
    const { decision } = command
    const id = decision.decisionId
    const cited = citation(ruleId, policy)
    const sitting = decision.sitting
    if (decision.madeAt !== "panel" || sitting === undefined) {
      return yield* new NotAPanelDecision({
        ruleId,
        message: `Decision ${id} was agreed outside panel: a formal dissent is recorded against a decision made at a sitting, by a member who took part in it (${cited}).`
      })
    }
    const on = formatDate(sitting.date)
    if (command.referralId !== undefined && command.referralId !== decision.referralId) {
      return yield* mismatch("referralId", `Decision ${id} is about request ${decision.referralId}, not ${command.referralId}: check which decision the member dissents from.`)
    }
    if (command.sittingId !== undefined && command.sittingId !== sitting.sittingId) {
      return yield* mismatch("sittingId", `Decision ${id} was made at the sitting on ${on}, not at sitting ${command.sittingId}: check which decision the member dissents from.`)
    }
    let dissentsFrom: DissentSubject = { _tag: "Decision" }
    if (command.dissentsFrom._tag === "RecommendedAction") {
      const { actionId } = command.dissentsFrom
      const action = decision.actions.find((candidate) => candidate.actionId === actionId)
      if (action === undefined) {
        return yield* mismatch(
          "dissentsFrom",
          decision.actions.length === 0
            ? `Decision ${id} recommends no actions, so the dissent is from the decision itself (${cited}).`
            : `Decision ${id} has no recommended action ${actionId}: choose one of its ${decision.actions.length} recommended actions (${cited}).`
        )
      }
      dissentsFrom = { _tag: "RecommendedAction", actionId, action: action.description }
    }
    const taken = sitting.attendance.some((entry) => entry.status === "present" || entry.status === "deputy")
    const base = { referralId: decision.referralId, sittingId: sitting.sittingId, dissentsFrom }
    const check = { attendance: sitting.attendance, on, cited, ruleId, coverRule: panel === undefined ? undefined : awayRule(panel), policy }
    if (command.onBehalfOf !== undefined) return { ...base, ...(yield* voicedOnBehalf(member, command.onBehalfOf, taken, check)) }
    const entry = sitting.attendance.find((candidate) => candidate.personId === member.personId)
    if (!taken) return { ...base, member, attendance: "not_recorded" as const }
    if (entry?.status === "present" || entry?.status === "deputy") return { ...base, member, attendance: entry.status }
    const name = member.name
    const representative = entry === undefined ? undefined : representativeOf(entry.personId, sitting.attendance)
    const message =
      representative !== undefined
        ? `${name} was away from the sitting on ${on}, so cannot formally dissent from its decisions in their own name (${cited}). ` +
          `${representative.name}, present, represented them${check.coverRule === undefined ? "" : ` (${citation(check.coverRule, policy)})`}: record the dissent as voiced by ${representative.name} on ${name}'s behalf.`
        : entry?.status === "apologies"
          ? `${name} sent apologies for the sitting on ${on}, so cannot formally dissent from its decisions (${cited}). If they attended after all, correct the attendance first; if a member present represented them, record ${name} as represented by that member first, who then voices their dissent.`
          : entry?.status === "observer"
            ? `${name} attended the sitting on ${on} as an observer; observers take no part in the decision, so cannot formally dissent from it (${cited}).`
            : entry?.status === "confirmed"
              ? `${name} confirmed they would attend the sitting on ${on} but is not recorded as present: record their attendance first, then their dissent (${cited}).`
              : `${name} is not recorded as attending the sitting on ${on}: only a member who attended, or a deputy standing in, can formally dissent from its decisions (${cited}). If they attended, record their attendance first.`
    return yield* new MemberNotAtSitting({ ruleId, attendance: entry?.status ?? "not_recorded", message })
  })
