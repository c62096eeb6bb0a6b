import { DateTime, Effect, Option, Schema } from "effect"
import type { WorkingCalendar } from "../calendar/WorkingCalendar.js"
import { Decision } from "../decision/Decision.js"
import { DecisionNotFinal, NotApplicable } from "../decision/DecisionErrors.js"
import { decisionReaders } from "../decision/decisionPermissions.js"
import { AccessLog } from "../ports/AccessLog.js"
import type { Policies } from "../ports/Policies.js"
import { EventStore, type StreamRef } from "../ports/EventStore.js"
import { RecordSeals } from "../ports/RecordSeals.js"
import { Actor } from "../shared/actor.js"
import { authorise, type Permission, permission } from "../shared/authorise.js"
import { NotFound } from "../shared/errors.js"
import type { AuthorityId, ChildId, DecisionId, ReferralId, SittingId } from "../shared/ids.js"
import { decisionCollection, decisionStreamType } from "../decision/decisionAggregate.js"
import { sittingAggregate, sittingStreamType } from "../sitting/sittingAggregate.js"
import { FiledSheetChanged } from "./DocumentErrors.js"
import { authorityRecordsBefore } from "./recordsAsOf.js"
import { ReadModels } from "../ports/ReadModels.js"
import { disagreementStreamType } from "../disagreement/disagreementAggregate.js"
import { referralStreamType } from "../referral/referralAggregate.js"
import { placementStreamType } from "../regulation24/placementAggregate.js"
import { ChildRecord } from "../childRecord/ChildRecord.js"
import { childRecordCollection, childRecordStreamType } from "../childRecord/childRecordAggregate.js"
import { withOwnRulesCited } from "./ownRulesCited.js"
import { courtBundle } from "./courtBundle.js"
import { type AuthorityRecords, authorityRecords } from "./authorityRecords.js"
import { decisionSheet } from "./decisionSheet.js"
import type { DocumentModel } from "./DocumentModel.js"
import { type DocumentReader, readBy } from "./DocumentReader.js"
import { accessRecords } from "../access/ChildRead.js"
import { sittingPermissions, Sittings } from "../sitting/Sittings.js"
import { sittingMinutes } from "./sittingMinutes.js"

/**
 * A sitting's minutes hold every child heard at it: the panel and those who run and oversee it, not a child's
 * caseworkers (they read their child's decision sheet). An integrator's copy names no child without the grant.
 */
export const minutesReaders = permission(
  "read a sitting's minutes",
  "panel_administrator", "panel_chair", "vice_chair", "panel_member", "assistant_director", "head_of_service", "service_manager", "auditor", "integrator"
)

/** A court bundle goes to the authority's lawyers: senior managers, chairs, the panel administrator, auditors. */
export const courtBundleReaders = permission(
  "prepare a court bundle",
  "assistant_director", "head_of_service", "service_manager", "panel_chair", "vice_chair", "panel_administrator", "auditor"
)

/** What `file` made of a document: the file's SHA-256 (hex), and whatever else the caller keeps (the PDF's bytes). */
export interface FiledFile {
  readonly sha256: string
}

/** One read model's document, decoded, or undefined. */
const readModelDoc = <A, I>(authorityId: AuthorityId, collection: string, id: string, schema: Schema.Schema<A, I>) =>
  Effect.flatMap(ReadModels, (readModels) => readModels.get(collection, authorityId, id)).pipe(
    Effect.flatMap((row) => (row === undefined ? Effect.succeed(undefined) : Schema.decodeUnknown(schema)(row.doc).pipe(Effect.orDie)))
  )

/** The sheets filed for one child from one decision, each with the upload's event position and who recorded it. */
const filedUploads = (authorityId: AuthorityId, decisionId: DecisionId, childId: ChildId) =>
  Effect.gen(function* () {
    const decision = yield* readModelDoc(authorityId, decisionCollection, decisionId, Decision)
    if (decision?.sittingId === undefined) return []
    const stored = yield* (yield* EventStore).readStream({ authorityId, streamType: sittingStreamType, id: decision.sittingId })
    return yield* Effect.forEach(stored, (event) => Effect.map(sittingAggregate.events.decode(event.data), (decoded) => ({ event, decoded })).pipe(Effect.orDie)).pipe(
      Effect.map((all) =>
        all.flatMap(({ event, decoded }) =>
          decoded._tag === "ChildRecordUploaded" && decoded.childId === childId && decoded.sheet?.decisionId === decisionId
            ? [{ sheet: decoded.sheet, by: decoded.by, at: decoded.at, position: event.position }]
            : []
        )
      )
    )
  })

/** Who asks, with their grant to read children's identities (an integrator's identity scope), and why. */
export interface DocumentRequest {
  readonly actor: Actor
  readonly identityGranted: boolean
  /** What the read is for, recorded in the access log, e.g. the API operation's name. */
  readonly purpose: string
}

/** Documents built from the core's records; each read of one is written to the access log before it is returned. */
export class Documents extends Effect.Service<Documents>()("@carepanel/core/Documents", {
  effect: Effect.gen(function* () {
    const context = yield* Effect.context<ReadModels | Policies | WorkingCalendar | AccessLog | EventStore>()
    const sittings = yield* Sittings
    // A store that signs its record seals a court bundle's records; the in-memory store does not.
    const seals = yield* Effect.serviceOption(RecordSeals)

    /** Authorise, read, build, then `before` (e.g. record an upload), log: a document whose read cannot be logged is not returned. */
    const made = <E, E2 = never>(
      request: DocumentRequest,
      rule: Permission,
      build: (records: AuthorityRecords, reader: DocumentReader) => Effect.Effect<DocumentModel, E>,
      before: (document: DocumentModel) => Effect.Effect<void, E2> = () => Effect.void
    ) =>
      Effect.gen(function* () {
        const { role } = yield* authorise(request.actor, rule)
        const records = yield* authorityRecords(request.actor.authorityId)
        const reader: DocumentReader = { actor: request.actor, role, identityGranted: request.identityGranted }
        const document = yield* build(records, reader)
        yield* before(document)
        yield* (yield* AccessLog).record(accessRecords(readBy(reader, request.purpose, records.at), document.reads))
        return document
      }).pipe(Effect.provide(context))

    const panelName = (records: AuthorityRecords, panelId: string | undefined) => records.policy.panels.find((panel) => panel.id === panelId)?.name

    const sheetOf = (records: Omit<AuthorityRecords, "policy"> & { readonly policy: AuthorityRecords["policy"] }, reader: DocumentReader, decisionId: DecisionId, childId: string, check: (decision: Decision) => Effect.Effect<void, DecisionNotFinal | NotApplicable> = () => Effect.void) =>
      Effect.gen(function* () {
        const decision = records.decisions.find((candidate) => candidate.id === decisionId)
        if (decision === undefined) return yield* Effect.fail(NotFound.of("decision", decisionId))
        if (!decision.subject.childIds.some((candidate) => candidate === childId)) return yield* Effect.fail(NotFound.of("child on this decision", childId))
        yield* check(decision)
        const sitting = records.sittings.find((candidate) => candidate.id === decision.sittingId)
        const sheet = decisionSheet({
          authorityName: records.policy.authority.name,
          panelName: panelName(records, sitting?.panelId),
          decision,
          childId,
          referral: records.referrals.find((referral) => referral.id === decision.subject.referralId),
          sitting,
          disagreements: records.disagreements.filter((disagreement) => disagreement.decisionId === decision.id),
          deadlines: records.deadlines,
          policy: records.policy,
          reader,
          at: records.at
        })
        return withOwnRulesCited(sheet, records.policy)
      })

    /** Only a final decision made at a sitting goes to the child's file with that sitting's record (NSO-8, CPR-11). */
    const uploadable = (decision: Decision): Effect.Effect<void, DecisionNotFinal | NotApplicable> =>
      decision.status !== "final"
        ? Effect.fail(new DecisionNotFinal({ message: "The decision is not final: it is uploaded to the child's file once every sign-off is in." }))
        : decision.sittingId === undefined
          ? Effect.fail(new NotApplicable({ message: "This decision was agreed outside panel: its record is uploaded with the sitting that hears it." }))
          : Effect.void

    /** Every event of the child's records (requests, decisions, dissents, placements, statutory record), each stream whole. */
    const eventsOf = (streams: ReadonlyArray<StreamRef>) =>
      Effect.flatMap(EventStore, (store) => Effect.forEach(streams, (stream) => store.readStream(stream))).pipe(Effect.map((all) => all.flat()))

    return {
      /**
       * A court bundle for one child (NSO-8) and its manifest for the offline re-check: the child's requests,
       * decisions, dissent, placements and statutory record, each stream sealed. A child with none of them answers NotFound.
       * Reading it is logged like any document.
       */
      courtBundle: (request: DocumentRequest, childId: ChildId) =>
        Effect.gen(function* () {
          const { role } = yield* authorise(request.actor, courtBundleReaders)
          const authorityId = request.actor.authorityId
          const childRecord = yield* readModelDoc(authorityId, childRecordCollection, childId, ChildRecord)
          // Its clocks are worked out with the others: the record's reviews also pace a placement's visits.
          const records = yield* authorityRecords(authorityId, childRecord === undefined ? [] : [childRecord])
          const referrals = records.referrals.filter((referral) => referral.form.children.some((child) => child.childId === childId))
          const decisions = records.decisions.filter((decision) => decision.subject.childIds.includes(childId))
          const decisionIds = new Set<string>(decisions.map((decision) => decision.id))
          const disagreements = records.disagreements.filter((disagreement) => decisionIds.has(disagreement.decisionId))
          const placements = records.placements.filter((placement) => placement.childId === childId)
          if (referrals.length + placements.length === 0 && childRecord === undefined) return yield* Effect.fail(NotFound.of("child", childId))
          const streams: ReadonlyArray<StreamRef> = [
            ...referrals.map((record) => ({ authorityId, streamType: referralStreamType, id: record.id })),
            ...decisions.map((record) => ({ authorityId, streamType: decisionStreamType, id: record.id })),
            ...disagreements.map((record) => ({ authorityId, streamType: disagreementStreamType, id: record.id })),
            ...placements.map((record) => ({ authorityId, streamType: placementStreamType, id: record.id })),
            ...(childRecord === undefined ? [] : [{ authorityId, streamType: childRecordStreamType, id: childId }])
          ]
          // Sealed first: events read afterwards are all at or after the checkpoint's state of their record.
          const seal = Option.isSome(seals) ? yield* seals.value.seal(authorityId, childId, streams) : undefined
          const events = yield* eventsOf(streams)
          const reader: DocumentReader = { actor: request.actor, role, identityGranted: request.identityGranted }
          const built = courtBundle({ authorityName: records.policy.authority.name, childId, referrals, decisions, disagreements, placements, childRecord, deadlines: records.deadlines, events, seal, policy: records.policy, reader, at: records.at })
          const bundle = { ...built, document: withOwnRulesCited(built.document, records.policy) }
          yield* (yield* AccessLog).record(accessRecords(readBy(reader, request.purpose, records.at), bundle.document.reads))
          return bundle
        }).pipe(Effect.provide(context)),
      /** The minutes of a sitting at the record's current stage (CPR-10, CPR-11). */
      minutes: (request: DocumentRequest, sittingId: SittingId) =>
        made(request, minutesReaders, (records, reader) => {
          const sitting = records.sittings.find((candidate) => candidate.id === sittingId)
          if (sitting === undefined) return Effect.fail(NotFound.of("sitting", sittingId))
          const onAgenda = new Set<string>(sitting.agenda.map((item) => item.referralId))
          return Effect.succeed(
            withOwnRulesCited(sittingMinutes({
              authorityName: records.policy.authority.name,
              panelName: panelName(records, sitting.panelId) ?? sitting.panelId,
              sitting,
              decisions: records.decisions.filter((decision) => decision.sittingId === sitting.id),
              disagreements: records.disagreements.filter((disagreement) => disagreement.sittingId === sitting.id),
              referrals: records.referrals.filter((referral) => onAgenda.has(referral.id)),
              deadlines: records.deadlines,
              policy: records.policy,
              reader,
              at: records.at
            }), records.policy)
          )
        }),
      /** One child's decision sheet (NSO-8): a child the decision is not about answers NotFound. */
      decisionSheet: (request: DocumentRequest, decisionId: DecisionId, childId: string) =>
        made(request, decisionReaders, (records, reader) => sheetOf(records, reader, decisionId, childId)),
      /**
       * The final decision sheet for the child's file, with its upload recorded on the sitting (CPR-11's upload
       * clock met): the panel administrator, once the chair has returned the final record.
       */
      uploadDecisionSheet: <F extends FiledFile>(request: DocumentRequest, decisionId: DecisionId, childId: ChildId, file: (document: DocumentModel) => Effect.Effect<F>) =>
        Effect.gen(function* () {
          let sittingId: SittingId | undefined
          let referralId: ReferralId | undefined
          let amendments = 0
          let filed: F | undefined
          const document = yield* made(
            request,
            sittingPermissions.RecordChildUploaded,
            (records, reader) =>
              sheetOf(records, reader, decisionId, childId, (decision) =>
                uploadable(decision).pipe(
                  Effect.tap(() => {
                    sittingId = decision.sittingId
                    referralId = decision.subject.referralId
                    amendments = decision.amendments.length
                  })
                )
              ),
            (document) =>
              Effect.gen(function* () {
                filed = yield* file(document)
                const sheet = { decisionId, sha256: filed.sha256, generatedAt: DateTime.unsafeMake(document.generatedAt), amendments }
                yield* sittings.recordChildUploaded(request.actor, sittingId!, childId, referralId!, sheet)
              }).pipe(Effect.provide(context))
          )
          return { document, file: filed!, sitting: yield* sittings.get(request.actor, sittingId!) }
        }).pipe(Effect.provide(context)),
      /**
       * The decision sheet that went to the child's file with its upload, made again exactly as it was then (the
       * record as it stood before the upload, prepared for whoever uploaded it, at the same instant): `file` makes
       * the PDF, whose hash must be the one recorded, else FiledSheetChanged and nothing is read. NotFound when no
       * sheet was filed for that child. The reader is logged as any document's.
       */
      filedDecisionSheet: <F extends FiledFile>(request: DocumentRequest, decisionId: DecisionId, childId: ChildId, file: (document: DocumentModel) => Effect.Effect<F>) =>
        Effect.gen(function* () {
          const { role } = yield* authorise(request.actor, decisionReaders)
          const authorityId = request.actor.authorityId
          const uploads = yield* filedUploads(authorityId, decisionId, childId)
          const upload = uploads.at(-1)
          if (upload === undefined) return yield* Effect.fail(NotFound.of("decision sheet filed for this child", `${decisionId}/${childId}`))
          const { sheet, by, position } = upload
          const uploader = new Actor({ personId: by.personId, name: by.name, authorityId, roles: [by.role] })
          const records = yield* authorityRecordsBefore(authorityId, position, sheet.generatedAt)
          const document = yield* sheetOf(records, { actor: uploader, role: by.role, identityGranted: false }, decisionId, childId)
          const remade = yield* file(document)
          if (remade.sha256 !== sheet.sha256) {
            return yield* new FiledSheetChanged({
              message: `The decision sheet filed for child ${childId} cannot be made again exactly (its hash is not the one sent), so it is not returned. Ask the panel administrator for the copy on the child's file.`
            })
          }
          const reader: DocumentReader = { actor: request.actor, role, identityGranted: request.identityGranted }
          yield* (yield* AccessLog).record(accessRecords(readBy(reader, request.purpose, yield* DateTime.now), document.reads))
          return { document, file: remade, uploadedAt: upload.at }
        }).pipe(Effect.provide(context))
    }
  })
}) {}
