import type { Visit, FirstReview, PlacementPlan } from "./Visit.js"
import type { VisitEvent } from "./VisitEvents.js"

/** What the visit events record on a placement. */
export interface VisitRecords {
  readonly visits?: ReadonlyArray<Visit> | undefined
  readonly placementPlan?: PlacementPlan | undefined
  readonly firstReview?: FirstReview | undefined
}

/** Folds one visit event into the placement's records (total). */
export const evolveVisits = <S extends VisitRecords>(state: S, event: VisitEvent): S => {
  const recorded = { by: event.by, at: event.at }
  switch (event._tag) {
    case "VisitRecorded": {
      const { _tag, by: _by, at: _at, ...visit } = event
      return { ...state, visits: [...(state.visits ?? []), { ...visit, ...recorded }] }
    }
    case "PlacementPlanRecorded":
      return { ...state, placementPlan: { preparedAt: event.preparedAt, ...recorded } }
    case "FirstReviewRecorded":
      return { ...state, firstReview: { heldAt: event.heldAt, ...recorded } }
  }
}
