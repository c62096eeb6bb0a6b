import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { preset } from "../../src/policy/authorities/index.js"
import { EventStore } from "../../src/ports/EventStore.js"
import { ReadModels } from "../../src/ports/ReadModels.js"
import { placementCollection } from "../../src/regulation24/placementAggregate.js"
import { Placements } from "../../src/regulation24/Placements.js"
import { AuthorityId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { london } from "../fixtures.js"
import { carers, childId, staff, yesToRefuse, placementsCore, setTime } from "./fixtures.js"

/** Placements over in-memory ports, for Lincolnshire and (to prove tenancy) Knowsley. */
const core = placementsCore(preset("lincolnshire"), preset("knowsley"))
const knowsley = staffOf("knowsley")

describe("Placements: a Regulation 24 placement through the use cases", () => {
  it.effect("LIN-14..LIN-18, STAT-R25-1, STAT-R25-4: identified, placed, authorised, referred, consented, extended, ended", () =>
    Effect.gen(function* () {
      const placements = yield* Placements
      yield* setTime(london("2027-03-26", "09:00"))
      const identified = yield* placements.recordBasicTest(staff.socialWorker, childId, yesToRefuse)
      expect(identified).toMatchObject({ id: "plc_1", status: "identified", authorityId: "lincolnshire" })
      const id = identified.id

      expect((yield* placements.recordPolicePowers(staff.socialWorker, id, true)).urgent).toBe(true)
      yield* setTime(london("2027-03-26", "10:00"))
      const placed = yield* placements.recordPlacementMade(staff.socialWorker, id, london("2027-03-26", "10:00"), carers)
      expect(placed.approval?.expiresAt).toEqual(london("2027-07-16", "10:00"))

      // LIN-17: only the service manager authorises, and only on the viability assessment.
      expect(yield* Effect.flip(placements.authorisePlacement(staff.socialWorker, id))).toMatchObject({ _tag: "NotPermitted" })
      expect(yield* Effect.flip(placements.authorisePlacement(staff.serviceManager, id))).toMatchObject({ _tag: "ViabilityAssessmentNeeded", ruleId: "LIN-17" })
      yield* TestClock.adjust("26 hours")
      expect((yield* placements.recordViabilityAssessment(staff.socialWorker, id)).viabilityAssessment?.late).toBe(true)
      yield* placements.authorisePlacement(staff.serviceManager, id)

      // LIN-18: not without the signed BACS form.
      expect(yield* Effect.flip(placements.recordKinshipReferral(staff.socialWorker, id, false))).toMatchObject({ _tag: "KinshipReferralIncomplete" })
      expect((yield* placements.recordKinshipReferral(staff.socialWorker, id, true)).kinshipReferral?.late).toBe(false)

      // LIN-14: the Assistant Director consents; carers with parental responsibility sign s20.
      expect(yield* Effect.flip(placements.recordLookedAfterConsent(staff.teamManager, id))).toMatchObject({ _tag: "NotPermitted" })
      yield* placements.recordLookedAfterConsent(staff.assistantDirector, id)
      yield* placements.recordS20Consent(staff.socialWorker, id, ["Della Penrose"])

      // STAT-R25-1, STAT-R25-3: a nominated officer extends once.
      yield* setTime(london("2027-07-01", "09:00"))
      expect(yield* Effect.flip(placements.extendApproval(staff.auditor, id, 8))).toMatchObject({ _tag: "NotPermitted" })
      expect(yield* Effect.flip(placements.extendApproval(staff.headOfService, id, 8))).toMatchObject({ _tag: "ExtensionConditionsNotMet", ruleId: "STAT-R25-3" })
      yield* placements.recordPlacementReconsidered(staff.teamManager, id, true, "Settled with her aunt; the full assessment needs six more weeks")
      yield* placements.recordFosteringPanelViewsSought(staff.socialWorker, id)
      yield* placements.recordIroInformed(staff.socialWorker, id, "Nadia Quarrie")
      expect(yield* Effect.flip(placements.extendApproval(staff.serviceManager, id, 8))).toMatchObject({ _tag: "NotNominatedOfficer" })
      const extended = yield* placements.extendApproval(staff.headOfService, id, 8)
      expect(extended.approval).toMatchObject({ expiresAt: london("2027-09-10", "10:00"), extension: { weeks: 8, by: { role: "head_of_service" } } })
      const row = yield* (yield* ReadModels).get(placementCollection, AuthorityId.make("lincolnshire"), id)
      expect(row?.index).toMatchObject({ status: "placed", childId: "child-1", urgent: true, placedOn: "2027-03-26", expiresOn: "2027-09-10", extended: true })
      expect(yield* placements.list(staff.auditor, { status: "placed" })).toHaveLength(1)
      expect(yield* placements.list(staff.auditor, { childId })).toMatchObject([{ id }])

      // STAT-R25-4: at expiry nothing extends it; the child is moved and the placement ends.
      yield* setTime(london("2027-09-10", "10:00"))
      expect(yield* Effect.flip(placements.extendPendingReview(staff.assistantDirector, id, { fullAssessmentRefused: true, independentReviewSought: true }))).toMatchObject({
        _tag: "ApprovalExpired",
        ruleId: "STAT-R25-4"
      })
      const ended = yield* placements.end(staff.socialWorker, id, "approval_expired_child_moved")
      expect(ended).toMatchObject({ status: "ended", ended: { reason: "approval_expired_child_moved" } })
      expect(yield* placements.get(staff.auditor, id)).toEqual(ended)

      const stored = yield* (yield* EventStore).readStream({ authorityId: AuthorityId.make("lincolnshire"), streamType: "placement", id })
      expect(stored.map((event) => event.type)).toEqual([
        "BasicTestRecorded", "PolicePowersRecorded", "PlacementMade", "ViabilityAssessmentRecorded", "PlacementAuthorised",
        "KinshipReferralSent", "LookedAfterConsentGiven", "S20ConsentSigned", "PlacementReconsidered", "FosteringPanelViewsSought", "IroInformed",
        "ApprovalExtended", "PlacementEnded"
      ])
    }).pipe(Effect.provide(core))
  )

  it.effect("another authority's staff get NotFound, for reading and for every command", () =>
    Effect.gen(function* () {
      const placements = yield* Placements
      yield* setTime(london("2027-03-26", "09:00"))
      const { id } = yield* placements.recordBasicTest(staff.socialWorker, childId, yesToRefuse)
      const notFound = { _tag: "NotFound", what: "placement", id, message: `No placement with id ${id} was found.` }
      expect(yield* Effect.flip(placements.get(knowsley.auditor, id))).toMatchObject(notFound)
      expect(yield* Effect.flip(placements.recordViabilityAssessment(knowsley.socialWorker, id))).toMatchObject(notFound)
      expect(yield* Effect.flip(placements.extendApproval(knowsley.headOfService, id, 8))).toMatchObject(notFound)
      expect(yield* placements.list(knowsley.auditor)).toEqual([])
      expect(yield* placements.get(staff.auditor, id)).toMatchObject({ id, status: "identified" })
    }).pipe(Effect.provide(core))
  )

  it.effect("LIN-14: an all-no basic test is kept, and closes the record", () =>
    Effect.gen(function* () {
      const placements = yield* Placements
      const none = { wouldRefuseToSupportReturnHome: false, wouldAskPoliceToUsePoliceProtection: false, wouldSeekLegalAdviceToStartCareProceedings: false }
      const record = yield* placements.recordBasicTest(staff.practiceSupervisor, childId, none)
      expect(record.status).toBe("not_regulation24")
      expect(yield* Effect.flip(placements.recordLookedAfterConsent(staff.assistantDirector, record.id))).toMatchObject({ _tag: "PlacementNotInStatus" })
      expect(yield* Effect.flip(placements.recordBasicTest(staff.auditor, childId, none))).toMatchObject({ _tag: "NotPermitted" })
    }).pipe(Effect.provide(core))
  )
})
