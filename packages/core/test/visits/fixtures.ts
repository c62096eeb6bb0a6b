import { DateTime } from "effect"
import { ChildRecord } from "../../src/childRecord/ChildRecord.js"
import type { LookedAfterPeriod, LookedAfterReview, LookedAfterRoute } from "../../src/childRecord/LookedAfter.js"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import type { PlacementEvent } from "../../src/regulation24/PlacementEvents.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import { fold } from "../../src/shared/decider.js"
import { contextOf } from "../fixtures.js"
import { childId, cmd, staff } from "../regulation24/fixtures.js"

export const visit = (visitedAt: DateTime.Utc, extra: Record<string, unknown> = { seenAlone: true }, when: DateTime.Utc = visitedAt) =>
  cmd("socialWorker", { _tag: "RecordVisit", visitedAt, ...extra }, when)

export const firstReview = (heldAt: DateTime.Utc, when: DateTime.Utc = heldAt) => cmd("socialWorker", { _tag: "RecordFirstReview", heldAt }, when)

export const plan = (preparedAt: DateTime.Utc, when: DateTime.Utc = preparedAt) => cmd("socialWorker", { _tag: "RecordPlacementPlan", preparedAt }, when)

/** The placement's visit (STAT-R28) and plan (STAT-R9) clocks at `now`, by id. */
export const visitDeadlines = (events: ReadonlyArray<PlacementEvent>, now: DateTime.Utc, childRecords: ReadonlyArray<ChildRecord> = []) =>
  Object.fromEntries(
    deadlinesOf({ referrals: [], sittings: [], placements: [fold(placementDecider, events)!], childRecords }, contextOf("lincolnshire"), { now, dueSoonHours: 48 })
      .filter((deadline) => deadline.ruleId === "STAT-R28" || deadline.ruleId === "STAT-R9")
      .map((deadline) => [deadline.id, deadline])
  )

const recordedBy = { personId: staff.socialWorker.personId, name: staff.socialWorker.name, role: "social_worker" as const }

/** A looked-after review (STAT-R33) on the child's record, chaired by a fictional IRO, written up two hours later. */
export const lookedAfterReview = (heldAt: DateTime.Utc) => ({ heldAt, iroName: "Mina Castell", by: recordedBy, at: DateTime.unsafeMake(heldAt.epochMillis + 2 * 3_600_000) })

/** One period of being looked after on the child's record, from `from`, with its reviews and, if given, its end. */
export const lookedAfterPeriod = (periodId: string, from: DateTime.Utc, route: LookedAfterRoute, reviews: ReadonlyArray<LookedAfterReview>, endedAt?: DateTime.Utc) => ({
  periodId,
  from,
  route,
  reviews,
  ...(endedAt === undefined ? {} : { ended: { endedAt, reason: "Returned home to her mother", by: recordedBy, at: endedAt } }),
  by: recordedBy,
  at: from
})

/** The child's record (STAT-S44) holding only these periods of being looked after. */
export const childRecordWith = (lookedAfter: ReadonlyArray<LookedAfterPeriod>): ChildRecord =>
  ChildRecord.make({ childId, authorityId: staff.socialWorker.authorityId, emergencyProtectionOrders: [], lookedAfter })
