import { type DateTime, Effect } from "effect"
import { readAll, readSome, readWhere } from "../agenda/readAll.js"
import { londonDateOf } from "../calendar/londonTime.js"
import { ChildRecord } from "../childRecord/ChildRecord.js"
import { childRecordCollection } from "../childRecord/childRecordAggregate.js"
import { Decision, presentedAfter } from "../decision/Decision.js"
import { decisionCollection } from "../decision/decisionAggregate.js"
import { Disagreement } from "../disagreement/Disagreement.js"
import { disagreementCollection } from "../disagreement/disagreementAggregate.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import { ReferralClockInputs, referralClocksCollection } from "../referral/referralClockInputs.js"
import { Placement } from "../regulation24/Placement.js"
import { placementCollection } from "../regulation24/placementAggregate.js"
import { earliestOf } from "../shared/earliestOf.js"
import type { AuthorityId } from "../shared/ids.js"
import { Sitting } from "../sitting/Sitting.js"
import { sittingCollection } from "../sitting/sittingAggregate.js"
import { awaitedUnder, awaitsField, notHeld } from "./awaiting.js"
import { concurrently, decisionsMarked, distinct, readMarked } from "./markedRecords.js"
import { type DeadlineInputs, isAccepted } from "./computeDeadlines.js"

/** Every month from the one of `from` to the one of `to` (dates or instants as ISO text), as `2027-03`; none when `from` is later. */
export const monthsBetween = (from: string, to: string): ReadonlyArray<string> => {
  const monthNumber = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1
  const first = monthNumber(from)
  return Array.from({ length: Math.max(0, monthNumber(to) - first + 1) }, (_, i) => {
    const n = first + i
    return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`
  })
}

/** Orders not yet over (no end, no next order): the clocks that look for the first sitting after the order. */
const runningOrdersMadeAt = (record: ChildRecord) =>
  record.emergencyProtectionOrders.flatMap((order, index) =>
    order.ended === undefined && record.emergencyProtectionOrders[index + 1] === undefined ? [order.madeAt] : []
  )

/** Every sitting, decision, disagreement, placement and child's record of an authority: all but the requests' side. */
export const everyRecordBesideRequests = (authorityId: AuthorityId) =>
  Effect.all(
    {
      sittings: readAll(sittingCollection, Sitting, authorityId),
      decisions: readAll(decisionCollection, Decision, authorityId),
      disagreements: readAll(disagreementCollection, Disagreement, authorityId),
      placements: readAll(placementCollection, Placement, authorityId),
      childRecords: readAll(childRecordCollection, ChildRecord, authorityId)
    },
    concurrently
  )

/** What every deadline of an authority, met ones included, is worked out from: every record. */
export const everyDeadlineInput = (authorityId: AuthorityId) =>
  Effect.gen(function* () {
    const [referrals, rest] = yield* Effect.all([readAll(referralClocksCollection, ReferralClockInputs, authorityId), everyRecordBesideRequests(authorityId)], concurrently)
    return { referrals, ...rest } satisfies DeadlineInputs
  })

/**
 * What the running deadlines of an authority are worked out from, read by the `awaits` markers (see `awaiting.ts`)
 * instead of the whole history: the requests, sittings and decisions that may have a running clock under the policy,
 * and what their clocks read besides: each request's every decision where a decision waits on a later hearing; the
 * sittings from the earliest instant a running clock looks forward from (a request's submission or start, a sitting,
 * a decision's agreement outside panel, an emergency protection order) up to now, with every sitting not yet under way;
 * and whether a sitting with an empty agenda has requests accepted onto it; disagreements, placements and children's
 * records by their markers too, with the record of each child placed (its visits count from the child's reviews) and the
 * clock inputs of each request disagreed over (whose children a disagreement's clocks name). The
 * running clocks worked out from these are those worked out from every record.
 */
export const liveDeadlineInputs = (authorityId: AuthorityId, policy: AuthorityPolicy, now: DateTime.Utc) =>
  Effect.gen(function* () {
    const awaited = awaitedUnder(policy)
    const [referrals, liveSittings, decisions, disagreements, placements, liveChildRecords] = yield* Effect.all([
      readMarked(referralClocksCollection, ReferralClockInputs, authorityId, awaited.referrals),
      readMarked(sittingCollection, Sitting, authorityId, awaited.sittings),
      decisionsMarked(authorityId, awaited.decisions),
      readMarked(disagreementCollection, Disagreement, authorityId, awaited.disagreements),
      readMarked(placementCollection, Placement, authorityId, awaited.placements),
      readMarked(childRecordCollection, ChildRecord, authorityId, awaited.childRecords)
    ], concurrently)
    const placed = new Set(placements.filter((placement) => placement.status === "placed").map((placement) => placement.childId as string))
    const ofChildrenPlaced = yield* Effect.forEach(placed, (childId) => readWhere(childRecordCollection, ChildRecord, authorityId, { childId }), concurrently)
    const childRecords = distinct([...liveChildRecords, ...ofChildrenPlaced.flat()])

    const from = earliestOf([
      ...referrals.map((referral) => referral.submittedAt ?? referral.createdAt),
      ...liveSittings.map((sitting) => sitting.startsAt),
      ...decisions.filter((decision) => decision.outsidePanel?.retrospectivePresentation === true).map(presentedAfter),
      ...childRecords.flatMap(runningOrdersMadeAt)
    ])
    const months = from === undefined ? [] : monthsBetween(londonDateOf(from), londonDateOf(now))
    const onSittings = new Set<string>()
    for (const referral of referrals) if (referral.sittingId !== undefined) onSittings.add(referral.sittingId)
    const [toCome, byMonth, onTheirSittings, requestsDisagreedOver] = yield* Effect.all([
      readWhere(sittingCollection, Sitting, authorityId, { [awaitsField]: notHeld }),
      Effect.forEach(months, (month) => readWhere(sittingCollection, Sitting, authorityId, { month }), concurrently),
      readSome(sittingCollection, Sitting, authorityId, onSittings),
      readSome(referralClocksCollection, ReferralClockInputs, authorityId, new Set(disagreements.map((disagreement) => disagreement.referralId)))
    ], concurrently)
    const sittings = distinct([...liveSittings, ...toCome, ...byMonth.flat(), ...onTheirSittings])

    const emptyAgendas = liveSittings.filter((sitting) => sitting.agenda.length === 0)
    const accepted = yield* Effect.forEach(
      emptyAgendas,
      (sitting) => Effect.map(readWhere(referralClocksCollection, ReferralClockInputs, authorityId, { sittingId: sitting.id }), (onIt) => (onIt.some(isAccepted) ? [sitting.id] : [])),
      concurrently
    )
    const sittingsWithRequests = new Set<string | undefined>([...referrals.filter(isAccepted).map((referral) => referral.sittingId), ...accepted.flat()])
    return { referrals, sittings, decisions, disagreements, placements, childRecords, sittingsWithRequests, requestsDisagreedOver } satisfies DeadlineInputs
  })
