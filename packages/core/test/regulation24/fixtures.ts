import type { DateTime } from "effect"
import type { ConnectedCarer, ExtensionConditions } from "../../src/regulation24/Placement.js"
import type { PlacementCommand } from "../../src/regulation24/PlacementCommands.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import type { PlacementEvent } from "../../src/regulation24/PlacementEvents.js"
import { ChildId, PlacementId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { as, contextOf, london } from "../fixtures.js"

export const staff = staffOf("lincolnshire")
export const lincolnshire = deciderSpec(placementDecider, contextOf("lincolnshire"))
export const placementId = PlacementId.make("plc_1")
export const childId = ChildId.make("child-1")

/** Friday 26 March 2027, two days before the clocks go forward. */
export const placedAt = london("2027-03-26", "10:00")

/** Fictional connected-person carers: an aunt with parental responsibility and her husband without. */
export const carers: readonly [ConnectedCarer, ...ConnectedCarer[]] = [
  { name: "Della Penrose", relationship: "maternal aunt", hasParentalResponsibility: true },
  { name: "Owain Penrose", relationship: "aunt's husband", hasParentalResponsibility: false }
]

export const yesToRefuse = {
  wouldRefuseToSupportReturnHome: true,
  wouldAskPoliceToUsePoliceProtection: false,
  wouldSeekLegalAdviceToStartCareProceedings: false
}
export const allNo = {
  wouldRefuseToSupportReturnHome: false,
  wouldAskPoliceToUsePoliceProtection: false,
  wouldSeekLegalAdviceToStartCareProceedings: false
}
export const allConditions: ExtensionConditions = {
  stillMostAppropriateConsidered: true,
  fosteringPanelViewsSought: true,
  iroInformed: true,
  nominatedOfficerApproved: true
}

export const cmd = (actor: keyof typeof staff, body: Record<string, unknown>, when: DateTime.Utc = placedAt) =>
  ({ ...body, by: as(staff[actor]), at: when }) as PlacementCommand

export const basicTest = (answers = yesToRefuse, when: DateTime.Utc = placedAt) =>
  cmd("socialWorker", { _tag: "RecordBasicTest", placementId, childId, answers }, when)

export const identified = (): PlacementEvent[] => lincolnshire.play([basicTest()])

export const placed = (): PlacementEvent[] =>
  lincolnshire.play([cmd("socialWorker", { _tag: "RecordPlacementMade", placedAt, carers })], identified())

/** Placed, with the viability assessment and the service manager's authorisation the next morning. */
export const authorised = (): PlacementEvent[] =>
  lincolnshire.play(
    [
      cmd("socialWorker", { _tag: "RecordViabilityAssessment" }, london("2027-03-26", "18:00")),
      cmd("serviceManager", { _tag: "AuthorisePlacement" }, london("2027-03-27", "09:00"))
    ],
    placed()
  )

export const playOn = (history: ReadonlyArray<PlacementEvent>, command: PlacementCommand): PlacementEvent[] => lincolnshire.play([command], history)
