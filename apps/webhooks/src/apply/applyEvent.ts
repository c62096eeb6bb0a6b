import { type AuthorityId, ChildId, ChildRecords, type DocumentRef, PlacementId, Placements, ReferralId, Referrals, type Role } from "@carepanel/core"
import { Effect } from "effect"
import type { Touched } from "../inbox/answer.js"
import { findReference, insertReference, type ReferenceKey } from "../inbox/references.js"
import type { AppliedEvent } from "../events/inboundEvent.js"
import { actorOf } from "./actorOf.js"

export interface DeliveryContext {
  readonly authorityId: AuthorityId
  readonly sourceId: string
  readonly sourceRoles: ReadonlyArray<Role>
  readonly deliveryId: string
}

/** What applying an event did: the records it touched and the reference it created, or the record it waits for. */
export type Step =
  | { readonly _tag: "Applied"; readonly touched: ReadonlyArray<Touched>; readonly created?: ReferenceKey }
  | { readonly _tag: "Park"; readonly waitingFor: ReferenceKey }

const appliedTo = (touched: Touched, created?: ReferenceKey): Step => ({ _tag: "Applied", touched: [touched], ...(created ? { created } : {}) })

/**
 * One event as core commands, through the core's use cases (so every rule and role check applies). Runs
 * inside the delivery's transaction (`applyDelivery`): a refusal fails the effect and rolls back all of it.
 */
export const applyEvent = (event: AppliedEvent, context: DeliveryContext) =>
  Effect.gen(function* () {
    const actor = yield* actorOf(context.authorityId, event.data.actor, context.sourceRoles, { sourceId: context.sourceId, deliveryId: context.deliveryId })
    const key = (recordType: ReferenceKey["recordType"], reference: string): ReferenceKey => ({
      authorityId: context.authorityId,
      sourceId: context.sourceId,
      recordType,
      reference
    })
    const referrals = yield* Referrals
    const placements = yield* Placements
    const childRecords = yield* ChildRecords
    /** A command on a record the case system created earlier; parked when that record is not known yet. */
    const onRecord = <E, R>(recordType: ReferenceKey["recordType"], reference: string, command: (id: string) => Effect.Effect<unknown, E, R>) =>
      Effect.flatMap(findReference(key(recordType, reference)), (recordId): Effect.Effect<Step, E, R> =>
        recordId === undefined
          ? Effect.succeed({ _tag: "Park", waitingFor: key(recordType, reference) })
          : Effect.as(command(recordId), appliedTo({ type: recordType, id: recordId }))
      )
    const onRequest = <E, R>(formId: string, command: (id: ReferralId) => Effect.Effect<unknown, E, R>) =>
      onRecord("request", formId, (id) => command(ReferralId.make(id)))
    const onPlacement = <E, R>(placementRef: string, command: (id: PlacementId) => Effect.Effect<unknown, E, R>) =>
      onRecord("placement", placementRef, (id) => command(PlacementId.make(id)))
    switch (event.type) {
      case "request.submitted": {
        const formKey = key("request", event.data.formId)
        const known = yield* findReference(formKey)
        const draft =
          known === undefined
            ? yield* Effect.tap(referrals.createDraft(actor, event.data.form), (created) => insertReference(formKey, created.id, context.deliveryId))
            : yield* referrals.editDraft(actor, ReferralId.make(known), event.data.form)
        const recorded = new Set(draft.documents.map((document) => document.documentId as string))
        for (const document of event.data.documents.filter((paper) => !recorded.has(paper.documentId))) {
          yield* referrals.recordDocument(actor, draft.id, document)
        }
        yield* referrals.submit(actor, draft.id)
        return appliedTo({ type: "request", id: draft.id }, known === undefined ? formKey : undefined)
      }
      case "request.approved":
        return yield* onRequest(event.data.formId, (id) => referrals.approve(actor, id))
      case "request.returned":
        return yield* onRequest(event.data.formId, (id) => referrals.returnForChanges(actor, id, event.data.reason))
      case "request.withdrawn":
        return yield* onRequest(event.data.formId, (id) => referrals.withdraw(actor, id, event.data.reason))
      case "document.attached":
        return yield* onRequest(event.data.formId, (id) => referrals.recordDocument(actor, id, event.data.document as DocumentRef))
      case "placement.connected_person_started": {
        const placementKey = key("placement", event.data.placementRef)
        const known = yield* findReference(placementKey)
        if (known !== undefined) return yield* Effect.fail(new PlacementAlreadyRecorded(event.data.placementRef))
        const placement = yield* placements.recordBasicTest(actor, event.data.childId, event.data.basicTest)
        yield* insertReference(placementKey, placement.id, context.deliveryId)
        yield* placements.recordPlacementMade(actor, placement.id, event.data.placedAt, event.data.carers)
        return appliedTo({ type: "placement", id: placement.id }, placementKey)
      }
      case "police_protection.started":
        return yield* onPlacement(event.data.placementRef, (id) => placements.recordPolicePowers(actor, id, true, event.data.startedAt))
      case "police_protection.ended":
        return yield* onPlacement(event.data.placementRef, (id) => placements.recordPoliceProtectionOutcome(actor, id, event.data.outcome, event.data.endedAt))
      case "accommodation.s20_started": {
        const { consents, childWishes } = event.data
        return yield* onPlacement(event.data.placementRef, (id) =>
          placements.recordS20Accommodation(actor, id, { consents, ...(childWishes === undefined ? {} : { childWishes }) })
        )
      }
      case "accommodation.s20_consent_withdrawn":
        return yield* onPlacement(event.data.placementRef, (id) => placements.recordS20ConsentWithdrawn(actor, id, event.data.withdrawnBy, event.data.withdrawnAt))
      case "placement.ended":
        return yield* onPlacement(event.data.placementRef, (id) => placements.end(actor, id, event.data.reason, event.data.endedAt))
      case "legal_status.changed": {
        // The child's record is keyed by the child's id, which the case system and the core share: nothing to wait for.
        const childId = ChildId.make(event.data.childId)
        yield* childRecords.recordLegalStatus(actor, childId, event.data.code, event.data.from)
        return appliedTo({ type: "child", id: childId })
      }
      case "visit.recorded": {
        const { placementRef, visitedAt, visitor, seenAlone, notSeenAloneReason } = event.data
        return yield* onPlacement(placementRef, (id) =>
          placements.recordVisit(actor, id, {
            visitedAt,
            seenAlone,
            ...(visitor === undefined ? {} : { visitor }),
            ...(notSeenAloneReason === undefined ? {} : { notSeenAloneReason })
          })
        )
      }
    }
  })

/** A second start for a placement the case system already sent (under another delivery id). */
export class PlacementAlreadyRecorded {
  readonly _tag = "PlacementAlreadyRecorded"
  readonly message: string
  constructor(placementRef: string) {
    this.message = `The placement ${placementRef} was already recorded; send its later changes as their own events.`
  }
}
