import { DateTime } from "effect"
import { formatDate, formatInstant } from "../calendar/format.js"
import { atLondon, londonDateOf } from "../calendar/londonTime.js"
import { timeOfDay } from "../calendar/londonTime.js"
import { type ClockSpec, rememberingResolver } from "../deadlines/clock.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import { outsidePanelRecordRuleOf, timescalesRuleOf } from "../policy/DecisionPolicy.js"
import type { AuthorityContext } from "../shared/authorityContext.js"
import { agreedFieldsFor } from "./agreedByRequestType.js"
import { complexNeedsClocks } from "./complexNeedsReferral.js"
import { roleLabel } from "../shared/roles.js"
import { type Decision, decidedAt, presentedAfter } from "./Decision.js"
import type { S20Task } from "./DecisionEvents.js"
import { isAHearing } from "./decisionHearing.js"
import { firstHeardAgainAt, firstNotedReviewOf } from "./laterHearings.js"
import { earliestOf } from "../shared/earliestOf.js"

/** Later hearings of the same request: what meets a review or a return to panel. */
export interface Hearing {
  readonly referralId: string
  readonly heardAt: DateTime.Utc
  /** At a sitting, not agreed outside panel: only a sitting reviews (NSO-9). Absent: at panel. */
  readonly atPanel?: boolean
}

/** Every decision's hearing, by the request it heard. */
export const hearingsByReferral = (decisions: ReadonlyArray<Decision>): ReadonlyMap<string, ReadonlyArray<Hearing>> => {
  const byReferral = new Map<string, Hearing[]>()
  for (const decision of decisions) {
    if (!isAHearing(decision)) continue
    const hearing = { referralId: decision.subject.referralId, heardAt: decidedAt(decision), atPanel: decision.madeAt === "panel" }
    const ofReferral = byReferral.get(hearing.referralId)
    if (ofReferral === undefined) byReferral.set(hearing.referralId, [hearing])
    else ofReferral.push(hearing)
  }
  return byReferral
}

/**
 * NSO-9: a review is the request heard again at a sitting once its window has opened; an earlier hearing (a
 * deferral back, a retrospective presentation) or an agreement outside panel is not the review.
 */
export const reviewHeardAt = (decision: Decision, hearings: ReadonlyArray<Hearing>, opensAt: DateTime.Utc): DateTime.Utc | undefined =>
  hearings
    .filter((hearing) => hearing.referralId === decision.subject.referralId && hearing.atPanel !== false && !DateTime.lessThan(hearing.heardAt, opensAt))
    .map((hearing) => hearing.heardAt)
    .sort((a, b) => DateTime.distance(b, a))[0]

/** NSO-9: reviews run while the child is in pre-proceedings: from the approval that starts them and from each review that keeps them. */
export const startsReviews = (decision: Decision, review: AutomaticReview) =>
  decision.content.outcome === "approve" &&
  decision.subject.requestTypes.some((type) => review.forRequestTypes.includes(type)) &&
  !agreedFieldsFor(review.forRequestTypes).some((field) => decision.content.agreed[field] === false)

type AutomaticReview = AuthorityPolicy["decision"]["automaticReviews"][number]

/** NSO-9: a review of children in pre-proceedings, which has nothing left to review once they are over. */
export const reviewsPreProceedings = (review: AutomaticReview) => review.forRequestTypes.includes("pre_proceedings")

/** When the child's record told the decision its pre-proceedings were over (stepped down, or proceedings issued), for a review of them. */
export const preProceedingsOverFor = (decision: Decision, review: AutomaticReview) =>
  reviewsPreProceedings(review) ? decision.preProceedingsOver?.at : undefined

/**
 * What a decision asks of its request's next hearing: to be back by its return date (CPR-10, LIN-7), approve or
 * decline alike, and before the accommodation an approval agreed ends. A deferral's return date asks nothing: the
 * deferral comes back at the next sitting by itself (CPR-8), and may be withdrawn meanwhile.
 */
export const comeBack = (decision: Decision) => {
  const { returnToPanel, agreed, outcome } = decision.content
  return {
    returnToPanel: outcome === "defer" ? undefined : returnToPanel,
    accommodationWeeks: outcome === "approve" ? agreed.accommodationWeeks : undefined
  }
}

const endOfOfficeDay = timeOfDay("17:00")

export const s20TaskLabel: Record<S20Task, string> = {
  supervision: "Case supervision recorded (reason, who agreed and for how long, what must happen for return home)",
  parents_letter: "Letter to parents: not the final position, they keep parental responsibility",
  fgc_referral: "Referral to Family Group Conference",
  early_help_referral: "Referral to Early Help"
}

/**
 * LIN-12: the letter is due 48 hours after the placement is made, the referrals after it is agreed, and the supervision
 * "within 48 hours of the placement being agreed/made": from whichever came first, so it is in time on either reading.
 */
const s20TaskRunsFrom: Record<S20Task, "agreement" | "placement" | "agreementOrPlacement"> = {
  supervision: "agreementOrPlacement",
  parents_letter: "placement",
  fgc_referral: "agreement",
  early_help_referral: "agreement"
}

/**
 * The clocks a decision starts: its actions (the authority's timescales rule: LIN-5, else DEF-RECORD-TIMESCALES;
 * outside panel, LIN-11, else DEF-OUTSIDE-PANEL-RECORD), at a sitting the actions case note (LIN-6) and FGC escalation
 * (LIN-9), the return to panel (LIN-7), automatic reviews (NSO-9) and the Complex Needs Panel referral template (CPR-6);
 * and for decisions outside panel the retrospective presentation (NSO-10, KNO-5) and the 48-hour tasks (LIN-12).
 */
export const decisionClocks = (
  decision: Decision,
  { policy, calendar }: AuthorityContext,
  laterHearings: ReadonlyArray<Hearing>,
  retrospective: RetrospectiveSlot
): ReadonlyArray<ClockSpec> => {
  const about = { kind: "decision" as const, id: decision.id }
  const heard = decision.madeAt === "panel" ? `the sitting on ${formatDate(londonDateOf(decision.heardAt))}` : `the agreement at ${formatInstant(decision.heardAt)}`
  const reheardAt = firstHeardAgainAt(
    decision,
    laterHearings.filter((hearing) => hearing.referralId === decision.subject.referralId)
  )
  const clocks: ClockSpec[] = []
  const timescales = timescalesRuleOf(policy.decision)
  const atPanel = decision.madeAt === "panel"
  // An agreement outside panel's actions and agreed accommodation run under the rule for what it records (LIN-11, else DEF-OUTSIDE-PANEL-RECORD),
  // not the panel record's (CPR-10, LIN-5); the actions case note (LIN-6) and the FGC escalations (LIN-9) count from a
  // sitting, so an agreement outside panel starts neither.
  const actionsRule = atPanel ? timescales : outsidePanelRecordRuleOf(policy.outsidePanel)
  // An agreement outside panel still waiting for an agreement when the request was heard again lapsed (NSO-10, LIN-11):
  // it can no longer be agreed, so its actions were never agreed and are owed by nobody.
  const owed = lapsed(decision, reheardAt) ? [] : decision.content.actions
  // An action replaced by an approved alternative (LIN-8) is no longer owed: it keeps no clock.
  for (const action of owed.filter((candidate) => candidate.progress._tag !== "Replaced")) {
    clocks.push({
      id: `${decision.id}:action:${action.actionId}`,
      about: { kind: "action", id: action.actionId },
      title: `${action.description} (${action.ownerName ?? roleLabel[action.ownerRole]})`,
      rule: { ruleId: actionsRule, fixed: { due: atLondon(action.dueDate, endOfOfficeDay), phrase: "the date set for this action at" } },
      anchor: decision.heardAt,
      anchorText: heard,
      metAt: action.progress._tag === "Completed" ? action.progress.at : undefined
    })
  }
  const caseNote = policy.decision.actionsCaseNote
  if (caseNote && atPanel && owed.length > 0) {
    clocks.push({
      id: `${decision.id}:actions-case-note`,
      about,
      title: `"Support Panel Actions" case note updating every action`,
      rule: caseNote,
      anchor: decision.heardAt,
      anchorText: heard,
      metAt: decision.actionsCaseNoteAt
    })
  }
  for (const action of owed.filter((candidate) => candidate.fgcReferral && candidate.progress._tag !== "Replaced")) {
    const received = decision.fgcReferralsReceived.find((entry) => entry.actionId === action.actionId)?.at
    for (const escalation of atPanel ? policy.decision.fgcReferralEscalations : []) {
      clocks.push({
        id: `${decision.id}:fgc:${action.actionId}:${escalation.escalateTo}`,
        about: { kind: "action", id: action.actionId },
        title: `FGC service receives the referral, or the FGC practice supervisor escalates to the ${roleLabel[escalation.escalateTo]}`,
        rule: escalation.clock,
        anchor: decision.heardAt,
        anchorText: heard,
        metAt: received
      })
    }
  }
  const back = reheardAt ?? decision.returnWaived?.at
  // An agreement outside panel still waiting for someone's agreement asks nobody back yet.
  const decided = isAHearing(decision)
  const { returnToPanel, accommodationWeeks } = comeBack(decision)
  if (returnToPanel && decided) {
    clocks.push({
      id: `${decision.id}:return`,
      about,
      title: "Back to panel",
      rule: { ruleId: returnToPanel.ruleId, clock: { _tag: "WeeksAfter", weeks: returnToPanel.withinWeeks } },
      anchor: decision.heardAt,
      anchorText: heard,
      metAt: back
    })
  }
  if (decided && accommodationWeeks !== undefined) {
    clocks.push({
      id: `${decision.id}:accommodation-review`,
      about,
      title: `Accommodation agreed for ${accommodationWeeks} weeks: back to panel before it ends`,
      rule: { ruleId: actionsRule, clock: { _tag: "WeeksAfter", weeks: accommodationWeeks } },
      anchor: decision.heardAt,
      anchorText: heard,
      metAt: back
    })
  }
  for (const review of policy.decision.automaticReviews.filter((candidate) => decided && startsReviews(decision, candidate))) {
    const opensAt = rememberingResolver(calendar)(review.earliest.clock, decision.heardAt).due
    clocks.push({
      id: `${decision.id}:review:${review.ruleId}`,
      about,
      title: "Review by panel",
      rule: review.latest,
      anchor: decision.heardAt,
      // NSO-9 reviews children "in pre-proceedings at 8-10 weeks": counted from the hearing that ratified them (or kept them).
      anchorText: reviewsPreProceedings(review) ? `${heard}, which ratified pre-proceedings` : heard,
      opensAfter: review.earliest.clock,
      // Met by the review at panel, or by the end of the pre-proceedings it would review, whichever comes first.
      metAt: earliestOf([reviewHeardAt(decision, laterHearings, opensAt), firstNotedReviewOf(decision, review.forRequestTypes), preProceedingsOverFor(decision, review)])
    })
  }
  return [...clocks, ...complexNeedsClocks(decision, policy), ...outsidePanelClocks(decision, policy, retrospective)]
}

/**
 * An agreement outside panel that lapsed: still waiting for an agreement when its request was heard again (at panel, or
 * by another agreement), or when an agreement it waited for was refused (NSO-10), so it can no longer be agreed
 * (`DecisionDecider`, AgreeOutsidePanel) and asks nothing.
 */
export const lapsed = (decision: Decision, reheardAt: DateTime.Utc | undefined = firstHeardAgainAt(decision, [])) =>
  !isAHearing(decision) && (reheardAt !== undefined || decision.outsidePanel?.refused !== undefined)

/** For a decision outside panel: the first sitting after it, and when it was presented there, if it was. */
export interface RetrospectiveSlot {
  readonly nextSittingStartsAt: DateTime.Utc | undefined
  readonly presentedAt: DateTime.Utc | undefined
}

const outsidePanelClocks = (decision: Decision, policy: AuthorityPolicy, slot: RetrospectiveSlot): ReadonlyArray<ClockSpec> => {
  const outside = decision.outsidePanel
  if (outside === undefined) return []
  const about = { kind: "decision" as const, id: decision.id }
  const clocks: ClockSpec[] = []
  const tasks = policy.outsidePanel.s20Tasks
  if (tasks && outside.placedAt) {
    const placedAt = formatInstant(outside.placedAt)
    const agreedAt = formatInstant(decision.heardAt)
    const anchors = {
      placement: { anchor: outside.placedAt, anchorText: `the placement at ${placedAt}` },
      agreement: { anchor: decision.heardAt, anchorText: `the agreement outside panel at ${agreedAt}` },
      agreementOrPlacement: DateTime.lessThan(decision.heardAt, outside.placedAt)
        ? { anchor: decision.heardAt, anchorText: `the agreement outside panel at ${agreedAt} (the placement was agreed before it was made, at ${placedAt})` }
        : DateTime.lessThan(outside.placedAt, decision.heardAt)
          ? { anchor: outside.placedAt, anchorText: `the placement at ${placedAt} (it was made before it was agreed outside panel, at ${agreedAt})` }
          : { anchor: outside.placedAt, anchorText: `the placement at ${placedAt}, made as it was agreed outside panel` }
    }
    for (const task of Object.keys(s20TaskLabel) as S20Task[]) {
      clocks.push({
        id: `${decision.id}:s20:${task}`,
        about,
        title: s20TaskLabel[task],
        rule: tasks.clock,
        ...anchors[s20TaskRunsFrom[task]],
        metAt: outside.s20TasksDone.find((done) => done.task === task)?.at
      })
    }
  }
  if (outside.retrospectivePresentation && decision.status === "final" && slot.nextSittingStartsAt !== undefined) {
    const from = presentedAfter(decision)
    clocks.push({
      id: `${decision.id}:retrospective`,
      about,
      title: "Presented to panel retrospectively",
      rule: { ruleId: policy.outsidePanel.retrospectiveRuleId ?? outside.ruleId, fixed: { due: slot.nextSittingStartsAt, phrase: "the first sitting after" } },
      anchor: from,
      anchorText:
        outside.lpmAt !== undefined && DateTime.Equivalence(from, outside.lpmAt)
          ? `the emergency Legal Planning Meeting at ${formatInstant(outside.lpmAt)}`
          : `the agreement outside panel at ${formatInstant(from)}`,
      metAt: slot.presentedAt
    })
  }
  return clocks
}
