import { type DateTime, Effect, Layer, TestClock } from "effect"
import { EnglandAndWalesCalendar } from "../../src/calendar/englandAndWales.js"
import type { AuthorityPolicy } from "../../src/policy/AuthorityPolicy.js"
import { Placements } from "../../src/regulation24/Placements.js"
import { InMemoryStoreLayer } from "../../src/testing/InMemoryStore.js"
import { SequentialIds } from "../../src/testing/SequentialIds.js"
import { staticPolicies } from "../../src/testing/StaticPolicies.js"
import type { ConnectedCarer } from "../../src/regulation24/Placement.js"
import type { PlacementCommand } from "../../src/regulation24/PlacementCommands.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import type { PlacementEvent } from "../../src/regulation24/PlacementEvents.js"
import type { ParentalConsent } from "../../src/s20/S20Consent.js"
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

/** STAT-R25-3's three steps, recorded by the social worker at `when` (a fictional IRO). */
export const extensionSteps = (when: DateTime.Utc = london("2027-06-28", "09:00")): PlacementCommand[] => [
  cmd("socialWorker", { _tag: "RecordPlacementReconsidered", stillMostAppropriate: true, reasons: "Settled with her aunt; the full assessment needs six more weeks" }, when),
  cmd("socialWorker", { _tag: "RecordFosteringPanelViewsSought" }, when),
  cmd("socialWorker", { _tag: "RecordIroInformed", iroName: "Nadia Quarrie" }, when)
]

/** Placed, with every step STAT-R25-3 asks before an extension recorded. */
export const readyToExtend = (history: ReadonlyArray<PlacementEvent> = placed(), when?: DateTime.Utc): PlacementEvent[] =>
  lincolnshire.play(extensionSteps(when), history)

/** A mother's s20 consent, given in full the morning of the placement (STAT-S20-CONSENT). */
export const mother: ParentalConsent = {
  name: "Dana Harrow",
  relationship: "mother",
  consentGivenAt: london("2027-03-26", "09:00"),
  consentGivenTo: "Priya Ashdown, social worker",
  toldOfRightToObjectAndRemove: true
}

/** The placements use cases on an in-memory store, for `policies`. */
export const placementsCore = (...policies: ReadonlyArray<AuthorityPolicy>) =>
  Placements.Default.pipe(Layer.provideMerge(Layer.mergeAll(InMemoryStoreLayer, SequentialIds, staticPolicies(...policies), EnglandAndWalesCalendar)))

/** The test clock set to `instant`. */
export const setTime = (instant: DateTime.Utc) => TestClock.setTime(instant.epochMillis)

/** The child's wishes as the s20 records of these tests hold them (STAT-S20-CONSENT). */
export const childWishes = { _tag: "Ascertained" as const, wishesAndFeelings: "Wants to stay with her aunt" }

/**
 * Through the use cases: identified and placed with her aunt at 10:00 on Friday 26 March 2027, and accommodated under
 * s20 on her mother's consent (V2 from the placement); the placement's id.
 */
export const placedUnderS20 = Effect.gen(function* () {
  const placements = yield* Placements
  yield* setTime(placedAt)
  const { id } = yield* placements.recordBasicTest(staff.socialWorker, childId, yesToRefuse)
  yield* placements.recordPlacementMade(staff.socialWorker, id, placedAt, carers)
  yield* placements.recordS20Accommodation(staff.socialWorker, id, { consents: [mother], childWishes })
  return id
})
