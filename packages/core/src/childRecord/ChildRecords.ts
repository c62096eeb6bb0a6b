import { decodeDocument } from "../shared/decodedDocuments.js"
import { type DateTime, Effect } from "effect"
import type { LocalDate } from "../calendar/LocalDate.js"
import type { WorkingCalendar } from "../calendar/WorkingCalendar.js"
import type { EventStore } from "../ports/EventStore.js"
import type { Policies } from "../ports/Policies.js"
import { ReadModels } from "../ports/ReadModels.js"
import type { Actor } from "../shared/actor.js"
import { authorise, type Permission, permission } from "../shared/authorise.js"
import { type CommandBody, commandPrepare } from "../shared/commandHandler.js"
import { appendTogether, retryOnConflict } from "../shared/commandRunner.js"
import { NotFound } from "../shared/errors.js"
import type { ChildId } from "../shared/ids.js"
import { readWhere } from "../agenda/readAll.js"
import { decisionAwaits } from "../deadlines/awaiting.js"
import { Decision } from "../decision/Decision.js"
import { decisionAggregate, decisionCollection } from "../decision/decisionAggregate.js"
import { reviewsPreProceedings, startsReviews } from "../decision/decisionClocks.js"
import { decisionPermissions } from "../decision/decisionPermissions.js"
import { authorityContext } from "../shared/authorityContext.js"
import { ChildRecord, type ChildRecordState } from "./ChildRecord.js"
import { type ChildRecordCommand, childRecordRecorders } from "./ChildRecordCommands.js"
import { childRecordAggregate, childRecordCollection } from "./childRecordAggregate.js"
import type { EpoOutcome } from "./EmergencyProtectionOrder.js"
import { inPreProceedings } from "./decideProceedings.js"
import { pastRetention } from "./retention.js"
import type { WithdrawableEntry } from "./WithdrawableEntry.js"

const recorders = childRecordRecorders

/** Who may record what on a child's record. The decider checks the statutes' limits. */
export const childRecordPermissions = {
  RecordEmergencyProtectionOrder: permission("record an emergency protection order (STAT-S44)", ...recorders),
  ExtendEmergencyProtectionOrder: permission("record the extension of an emergency protection order (STAT-S44)", ...recorders),
  RecordEmergencyProtectionOrderEnded: permission("record how an emergency protection order ended (STAT-S44)", ...recorders),
  RecordDateOfBirth: permission("record a child's date of birth", ...recorders),
  RecordChildDeath: permission("record a child's death (STAT-R50)", ...recorders),
  RecordSecureAccommodation: permission("record a period in secure accommodation (STAT-S25)", ...recorders),
  EndSecureAccommodation: permission("record the end of a period in secure accommodation (STAT-S25)", ...recorders),
  RecordSecureAccommodationCourtAuthority: permission("record a court's authority for secure accommodation (STAT-S25)", ...recorders),
  RecordSecretaryOfStateApproval: permission("record the Secretary of State's approval for secure accommodation (STAT-S25)", ...recorders),
  RecordLetterBeforeProceedings: permission("record the letter before proceedings (STAT-PLO)", ...recorders),
  RecordPreProceedingsContinued: permission("record a review continuing pre-proceedings (STAT-PLO)", ...recorders),
  EndPreProceedings: permission("record the end of pre-proceedings (STAT-PLO)", ...recorders),
  RecordProceedingsIssued: permission("record care proceedings issued (STAT-S31)", ...recorders),
  ExtendProceedings: permission("record the court's extension of care proceedings (STAT-S31)", ...recorders),
  RecordProceedingsConcluded: permission("record care proceedings concluded (STAT-S31)", ...recorders),
  RecordLegalStatus: permission("record a child's legal status (SSDA903)", ...recorders),
  RecordLookedAfterFromPlacement: permission("record looked-after status from a placement", ...recorders),
  RecordLookedAfterEndedFromPlacement: permission("record the end of looked-after status from a placement", ...recorders),
  RecordLookedAfterEnded: permission("record that a child ceased to be looked after", ...recorders),
  RecordLookedAfterReview: permission("record a looked-after review (STAT-R33)", ...recorders, "panel_administrator"),
  // Those who record a death, a court's authority or the Secretary of State's approval correct it (team managers and
  // heads of service among them): Carepanel's choice, no rule id; the reason and who withdrew stay on the record.
  WithdrawChildRecordEntry: permission("withdraw an entry recorded by mistake on a child's record", ...recorders)
} satisfies Record<ChildRecordCommand["_tag"], Permission>

export const childRecordReaders = permission(
  "read children's statutory records",
  "social_worker", "practice_supervisor", "team_manager", "head_of_service", "service_manager", "assistant_director",
  "panel_chair", "vice_chair", "panel_administrator", "panel_member", "integrator", "auditor"
)

interface PreProceedingsOver {
  readonly overAt: DateTime.Utc
  readonly how: "ended" | "issued"
}

/** STAT-PLO: the pre-proceedings the child was in before are over after: stepped down, or care proceedings issued. */
const preProceedingsOver = (before: ChildRecordState, after: ChildRecord): PreProceedingsOver | undefined => {
  if (before === undefined || !inPreProceedings(before.proceedings)) return undefined
  const { preProceedingsEndedAt, issuedAt } = after.proceedings
  if (preProceedingsEndedAt !== undefined) return { overAt: preProceedingsEndedAt, how: "ended" }
  return issuedAt === undefined ? undefined : { overAt: issuedAt, how: "issued" }
}

/** Use cases on a child's statutory record (orders, ...): authorise, load, decide, append, every time. */
export class ChildRecords extends Effect.Service<ChildRecords>()("@carepanel/core/ChildRecords", {
  effect: Effect.gen(function* () {
    const readModels = yield* ReadModels
    const context = yield* Effect.context<EventStore | Policies | WorkingCalendar | ReadModels>()
    const prepareRecord = commandPrepare(childRecordAggregate, childRecordPermissions, "child record")
    const prepareDecision = commandPrepare(decisionAggregate, decisionPermissions, "decision")

    /**
     * NSO-9: the child's decisions whose review of pre-proceedings is still to come are told the pre-proceedings are
     * over, so the review's clock is met then and the agenda no longer offers it. None read under a policy without one.
     */
    const tellDecisions = (actor: Actor, childId: ChildId, over: PreProceedingsOver) =>
      Effect.gen(function* () {
        const { policy } = yield* authorityContext(actor.authorityId)
        const reviews = policy.decision.automaticReviews.filter(reviewsPreProceedings)
        if (reviews.length === 0) return []
        const decisions = yield* readWhere(decisionCollection, Decision, actor.authorityId, { childIds: childId })
        // Not yet told, and a review of pre-proceedings it starts not yet held (its `review:` marker still there).
        const waiting = decisions.filter((decision) => {
          const awaited = new Set(decisionAwaits(decision))
          return (
            decision.preProceedingsOver === undefined &&
            reviews.some((review) => startsReviews(decision, review) && review.forRequestTypes.some((type) => awaited.has(`review:${type}`)))
          )
        })
        return yield* Effect.forEach(waiting, (decision) => prepareDecision(actor, decision.id, { _tag: "NotePreProceedingsOver", ...over }))
      })

    /** The child's record and, when it leaves pre-proceedings over, the notes on the child's decisions: appended in one transaction. */
    const run = (actor: Actor, childId: ChildId, body: CommandBody<ChildRecordCommand>) =>
      Effect.gen(function* () {
        const record = yield* prepareRecord(actor, childId, body)
        if (record.after === undefined) return yield* Effect.fail(NotFound.of("child record", childId))
        const over = preProceedingsOver(record.before, record.after)
        const notes = over === undefined ? [] : yield* tellDecisions(actor, childId, over)
        yield* appendTogether([record.commit, ...notes.map((note) => note.commit)])
        return record.after
      }).pipe(retryOnConflict, Effect.provide(context))
    const decode = (doc: unknown) => decodeDocument(ChildRecord, doc)

    return {
      /** STAT-S44: the court's order, made at `madeAt` for `days` whole days (at most 8). */
      recordEmergencyProtectionOrder: (actor: Actor, childId: ChildId, madeAt: DateTime.Utc, days: number) =>
        run(actor, childId, { _tag: "RecordEmergencyProtectionOrder", childId, madeAt, days }),
      /** STAT-S44: the one extension of the order in force (at most 7 days), made by the court at `extendedAt` (defaults to now). */
      extendEmergencyProtectionOrder: (actor: Actor, childId: ChildId, days: number, extendedAt?: DateTime.Utc) =>
        run(actor, childId, { _tag: "ExtendEmergencyProtectionOrder", childId, days, ...(extendedAt === undefined ? {} : { extendedAt }) }),
      /** STAT-S44: how the order ended; `endedAt` defaults to now. */
      recordEmergencyProtectionOrderEnded: (actor: Actor, childId: ChildId, outcome: EpoOutcome, endedAt?: DateTime.Utc) =>
        run(actor, childId, { _tag: "RecordEmergencyProtectionOrderEnded", childId, outcome, ...(endedAt === undefined ? {} : { endedAt }) }),
      /** STAT-R50: the child died on `diedOn`; before 18, the record is kept 15 years from it. */
      recordChildDeath: (actor: Actor, childId: ChildId, diedOn: LocalDate) => run(actor, childId, { _tag: "RecordChildDeath", childId, diedOn }),
      /** STAT-R50: the actor's authority's child records past their retention date on `day`, each with its retention. */
      pastRetention: (actor: Actor, day: LocalDate) =>
        Effect.gen(function* () {
          yield* authorise(actor, childRecordReaders)
          const rows = yield* readModels.query({ collection: childRecordCollection, authorityId: actor.authorityId, where: {} })
          const records = yield* Effect.forEach(rows, (row) => decode(row.doc))
          return records.filter((record) => pastRetention(record, day))
        }),
      recordDateOfBirth: (actor: Actor, childId: ChildId, dateOfBirth: LocalDate) => run(actor, childId, { _tag: "RecordDateOfBirth", childId, dateOfBirth }),
      /** STAT-S25: a further period from `startedAt`, ended at `endedAt` if it has; refused past 72 hours in 28 days. */
      recordSecureAccommodation: (actor: Actor, childId: ChildId, startedAt: DateTime.Utc, endedAt?: DateTime.Utc) =>
        run(actor, childId, { _tag: "RecordSecureAccommodation", childId, startedAt, ...(endedAt === undefined ? {} : { endedAt }) }),
      endSecureAccommodation: (actor: Actor, childId: ChildId, endedAt?: DateTime.Utc) =>
        run(actor, childId, { _tag: "EndSecureAccommodation", childId, ...(endedAt === undefined ? {} : { endedAt }) }),
      recordSecureAccommodationCourtAuthority: (actor: Actor, childId: ChildId, from: DateTime.Utc, until: DateTime.Utc) =>
        run(actor, childId, { _tag: "RecordSecureAccommodationCourtAuthority", childId, from, until }),
      recordSecretaryOfStateApproval: (actor: Actor, childId: ChildId, approvedAt: DateTime.Utc) =>
        run(actor, childId, { _tag: "RecordSecretaryOfStateApproval", childId, approvedAt }),
      recordLetterBeforeProceedings: (actor: Actor, childId: ChildId, sentAt: DateTime.Utc) => run(actor, childId, { _tag: "RecordLetterBeforeProceedings", childId, sentAt }),
      /** STAT-PLO: a review held at `reviewedAt` (now by default) continued pre-proceedings for `weeks` more, with reasons. */
      recordPreProceedingsContinued: (actor: Actor, childId: ChildId, weeks: number, reasons: string, reviewedAt?: DateTime.Utc) =>
        run(actor, childId, { _tag: "RecordPreProceedingsContinued", childId, weeks, reasons, ...(reviewedAt === undefined ? {} : { reviewedAt }) }),
      endPreProceedings: (actor: Actor, childId: ChildId, endedAt?: DateTime.Utc) =>
        run(actor, childId, { _tag: "EndPreProceedings", childId, ...(endedAt === undefined ? {} : { endedAt }) }),
      recordProceedingsIssued: (actor: Actor, childId: ChildId, issuedAt: DateTime.Utc) => run(actor, childId, { _tag: "RecordProceedingsIssued", childId, issuedAt }),
      /** STAT-S31: one extension of 1-8 weeks from the timetable's current end, made by the court at `extendedAt` (defaults to now). */
      extendProceedings: (actor: Actor, childId: ChildId, weeks: number, extendedAt?: DateTime.Utc) =>
        run(actor, childId, { _tag: "ExtendProceedings", childId, weeks, ...(extendedAt === undefined ? {} : { extendedAt }) }),
      recordProceedingsConcluded: (actor: Actor, childId: ChildId, concludedAt?: DateTime.Utc) =>
        run(actor, childId, { _tag: "RecordProceedingsConcluded", childId, ...(concludedAt === undefined ? {} : { concludedAt }) }),
      /** The child's SSDA903 legal status from `from`; starts looked-after status when the child is not looked after. */
      recordLegalStatus: (actor: Actor, childId: ChildId, code: string, from: DateTime.Utc) => run(actor, childId, { _tag: "RecordLegalStatus", childId, code, from }),
      /** The child ceased to be looked after; `endedAt` defaults to now. */
      recordLookedAfterEnded: (actor: Actor, childId: ChildId, reason: string, endedAt?: DateTime.Utc) =>
        run(actor, childId, { _tag: "RecordLookedAfterEnded", childId, reason, ...(endedAt === undefined ? {} : { endedAt }) }),
      /** STAT-R33: a review held at `heldAt`, chaired by the IRO `iroName`. */
      recordLookedAfterReview: (actor: Actor, childId: ChildId, heldAt: DateTime.Utc, iroName: string) =>
        run(actor, childId, { _tag: "RecordLookedAfterReview", childId, heldAt, iroName }),
      /**
       * A death, a court's authority or the Secretary of State's approval recorded by mistake, withdrawn for `reason`:
       * the record reads as if it had never been made, and keeps both entries.
       */
      withdrawEntry: (actor: Actor, childId: ChildId, entry: WithdrawableEntry, reason: string) =>
        run(actor, childId, { _tag: "WithdrawChildRecordEntry", childId, entry, reason }),
      /** The child's record in the actor's authority; nothing recorded (or another authority's child) answers NotFound. */
      get: (actor: Actor, childId: ChildId) =>
        Effect.gen(function* () {
          yield* authorise(actor, childRecordReaders)
          const row = yield* readModels.get(childRecordCollection, actor.authorityId, childId)
          if (row === undefined) return yield* Effect.fail(NotFound.of("child record", childId))
          return yield* decode(row.doc)
        })
    }
  })
}) {}
