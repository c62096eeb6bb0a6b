import { DateTime, Effect } from "effect"
import { Placements } from "../regulation24/Placements.js"
import { ChildId } from "../shared/ids.js"
import type { staffOf } from "./actors.js"

/**
 * A fictional child placed now with a connected person and taken through every step to temporary approval
 * (LIN-14, LIN-16, LIN-17, LIN-18, the Assistant Director's consent): the placement as it then stands.
 */
export const connectedPlacement = (staff: ReturnType<typeof staffOf>, childId: string) =>
  Effect.gen(function* () {
    const placements = yield* Placements
    const placement = yield* placements.recordBasicTest(staff.socialWorker, ChildId.make(childId), {
      wouldRefuseToSupportReturnHome: true,
      wouldAskPoliceToUsePoliceProtection: false,
      wouldSeekLegalAdviceToStartCareProceedings: false
    })
    yield* placements.recordPlacementMade(staff.socialWorker, placement.id, yield* DateTime.now, [
      { name: "Jo Harrow", relationship: "aunt", hasParentalResponsibility: false }
    ])
    yield* placements.recordViabilityAssessment(staff.socialWorker, placement.id)
    yield* placements.authorisePlacement(staff.serviceManager, placement.id)
    yield* placements.recordKinshipReferral(staff.socialWorker, placement.id, true)
    return yield* placements.recordLookedAfterConsent(staff.assistantDirector, placement.id)
  })
