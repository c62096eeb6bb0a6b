import { DateTime } from "effect"
import type { ChildRecord } from "../childRecord/ChildRecord.js"
import type { Decision } from "../decision/Decision.js"
import { agreedFieldsFor } from "../decision/agreedByRequestType.js"
import { stillOwed } from "../decision/DecisionParts.js"
import type { RequestType } from "../policy/RequestType.js"
import type { Disagreement } from "../disagreement/Disagreement.js"
import { isUnderPoliceProtection, type Placement } from "../regulation24/Placement.js"
import { comeBack, lapsed, s20TaskLabel } from "../decision/decisionClocks.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import type { ReferralClockInputs } from "../referral/referralClockInputs.js"
import { childrenToUpload, type Sitting } from "../sitting/Sitting.js"
import { submissionOver } from "./referralClocks.js"

/**
 * What a record's clocks may still be waiting for, judged from the record alone: the read-model index field `awaits`
 * of requests' clocks, sittings, decisions, disagreements, placements and children's records. Each marker stands for a
 * kind of clock not yet met by the record itself, under any authority's policy and whatever the rest of the store
 * holds, so a record whose markers the policy turns into no clock has no running clock, now or later, until it changes
 * (and then its row is written again). The running deadlines read only the records that carry a marker
 * (`liveDeadlineInputs`), not an authority's whole history.
 *
 * Three markers hang on another record (a later hearing of the request, a sitting's agenda). `return` and `review:<type>`
 * go when the decision is told of a later hearing that meets them (`laterHearings.ts`), and `review:pre_proceedings`
 * when the child's record tells it the pre-proceedings are over (NSO-9): until then such a decision is read with its
 * request's every decision. `retrospective` stays until the decision changes.
 */
export const awaitsField = "awaits"

/** A request's submission clock (KNO-6, SUP-4, NSO-3, CPR-4, LIN-3): met when it is ready; none once it is closed or decided without it. */
export const referralAwaits = (referral: ReferralClockInputs): ReadonlyArray<string> =>
  submissionOver(referral) || referral.readyAt !== undefined ? [] : ["submission"]

/**
 * Not yet under way: no draft record, and no quorum confirmed at or after its start. Every sitting still to come carries
 * it (a draft goes to the chair only after the sitting; a quorum confirmed after the start was confirmed once it had
 * begun), so the sittings a running clock may look forward to are read by it.
 */
export const notHeld = "notHeld"

const underWay = (sitting: Sitting) =>
  sitting.record.draftSentAt !== undefined || (sitting.quorum?.at !== undefined && !DateTime.lessThan(sitting.quorum.at, sitting.startsAt))

/** A sitting's clocks before it (agenda, papers, attendance) and its record's turnaround; none once cancelled. */
export const sittingAwaits = (sitting: Sitting): ReadonlyArray<string> => {
  if (sitting.cancelled !== undefined) return []
  const { draftSentAt, finalAt, uploads } = sitting.record
  const uploaded = new Set(uploads.map((upload) => upload.childId))
  const recordDone = draftSentAt !== undefined && finalAt !== undefined && childrenToUpload(sitting).every((child) => uploaded.has(child))
  return [
    ...(sitting.agendaPublishedAt === undefined ? ["agenda"] : []),
    ...(sitting.papersSentAt === undefined ? ["papers"] : []),
    ...(sitting.quorum?.at === undefined ? ["attendance"] : []),
    ...(sitting.agenda.length > 0 && !recordDone ? ["record"] : []),
    ...(underWay(sitting) ? [] : [notHeld])
  ]
}

/** A decision's clocks (see `decisionClocks`): its actions and their case note, FGC referrals, returns, reviews, tasks. */
export const decisionAwaits = (decision: Decision): ReadonlyArray<string> => {
  const { actions, outcome, agreed, sharedFunding } = decision.content
  const received = new Set(decision.fgcReferralsReceived.map((entry) => entry.actionId))
  const outside = decision.outsidePanel
  const asked = comeBack(decision)
  const returns = asked.returnToPanel !== undefined || asked.accommodationWeeks !== undefined
  const reviewed = new Set(decision.laterHearings.flatMap((hearing) => hearing.reviewOf))
  // An approval that agrees "no" to what a type asks (pre-proceedings: false) starts no review of it (`startsReviews`).
  // Nor is pre-proceedings reviewed once the child's record has shown them over (NSO-9, `preProceedingsOverFor`).
  const over = (type: RequestType) => type === "pre_proceedings" && decision.preProceedingsOver !== undefined
  const reviewable = (type: RequestType) => !reviewed.has(type) && !over(type) && !agreedFieldsFor([type]).some((field) => agreed[field] === false)
  // A lapsed agreement outside panel owes none of its actions.
  const owed = lapsed(decision) ? [] : actions
  return [
    ...(owed.some(stillOwed) ? ["action"] : []),
    ...(owed.length > 0 && decision.actionsCaseNoteAt === undefined ? ["caseNote"] : []),
    ...(owed.some((action) => action.fgcReferral && stillOwed(action) && !received.has(action.actionId)) ? ["fgc"] : []),
    ...(returns && decision.returnWaived === undefined && decision.laterHearings.length === 0 ? ["return"] : []),
    ...(outcome === "approve" ? decision.subject.requestTypes.filter(reviewable).map((type) => `review:${type}`) : []),
    ...(sharedFunding !== undefined && decision.complexNeedsReferral?.templateSent === undefined ? ["complexNeeds"] : []),
    ...(outside?.placedAt !== undefined && new Set(outside.s20TasksDone.map((done) => done.task)).size < Object.keys(s20TaskLabel).length ? ["s20"] : []),
    ...(outside?.retrospectivePresentation === true ? ["retrospective"] : [])
  ]
}

/** A disagreement's clocks (SUP-8, LIN-13): the areas noted at panel, then its outcome; none once withdrawn. */
export const disagreementAwaits = (disagreement: Disagreement): ReadonlyArray<string> => {
  if (disagreement.status === "withdrawn") return []
  if (disagreement.notedAt === undefined) return ["areas"]
  return disagreement.outcome === undefined ? ["outcome"] : []
}

/**
 * A placement's clocks: police protection's until its outcome (STAT-S46), and while it is identified or placed, the
 * rest (consent, viability, kinship referral, the temporary approval and its end, the placement plan and visits).
 */
export const placementAwaits = (placement: Placement): ReadonlyArray<string> => [
  ...(isUnderPoliceProtection(placement) ? ["policeProtection"] : []),
  ...(placement.status === "identified" || placement.status === "placed" ? ["placement"] : [])
]

/**
 * A child's record's clocks: an emergency protection order neither ended nor followed by another (STAT-S44, NSO-10);
 * a period in secure accommodation not ended (STAT-S25); pre-proceedings neither ended nor issued (STAT-PLO) and
 * proceedings not concluded (STAT-S31); a period of being looked after not ended (STAT-R33).
 */
export const childRecordAwaits = (record: ChildRecord): ReadonlyArray<string> => {
  const orders = record.emergencyProtectionOrders
  const p = record.proceedings
  return [
    ...(orders.some((order, i) => order.ended === undefined && orders[i + 1] === undefined) ? ["epo"] : []),
    ...(record.secureAccommodation.periods.some((period) => period.endedAt === undefined) ? ["secure"] : []),
    ...((p.letterSentAt !== undefined && p.issuedAt === undefined && p.preProceedingsEndedAt === undefined) ||
    (p.issuedAt !== undefined && p.concludedAt === undefined)
      ? ["proceedings"]
      : []),
    ...(record.lookedAfter.some((period) => period.ended === undefined) ? ["lookedAfter"] : [])
  ]
}

/** Markers whose clocks a later hearing of the request meets: such a decision is read with its request's every decision. */
export const hangsOnAHearing = (marker: string) => marker === "return" || marker.startsWith("review:")

/** The markers an authority's policy turns into clocks, by what they are on. */
export const awaitedUnder = (policy: AuthorityPolicy) => ({
  referrals: ["submission"],
  sittings: [
    ...(policy.sitting.agendaToMembers !== undefined ? ["agenda"] : []),
    ...(policy.sitting.papersToMembers !== undefined ? ["papers"] : []),
    ...(policy.panels.some((panel) => panel.attendanceConfirmation !== undefined) ? ["attendance"] : []),
    ...(policy.sitting.record !== undefined ? ["record"] : [])
  ],
  decisions: [
    "action",
    "return",
    "retrospective",
    ...(policy.decision.actionsCaseNote !== undefined ? ["caseNote"] : []),
    ...(policy.decision.fgcReferralEscalations.length > 0 ? ["fgc"] : []),
    ...policy.decision.automaticReviews.flatMap((review) => review.forRequestTypes.map((type) => `review:${type}`)),
    ...(policy.decision.complexNeedsReferral !== undefined ? ["complexNeeds"] : []),
    ...(policy.outsidePanel.s20Tasks !== undefined ? ["s20"] : [])
  ],
  disagreements: ["areas", "outcome"],
  placements: ["policeProtection", "placement"],
  childRecords: ["epo", "secure", "proceedings", "lookedAfter"]
})

/** The month of a sitting's date (`2027-03`): the index field by which the sittings after an instant are read. */
export const monthOf = (date: string) => date.slice(0, 7)

/** The index fields the running deadlines read a request's clocks by (also: which sitting it is on). */
export const referralDeadlineIndex = (referral: ReferralClockInputs) => ({ [awaitsField]: [...referralAwaits(referral)], sittingId: referral.sittingId ?? null })

/** The index fields the running deadlines read a sitting by. */
export const sittingDeadlineIndex = (sitting: Sitting) => ({ month: monthOf(sitting.date), [awaitsField]: [...sittingAwaits(sitting)] })

/** The index fields the running deadlines read a decision by. */
export const decisionDeadlineIndex = (decision: Decision) => ({ [awaitsField]: [...decisionAwaits(decision)] })

/** The index field the running deadlines read a disagreement by. */
export const disagreementDeadlineIndex = (disagreement: Disagreement) => ({ [awaitsField]: [...disagreementAwaits(disagreement)] })

/** The index field the running deadlines read a placement by. */
export const placementDeadlineIndex = (placement: Placement) => ({ [awaitsField]: [...placementAwaits(placement)] })

/** The index field the running deadlines read a child's record by. */
export const childRecordDeadlineIndex = (record: ChildRecord) => ({ [awaitsField]: [...childRecordAwaits(record)] })
