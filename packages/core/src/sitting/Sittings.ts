import { givenText } from "../shared/givenText.js"
import { decodeDocument } from "../shared/decodedDocuments.js"
import { type CommandBody, commandHandler, commandPrepare } from "../shared/commandHandler.js"
import { appendTogether, retryOnConflict } from "../shared/commandRunner.js"
import { readWhere } from "../agenda/readAll.js"
import { Referral } from "../referral/Referral.js"
import { referralAggregate, referralCollection } from "../referral/referralAggregate.js"
import { referralPermissions } from "../referral/Referrals.js"
import { DateTime, Effect } from "effect"
import type { LocalDate } from "../calendar/LocalDate.js"
import { londonDateOf } from "../calendar/londonTime.js"
import type { WorkingCalendar } from "../calendar/WorkingCalendar.js"
import type { EventStore, } from "../ports/EventStore.js"
import { IdGenerator } from "../ports/IdGenerator.js"
import type { Policies } from "../ports/Policies.js"
import { ReadModels } from "../ports/ReadModels.js"
import type { Actor } from "../shared/actor.js"
import { everyRole } from "../shared/roles.js"
import { authorise, type Permission, permission } from "../shared/authorise.js"
import { authorityContext } from "../shared/authorityContext.js"
import { NotFound } from "../shared/errors.js"
import { type ChildId, type PanelId, type ReferralId, SittingId } from "../shared/ids.js"
import { Decision } from "../decision/Decision.js"
import { decisionCollection } from "../decision/decisionAggregate.js"
import { Sitting } from "./Sitting.js"
import type { AgendaEntry, AttendanceEntry, SittingCommand, SittingHours } from "./SittingCommands.js"
import type { FiledSheet } from "./SittingEvents.js"
import { sittingAggregate, sittingCollection, } from "./sittingAggregate.js"
import { readSitting } from "./readSitting.js"
import { sittingDates } from "./schedule.js"

const chairs = ["panel_chair", "vice_chair", "assistant_director", "head_of_service", "service_manager"] as const

export const sittingPermissions = {
  ScheduleSitting: permission("schedule a sitting", "panel_administrator"),
  CancelSitting: permission("cancel a sitting", "panel_administrator", ...chairs),
  BuildAgenda: permission("build the agenda", "panel_administrator"),
  PublishAgenda: permission("send the agenda and papers to members", "panel_administrator"),
  SendPapers: permission("send the papers to members", "panel_administrator"),
  RecordAttendance: permission("record attendance", "panel_administrator", ...chairs),
  ConfirmQuorum: permission("decide whether enough members are present", ...chairs),
  SendDraftRecordToChair: permission("send the draft record to the chair", "panel_administrator"),
  ReturnFinalRecord: permission("return the final record", ...chairs),
  RecordChildUploaded: permission("record a child's record as uploaded", "panel_administrator")
} satisfies Record<SittingCommand["_tag"], Permission>

export const sittingReaders = permission("see sittings", ...everyRole)

export interface SittingFilter {
  readonly panelId?: PanelId
  readonly from?: LocalDate
  readonly to?: LocalDate
}

/** Sitting use cases: the calendar, the agenda, attendance and the record's turnaround. */
export interface ScheduleOptions {
  /** The hours of an extra sitting; the panel's usual hours otherwise. */
  readonly hours?: SittingHours
  /** The sitting's id, where the caller must schedule it at most once; a new id otherwise. */
  readonly sittingId?: SittingId
}

export class Sittings extends Effect.Service<Sittings>()("@carepanel/core/Sittings", {
  effect: Effect.gen(function* () {
    const ids = yield* IdGenerator
    const readModels = yield* ReadModels
    const context = yield* Effect.context<EventStore | Policies | WorkingCalendar>()

    const handle = commandHandler(sittingAggregate, sittingPermissions, "sitting")
    const run = (actor: Actor, sittingId: SittingId, body: CommandBody<SittingCommand>) =>
      handle(actor, sittingId, body).pipe(Effect.provide(context))

    /**
     * A sitting on `date`, at the panel's hours or, for an extra sitting, at `hours`. A caller that gives the id makes
     * the scheduling happen once however often it is tried (by several processes at once, or a retry): the second try
     * is refused with `SittingAlreadyScheduled` and writes nothing.
     */
    const schedule = (actor: Actor, panelId: PanelId, date: LocalDate, options: ScheduleOptions = {}) =>
      (options.sittingId === undefined ? ids.next("sit").pipe(Effect.map(SittingId.make)) : Effect.succeed(options.sittingId)).pipe(
        Effect.flatMap((sittingId) =>
          run(actor, sittingId, { _tag: "ScheduleSitting", sittingId, panelId, date, ...(options.hours === undefined ? {} : { hours: options.hours }) })
        )
      )

    const prepareSitting = commandPrepare(sittingAggregate, sittingPermissions, "sitting")
    const prepareRequest = commandPrepare(referralAggregate, referralPermissions, "request")
    const acceptedOnto = (actor: Actor, sittingId: SittingId) =>
      readWhere(referralCollection, Referral, actor.authorityId, { status: "accepted", sittingId }).pipe(Effect.provideService(ReadModels, readModels))
    const leave = (actor: Actor, sitting: Sitting, referralId: ReferralId) =>
      prepareRequest(actor, referralId, { _tag: "LeaveCancelledSitting", sittingId: sitting.id, sittingDate: sitting.date })

    /**
     * Cancels a sitting, and the requests accepted onto it go back in line, ready for the next sitting (in the same
     * transaction). A request another process accepted onto it meanwhile is taken off after: whichever of the two
     * commits second sees the other (`Referrals.acceptOntoSitting` checks the sitting again after accepting).
     */
    const cancel = (actor: Actor, id: SittingId, reason: string) =>
      Effect.gen(function* () {
        const cancelled = yield* prepareSitting(actor, id, { _tag: "CancelSitting", reason: yield* givenText(reason, "reason") })
        if (cancelled.after === undefined) return yield* Effect.fail(NotFound.of("sitting", id))
        const sitting = cancelled.after
        const moves = yield* Effect.forEach(yield* acceptedOnto(actor, id), (referral) => leave(actor, sitting, referral.id))
        yield* appendTogether([cancelled.commit, ...moves.map((move) => move.commit)])
        for (const late of yield* acceptedOnto(actor, id)) {
          yield* Effect.ignore(Effect.flatMap(leave(actor, sitting, late.id), (move) => appendTogether([move.commit])).pipe(retryOnConflict))
        }
        return sitting
      }).pipe(retryOnConflict, Effect.provide(context))

    return {
      schedule,
      /** Schedules the sittings still to come in a year, from the panel's cadence or fixed dates. */
      scheduleYear: (actor: Actor, panelId: PanelId, year: number) =>
        Effect.gen(function* () {
          yield* authorise(actor, sittingPermissions.ScheduleSitting)
          const { policy, calendar } = yield* authorityContext(actor.authorityId)
          const panel = policy.panels.find((candidate) => candidate.id === panelId)
          if (panel === undefined) return yield* Effect.fail(NotFound.of("panel", panelId))
          const today = londonDateOf(yield* DateTime.now)
          const dates = sittingDates(panel, year, calendar).filter((date) => date > today)
          return yield* Effect.forEach(dates, (date) => schedule(actor, panelId, date))
        }).pipe(Effect.provide(context)),
      cancel,
      buildAgenda: (actor: Actor, id: SittingId, entries: ReadonlyArray<AgendaEntry>) =>
        run(actor, id, { _tag: "BuildAgenda", entries }),
      /** The agenda to members, with its papers unless they follow (`sendPapers`) on a later clock. */
      publishAgenda: (actor: Actor, id: SittingId, options: { readonly papersToFollow?: boolean } = {}) =>
        run(actor, id, { _tag: "PublishAgenda", ...options }),
      sendPapers: (actor: Actor, id: SittingId) => run(actor, id, { _tag: "SendPapers" }),
      recordAttendance: (actor: Actor, id: SittingId, entry: AttendanceEntry) =>
        run(actor, id, { _tag: "RecordAttendance", entry }),
      /** Too few members part-way through (NSO-1): the requests already decided at it are kept on the finding; they stand. */
      confirmQuorum: (actor: Actor, id: SittingId, enough: boolean, note: string) =>
        Effect.gen(function* () {
          const decided = enough ? [] : yield* readWhere(decisionCollection, Decision, actor.authorityId, { sittingId: id })
          const referralIds = [...new Set(decided.map((decision) => decision.subject.referralId))]
          return yield* run(actor, id, { _tag: "ConfirmQuorum", enough, note, ...(referralIds.length === 0 ? {} : { decided: referralIds }) })
        }).pipe(Effect.provideService(ReadModels, readModels)),
      sendDraftRecordToChair: (actor: Actor, id: SittingId) => run(actor, id, { _tag: "SendDraftRecordToChair" }),
      returnFinalRecord: (actor: Actor, id: SittingId) => run(actor, id, { _tag: "ReturnFinalRecord" }),
      /** With `sheet` when Carepanel made the decision sheet that went to the file (`Documents.uploadDecisionSheet`). */
      recordChildUploaded: (actor: Actor, id: SittingId, childId: ChildId, referralId: ReferralId, sheet?: FiledSheet) =>
        run(actor, id, { _tag: "RecordChildUploaded", childId, referralId, ...(sheet === undefined ? {} : { sheet }) }),
      /** Sittings of the actor's authority, soonest first, optionally of one panel and within London dates. */
      list: (actor: Actor, filter: SittingFilter = {}) =>
        Effect.gen(function* () {
          yield* authorise(actor, sittingReaders)
          const rows = yield* readModels.query({
            collection: sittingCollection,
            authorityId: actor.authorityId,
            ...(filter.panelId === undefined ? {} : { where: { panelId: filter.panelId } })
          })
          const sittings = yield* Effect.forEach(rows, (row) => decodeDocument(Sitting, row.doc))
          return sittings
            .filter((sitting) => (filter.from === undefined || sitting.date >= filter.from) && (filter.to === undefined || sitting.date <= filter.to))
            .sort((a, b) => DateTime.distance(b.startsAt, a.startsAt))
        }),
      get: (actor: Actor, id: SittingId) =>
        authorise(actor, sittingReaders).pipe(
          Effect.zipRight(readSitting(actor.authorityId, id)),
          Effect.provideService(ReadModels, readModels)
        )
    }
  })
}) {}
