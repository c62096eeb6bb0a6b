import { DateTime } from "effect"
import { type Decision, presentedAfter } from "../decision/Decision.js"
import { decisionClocks, hearingsByReferral, type RetrospectiveSlot } from "../decision/decisionClocks.js"
import type { Disagreement } from "../disagreement/Disagreement.js"
import { disagreementClocks } from "../disagreement/disagreementClocks.js"
import type { ReferralClockInputs } from "../referral/referralClockInputs.js"
import type { ChildRecord } from "../childRecord/ChildRecord.js"
import { childRecordClocks } from "../childRecord/childRecordClocks.js"
import { type Placement, visitedPlacementOf } from "../regulation24/Placement.js"
import { withChildRecordReview } from "../visits/firstReviewOf.js"
import { visitClocks } from "../visits/visitClocks.js"
import { placementClocks } from "../regulation24/placementClocks.js"
import type { AuthorityContext } from "../shared/authorityContext.js"
import { decidesNothing, type Sitting } from "../sitting/Sitting.js"
import { type ClockSpec, type Now, rememberingDeadlines } from "./clock.js"
import type { Deadline } from "./Deadline.js"
import { referralClocks, submissionWindows } from "./referralClocks.js"
import { sittingClocks } from "./sittingClocks.js"

export interface DeadlineInputs {
  /** Whole requests, or only what their clocks read (the `referralClocks` read model). */
  readonly referrals: ReadonlyArray<ReferralClockInputs>
  readonly sittings: ReadonlyArray<Sitting>
  readonly decisions?: ReadonlyArray<Decision>
  readonly disagreements?: ReadonlyArray<Disagreement>
  readonly placements?: ReadonlyArray<Placement>
  /** Children's statutory records (STAT-S44): clocks about the child. */
  readonly childRecords?: ReadonlyArray<ChildRecord>
  /** The requests of the `disagreements`, for the children their clocks name, where `referrals` may not hold them. */
  readonly requestsDisagreedOver?: ReadonlyArray<ReferralClockInputs>
  /** The sittings with requests accepted onto them; else those of the accepted `referrals`. */
  readonly sittingsWithRequests?: ReadonlySet<string | undefined>
}

const byStart = (a: Sitting, b: Sitting) => DateTime.distance(b.startsAt, a.startsAt)

/** Still on its sitting: a request withdrawn from it (or heard elsewhere) keeps its sitting's id but is no business of it. */
export const isAccepted = (referral: ReferralClockInputs) => referral.status === "accepted"

/**
 * The first live sitting after an agreement outside panel, and when the request was presented retrospectively: on the
 * agenda of a sitting that has started by `now` and proceeded (one the chair found too few members for heard nothing,
 * NSO-1). Booking the slot on a sitting still to come is not the presentation (NSO-10).
 */
const retrospectiveSlot = (decision: Decision, liveSittings: ReadonlyArray<Sitting>, now: DateTime.Utc): RetrospectiveSlot => {
  if (decision.outsidePanel?.retrospectivePresentation !== true) return { nextSittingStartsAt: undefined, presentedAt: undefined }
  const after = liveSittings.filter((sitting) => DateTime.greaterThan(sitting.startsAt, presentedAfter(decision)))
  const presented = after.find((sitting) =>
    !DateTime.lessThan(now, sitting.startsAt) &&
    !decidesNothing(sitting) &&
    sitting.agenda.some((item) => item.kind === "retrospective" && item.referralId === decision.subject.referralId)
  )
  return { nextSittingStartsAt: after[0]?.startsAt, presentedAt: presented?.startsAt }
}

/** The clocks about the case of `childIds` say so; none where the children are not known (an older request's row). */
const aboutChildren = (childIds: ReadonlyArray<string> | undefined, specs: ReadonlyArray<ClockSpec>): ReadonlyArray<ClockSpec> =>
  childIds === undefined || childIds.length === 0 ? specs : specs.map((spec) => ({ ...spec, about: { ...spec.about, childIds } }))

const childrenOfRequest = (referral: ReferralClockInputs) => referral.form.children?.map((child) => child.childId)

/** Every clock of an authority before it is worked out against the calendar. */
const clockSpecsOf = (inputs: DeadlineInputs, { policy, calendar }: AuthorityContext, now: Now): ReadonlyArray<ClockSpec> => {
  const { referrals, sittings, decisions = [], disagreements = [], placements = [], childRecords = [] } = inputs
  const windows = submissionWindows(sittings, policy, calendar)
  const liveSittings = sittings.filter((sitting) => sitting.cancelled === undefined).sort(byStart)
  const hearings = hearingsByReferral(decisions)
  const sittingsWithRequests = inputs.sittingsWithRequests ?? new Set(referrals.filter(isAccepted).map((referral) => referral.sittingId))
  // A disagreement is about its request's children.
  const disagreedOver = new Set<string>(disagreements.map((disagreement) => disagreement.referralId))
  const childrenOf = new Map(
    [...referrals.filter((referral) => disagreedOver.has(referral.id)), ...(inputs.requestsDisagreedOver ?? [])].map((referral) => [referral.id as string, childrenOfRequest(referral)] as const)
  )
  return [
    ...referrals.flatMap((referral) => referralClocks(referral, windows, policy)),
    ...sittings.flatMap((sitting) =>
      sittingClocks(sitting, sittings, policy, sittingsWithRequests.has(sitting.id))
    ),
    ...decisions.flatMap((decision) =>
      aboutChildren(
        decision.subject.childIds,
        decisionClocks(decision, { policy, calendar }, hearings.get(decision.subject.referralId) ?? [], retrospectiveSlot(decision, liveSittings, now.now))
      )
    ),
    ...disagreements.flatMap((disagreement) =>
      aboutChildren(childrenOf.get(disagreement.referralId), disagreementClocks(disagreement, policy))
    ),
    ...placements.flatMap((placement) => {
      if (placement.status !== "placed") return aboutChildren([placement.childId], placementClocks(placement, policy, now.now))
      const record = childRecords.find((one) => one.childId === placement.childId)
      // A child recorded as having died is owed nothing more by the placement, as when it ends (STAT-R33): no visit,
      // plan or approval falls due.
      if (record?.diedOn !== undefined) return []
      return aboutChildren([placement.childId], [...placementClocks(placement, policy, now.now), ...visitClocks(withChildRecordReview(visitedPlacementOf(placement), record), calendar)])
    }),
    ...childRecords.flatMap((record) => aboutChildren([record.childId], childRecordClocks(record, liveSittings, policy)))
  ]
}

/** Soonest first; clocks due at the same instant in the order of their ids, whatever order the records were read in. */
const soonestFirst = (a: Deadline, b: Deadline) => a.due.epochMillis - b.due.epochMillis || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

const workedOut = (specs: ReadonlyArray<ClockSpec>, { calendar, policy }: AuthorityContext, now: Now): ReadonlyArray<Deadline> => {
  const deadlineOf = rememberingDeadlines(calendar, policy)
  return specs.map((spec) => deadlineOf(spec, now)).sort(soonestFirst)
}

/** Every clock of an authority, soonest first, each with its rule and an explanation a person can read. */
export const deadlinesOf = (inputs: DeadlineInputs, authority: AuthorityContext, now: Now): ReadonlyArray<Deadline> =>
  workedOut(clockSpecsOf(inputs, authority, now), authority, now)

/** The clocks still running: not met. */
export const openDeadlines = (deadlines: ReadonlyArray<Deadline>) => deadlines.filter((deadline) => deadline.state !== "met")

/**
 * `openDeadlines(deadlinesOf(...))` without working out the met clocks first: a clock with a `metAt` is met whatever
 * its due instant, and after years an authority's met clocks far outnumber its running ones.
 */
export const openDeadlinesOf = (inputs: DeadlineInputs, authority: AuthorityContext, now: Now): ReadonlyArray<Deadline> =>
  workedOut(clockSpecsOf(inputs, authority, now).filter((spec) => spec.metAt === undefined), authority, now)
