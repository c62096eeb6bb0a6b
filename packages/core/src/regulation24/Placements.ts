import { decodeDocument } from "../shared/decodedDocuments.js"
import { childRecordAggregate } from "../childRecord/childRecordAggregate.js"
import { childRecordPermissions } from "../childRecord/ChildRecords.js"
import { type CommandBody, commandPrepare } from "../shared/commandHandler.js"
import { appendTogether, retryOnConflict } from "../shared/commandRunner.js"
import { type DateTime, Effect } from "effect"
import type { WorkingCalendar } from "../calendar/WorkingCalendar.js"
import type { EventStore, } from "../ports/EventStore.js"
import { IdGenerator } from "../ports/IdGenerator.js"
import type { Policies } from "../ports/Policies.js"
import { ReadModels } from "../ports/ReadModels.js"
import type { Actor } from "../shared/actor.js"
import { authorise, type Permission, permission } from "../shared/authorise.js"
import type { S20ConsentRecord } from "../s20/S20Consent.js"
import { NotFound } from "../shared/errors.js"
import { type ChildId, PlacementId } from "../shared/ids.js"
import { everyRole, type Role } from "../shared/roles.js"
import {
  type BasicTestAnswers,
  type ConnectedCarer,
  type EndReason,
  type PoliceProtectionOutcome,
  Placement,
  type PlacementStatus
} from "./Placement.js"
import type { PlacementCommand, ReviewFacts } from "./PlacementCommands.js"
import { lookedAfterFromPlacement } from "./lookedAfterFromPlacement.js"
import { placementAggregate, placementCollection, } from "./placementAggregate.js"
import type { RecordVisit } from "../visits/VisitCommands.js"

const recorders: ReadonlyArray<Role> = ["social_worker", "practice_supervisor", "team_manager"]
/** STAT-R25-3's nominated officer is named in the authority's policy; the decider checks it, so any member of staff may try. */
const staff: ReadonlyArray<Role> = everyRole.filter((role) => role !== "integrator" && role !== "auditor")

/** Who may do what to a placement. The decider checks the order of things and the law's limits. */
export const placementPermissions = {
  RecordBasicTest: permission("record the Regulation 24 basic test", ...recorders),
  RecordPolicePowers: permission("record police powers", ...recorders),
  RecordPoliceProtectionOutcome: permission("record how police protection ended (STAT-S46)", ...recorders),
  RecordPlacementMade: permission("record a connected-person placement", ...recorders),
  RecordViabilityAssessment: permission("record the viability assessment", ...recorders),
  AuthorisePlacement: permission("authorise a Regulation 24 placement", "service_manager"),
  RecordKinshipReferral: permission("record the referral to the kinship team", ...recorders),
  RecordLookedAfterConsent: permission("consent to looked-after status", "assistant_director"),
  RecordS20Consent: permission("record s20 consent", ...recorders),
  RecordS20Accommodation: permission("record s20 accommodation with its consents (STAT-S20-CONSENT)", ...recorders),
  RecordS20ConsentWithdrawn: permission("record s20 consent withdrawn (STAT-S20-CONSENT)", ...recorders, "service_manager", "head_of_service"),
  RecordPlacementReconsidered: permission("record the placement's reconsideration (STAT-R25-3)", ...recorders, "service_manager", "head_of_service", "assistant_director"),
  RecordFosteringPanelViewsSought: permission("record that the fostering panel's views were sought (STAT-R25-3)", ...recorders, "service_manager", "head_of_service"),
  RecordIroInformed: permission("record that the IRO was informed (STAT-R25-3)", ...recorders, "service_manager", "head_of_service"),
  ExtendApproval: permission("extend a temporary approval as nominated officer (STAT-R25-3)", ...staff),
  ExtendPendingReview: permission("extend a temporary approval until an independent review's outcome (STAT-R25-2)", ...staff),
  RecordIndependentReviewOutcome: permission("record an independent review's outcome (STAT-R25-2)", ...recorders, "service_manager"),
  EndPlacement: permission("end a connected-person placement", ...recorders, "service_manager"),
  RecordVisit: permission("record a statutory visit to the child (STAT-R28)", ...recorders),
  RecordPlacementPlan: permission("record the placement plan (STAT-R9)", ...recorders),
  RecordFirstReview: permission("record the child's first looked-after review (STAT-R28)", ...recorders, "service_manager")
} satisfies Record<PlacementCommand["_tag"], Permission>

export const placementReaders = permission(
  "read connected-person placements",
  "social_worker", "practice_supervisor", "team_manager", "head_of_service", "service_manager", "assistant_director",
  "panel_chair", "vice_chair", "panel_administrator", "panel_member", "integrator", "auditor"
)

export interface PlacementFilter {
  readonly status?: PlacementStatus
  readonly childId?: ChildId
  /** LIN-15: to act on now (police protection recorded, or s20 consent withdrawn); no longer once the placement ends. */
  readonly urgent?: boolean
  /** STAT-S46: under police protection until its outcome is recorded. */
  readonly underPoliceProtection?: boolean
  /** The temporary approval was extended under STAT-R25-1. */
  readonly extended?: boolean
  /** The temporary approval runs on until an independent review's outcome (STAT-R25-2). */
  readonly pendingReview?: boolean
}

/** The filter's given fields, each one the read model indexes under the same name. */
const placementFilterFields = ["status", "childId", "urgent", "underPoliceProtection", "extended", "pendingReview"] as const

/** Regulation 24 placement use cases: authorise, load, decide, append, in that order, every time. */
export class Placements extends Effect.Service<Placements>()("@carepanel/core/Placements", {
  effect: Effect.gen(function* () {
    const ids = yield* IdGenerator
    const readModels = yield* ReadModels
    const context = yield* Effect.context<EventStore | Policies | WorkingCalendar>()

    const preparePlacement = commandPrepare(placementAggregate, placementPermissions, "placement")
    // The child's record hears when the child becomes looked after (or their legal status changes) in the same transaction.
    const prepareChildRecord = commandPrepare(childRecordAggregate, childRecordPermissions, "child record")
    const run = (actor: Actor, placementId: PlacementId, body: CommandBody<PlacementCommand>) =>
      Effect.gen(function* () {
        const placement = yield* preparePlacement(actor, placementId, body)
        if (placement.after === undefined) return yield* Effect.fail(NotFound.of("placement", placementId))
        const lookedAfter = lookedAfterFromPlacement(placement.before, placement.after)
        const child = lookedAfter === undefined ? undefined : yield* prepareChildRecord(actor, placement.after.childId, lookedAfter)
        yield* appendTogether([placement.commit, child?.commit])
        return placement.after
      }).pipe(retryOnConflict, Effect.provide(context))

    const decode = (doc: unknown) => decodeDocument(Placement, doc)

    return {
      /** Starts a placement record with the basic test (LIN-14); all no answers close it at once. */
      recordBasicTest: (actor: Actor, childId: ChildId, answers: BasicTestAnswers) =>
        ids.next("plc").pipe(
          Effect.map(PlacementId.make),
          Effect.flatMap((placementId) => run(actor, placementId, { _tag: "RecordBasicTest", placementId, childId, answers }))
        ),
      recordPolicePowers: (actor: Actor, id: PlacementId, underPoliceProtection: boolean, since?: DateTime.Utc) =>
        run(actor, id, { _tag: "RecordPolicePowers", underPoliceProtection, ...(since === undefined ? {} : { since }) }),
      /** STAT-S46: returned home, accommodated under s20 with consent, or an order obtained; `endedAt` defaults to now. */
      recordPoliceProtectionOutcome: (actor: Actor, id: PlacementId, outcome: PoliceProtectionOutcome, endedAt?: DateTime.Utc) =>
        run(actor, id, { _tag: "RecordPoliceProtectionOutcome", outcome, ...(endedAt === undefined ? {} : { endedAt }) }),
      recordPlacementMade: (actor: Actor, id: PlacementId, placedAt: DateTime.Utc, carers: readonly [ConnectedCarer, ...ConnectedCarer[]]) =>
        run(actor, id, { _tag: "RecordPlacementMade", placedAt, carers }),
      recordViabilityAssessment: (actor: Actor, id: PlacementId) => run(actor, id, { _tag: "RecordViabilityAssessment" }),
      authorisePlacement: (actor: Actor, id: PlacementId) => run(actor, id, { _tag: "AuthorisePlacement" }),
      recordKinshipReferral: (actor: Actor, id: PlacementId, bacsFormSigned: boolean) =>
        run(actor, id, { _tag: "RecordKinshipReferral", bacsFormSigned }),
      recordLookedAfterConsent: (actor: Actor, id: PlacementId) => run(actor, id, { _tag: "RecordLookedAfterConsent" }),
      recordS20Consent: (actor: Actor, id: PlacementId, signedBy: ReadonlyArray<string>) =>
        run(actor, id, { _tag: "RecordS20Consent", signedBy }),
      /** STAT-S20-CONSENT: refused, naming what is missing, unless every consent and the child's wishes are in full. */
      recordS20Accommodation: (actor: Actor, id: PlacementId, record: S20ConsentRecord) => run(actor, id, { _tag: "RecordS20Accommodation", record }),
      /** s20(8): consent withdrawn at `withdrawnAt` (now by default) ends the s20 basis and raises an urgent alert; refused in the future or before the s20 accommodation began. */
      recordS20ConsentWithdrawn: (actor: Actor, id: PlacementId, withdrawnBy: string, withdrawnAt?: DateTime.Utc) =>
        run(actor, id, { _tag: "RecordS20ConsentWithdrawn", withdrawnBy, ...(withdrawnAt === undefined ? {} : { withdrawnAt }) }),
      /** STAT-R25-3's steps, each recorded before an extension. */
      recordPlacementReconsidered: (actor: Actor, id: PlacementId, stillMostAppropriate: boolean, reasons: string) =>
        run(actor, id, { _tag: "RecordPlacementReconsidered", stillMostAppropriate, reasons }),
      recordFosteringPanelViewsSought: (actor: Actor, id: PlacementId) => run(actor, id, { _tag: "RecordFosteringPanelViewsSought" }),
      recordIroInformed: (actor: Actor, id: PlacementId, iroName: string) => run(actor, id, { _tag: "RecordIroInformed", iroName }),
      /** By the nominated officer the authority's policy names (STAT-R25-3), once the steps are recorded. */
      extendApproval: (actor: Actor, id: PlacementId, weeks: number) => run(actor, id, { _tag: "ExtendApproval", weeks }),
      extendPendingReview: (actor: Actor, id: PlacementId, facts: ReviewFacts) => run(actor, id, { _tag: "ExtendPendingReview", facts }),
      /**
       * STAT-R25-2: the independent review's outcome, known at `knownAt` (now by default). Carers approved end the
       * Regulation 24 placement as approved foster carers; otherwise the approval ends when the outcome became known.
       */
      recordIndependentReviewOutcome: (actor: Actor, id: PlacementId, carersApproved: boolean, knownAt?: DateTime.Utc) =>
        run(actor, id, { _tag: "RecordIndependentReviewOutcome", carersApproved, ...(knownAt === undefined ? {} : { knownAt }) }),
      /** The child left at `endedAt` (now by default); refused in the future, before the placement, or before a step recorded on it. */
      end: (actor: Actor, id: PlacementId, reason: EndReason, endedAt?: DateTime.Utc) =>
        run(actor, id, { _tag: "EndPlacement", reason, ...(endedAt === undefined ? {} : { endedAt }) }),
      /** STAT-R28: a visit to the child in the placement; refused before the placement, after its end, or still to come. */
      recordVisit: (actor: Actor, id: PlacementId, visit: Omit<RecordVisit, "_tag">) => run(actor, id, { _tag: "RecordVisit", ...visit }),
      /** STAT-R9: the placement plan, prepared at `preparedAt` (now by default). */
      recordPlacementPlan: (actor: Actor, id: PlacementId, preparedAt?: DateTime.Utc) =>
        run(actor, id, { _tag: "RecordPlacementPlan", ...(preparedAt === undefined ? {} : { preparedAt }) }),
      /** The child's first looked-after review, held at `heldAt`: visits become 4-weekly (STAT-R28). */
      recordFirstReview: (actor: Actor, id: PlacementId, heldAt: DateTime.Utc) => run(actor, id, { _tag: "RecordFirstReview", heldAt }),
      /** A placement of the actor's own authority; another authority's answers exactly as a missing one. */
      get: (actor: Actor, id: PlacementId) =>
        Effect.gen(function* () {
          yield* authorise(actor, placementReaders)
          const row = yield* readModels.get(placementCollection, actor.authorityId, id)
          if (row === undefined) return yield* Effect.fail(NotFound.of("placement", id))
          return yield* decode(row.doc)
        }),
      /** The actor's authority's placements, by status, child, urgency, police protection, extension or pending review; given filters all apply. */
      list: (actor: Actor, filter: PlacementFilter = {}) =>
        Effect.gen(function* () {
          yield* authorise(actor, placementReaders)
          const where: Record<string, string | boolean> = {}
          for (const field of placementFilterFields) {
            const value = filter[field]
            if (value !== undefined) where[field] = value
          }
          const rows = yield* readModels.query({ collection: placementCollection, authorityId: actor.authorityId, where })
          return yield* Effect.forEach(rows, (row) => decode(row.doc))
        })
    }
  })
}) {}
