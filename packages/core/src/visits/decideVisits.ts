import { DateTime, Effect } from "effect"
import { formatInstant } from "../calendar/format.js"
import type { ActedBy } from "../shared/actor.js"
import type { VisitedPlacement } from "./Visit.js"
import type { VisitCommand } from "./VisitCommands.js"
import { FirstReviewRefused, PlacementPlanRefused, type VisitRefusal, VisitRefused } from "./VisitErrors.js"
import type { VisitEvent } from "./VisitEvents.js"

interface Decision {
  readonly by: ActedBy
  readonly at: DateTime.Utc
  /** Whether the placement may still have a plan or a first review recorded: not closed by the basic test or ended. */
  readonly open: boolean
}

const visitRefused = (reason: VisitRefused["reason"], field: string, message: string) =>
  new VisitRefused({ ruleId: "STAT-R28", reason, field, message: `${message} (STAT-R28).` })

/** STAT-R28, STAT-R9: a visit, a placement plan or the first review, or the specific reason it cannot be recorded. */
export const decideVisits = (
  command: VisitCommand,
  placement: VisitedPlacement,
  { by, at, open }: Decision
): Effect.Effect<ReadonlyArray<VisitEvent>, VisitRefusal> =>
  Effect.gen(function* () {
    const audit = { by, at }
    switch (command._tag) {
      case "RecordVisit": {
        const { visitedAt, seenAlone } = command
        const placedAt = placement.placedAt
        if (placedAt === undefined) return yield* visitRefused("not_placed", "visitedAt", "The child has not been placed yet: a visit is recorded once the child is in the placement")
        if (DateTime.greaterThan(visitedAt, at)) {
          return yield* visitRefused("in_future", "visitedAt", `A visit at ${formatInstant(visitedAt)} has not happened yet: record it once it has`)
        }
        if (DateTime.lessThan(visitedAt, placedAt)) {
          return yield* visitRefused("before_placement", "visitedAt", `The child was placed at ${formatInstant(placedAt)}; a visit at ${formatInstant(visitedAt)}, before that, is not a visit to the child in this placement`)
        }
        if (placement.endedAt !== undefined && !DateTime.lessThan(visitedAt, placement.endedAt)) {
          return yield* visitRefused("after_placement_ended", "visitedAt", `The placement ended at ${formatInstant(placement.endedAt)}; a visit at ${formatInstant(visitedAt)} is not a visit to the child in this placement`)
        }
        const twice = placement.visits.find((visit) => DateTime.Equivalence(visit.visitedAt, visitedAt))
        if (twice !== undefined) return yield* visitRefused("already_recorded", "visitedAt", `A visit at ${formatInstant(visitedAt)} was already recorded, by ${twice.by.name}`)
        const visitor = command.visitor === undefined ? by.name : command.visitor.trim()
        if (visitor === "") return yield* visitRefused("no_visitor", "visitor", "Name who visited the child")
        const reason = command.notSeenAloneReason?.trim() ?? ""
        if (!seenAlone && reason === "") {
          return yield* visitRefused("not_seen_alone_without_reason", "notSeenAloneReason", "The child was not seen alone: say why")
        }
        return [{ _tag: "VisitRecorded", visitedAt, visitor, seenAlone, ...(seenAlone ? {} : { notSeenAloneReason: reason }), ...audit }]
      }
      case "RecordPlacementPlan": {
        const refuse = (reason: PlacementPlanRefused["reason"], message: string) => new PlacementPlanRefused({ ruleId: "STAT-R9", reason, message: `${message} (STAT-R9).` })
        const preparedAt = command.preparedAt ?? at
        if (!open) return yield* refuse("not_open", "This placement is closed: a placement plan is recorded on a placement that is planned or running")
        if (placement.placementPlan !== undefined) {
          return yield* refuse("already_recorded", `The placement plan was already recorded as prepared at ${formatInstant(placement.placementPlan.preparedAt)}`)
        }
        if (DateTime.greaterThan(preparedAt, at)) return yield* refuse("in_future", `A placement plan prepared at ${formatInstant(preparedAt)} is still to come: record it once it is prepared`)
        return [{ _tag: "PlacementPlanRecorded", preparedAt, ...audit }]
      }
      case "RecordFirstReview": {
        const refuse = (reason: FirstReviewRefused["reason"], message: string) => new FirstReviewRefused({ ruleId: "STAT-R28", reason, message: `${message} (STAT-R28).` })
        if (!open) return yield* refuse("not_open", "This placement is closed: the first looked-after review is recorded on a placement that is planned or running")
        if (placement.firstReview !== undefined) {
          return yield* refuse("already_recorded", `The first looked-after review was already recorded as held at ${formatInstant(placement.firstReview.heldAt)}`)
        }
        if (DateTime.greaterThan(command.heldAt, at)) return yield* refuse("in_future", `A review at ${formatInstant(command.heldAt)} has not been held yet: record it once it has`)
        return [{ _tag: "FirstReviewRecorded", heldAt: command.heldAt, ...audit }]
      }
    }
  })
