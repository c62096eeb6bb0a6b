import type { DateTime } from "effect"
import type { ChildRecord } from "../../src/childRecord/ChildRecord.js"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import type { PlacementEvent } from "../../src/regulation24/PlacementEvents.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import { fold } from "../../src/shared/decider.js"
import { contextOf } from "../fixtures.js"
import { cmd } from "../regulation24/fixtures.js"

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
