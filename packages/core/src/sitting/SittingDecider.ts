import { DateTime, Effect } from "effect"
import { NoSuchRecord } from "../shared/errors.js"
import { formatDate } from "../calendar/format.js"
import { atLondon } from "../calendar/londonTime.js"
import { resolveClock } from "../calendar/resolveClock.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import { citation } from "../policy/citation.js"
import { observersRuleOf, type PanelPolicy } from "../policy/PanelPolicy.js"
import { actedBy } from "../shared/authorise.js"
import type { Decider } from "../shared/decider.js"
import { describeRoles } from "../shared/roles.js"
import type { AuthorityContext } from "../shared/authorityContext.js"
import { beforeSittingDay, type Sitting, type SittingState } from "./Sitting.js"
import type { SittingCommand } from "./SittingCommands.js"
import {
  type DeputyCannotStandIn,
  type DeputyMustNameSeat,
  NotTheChair,
  ObserverNeedsChairAgreement,
  SittingAlreadyScheduled,
  SittingNotInState,
  type SittingRefusal
} from "./SittingErrors.js"
import type { Attendance, FiledSheet, SittingEvent } from "./SittingEvents.js"
import { planSlots } from "./agendaSlots.js"
import { evolveSitting } from "./evolveSitting.js"
import { checkDeputy } from "./deputies.js"
import { checkQuorum } from "./quorum.js"
import { checkRepresents } from "./representatives.js"

export const panelOf = (policy: AuthorityPolicy, panelId: string): PanelPolicy | undefined =>
  policy.panels.find((panel) => panel.id === panelId)

/** Who chairs the panel's sittings or deputises: its chair's and deputies' roles, and the chairing roles every panel has. */
const chairRolesOf = (panel: PanelPolicy) =>
  [...new Set([panel.chair.role, ...panel.deputies.map((deputy) => deputy.role), "panel_chair" as const, "vice_chair" as const])]

const fail = (message: string) => Effect.fail(new SittingNotInState({ message }))

/** The sitting exists and is not cancelled. */
const live = (state: SittingState): Effect.Effect<Sitting, SittingNotInState | NoSuchRecord> =>
  state === undefined
    ? Effect.fail(new NoSuchRecord({ message: "There is no such sitting." }))
    : state.cancelled
      ? fail(`The sitting on ${formatDate(state.date)} was cancelled.`)
      : Effect.succeed(state)

const beforeStart = (sitting: Sitting, at: DateTime.Utc, doing: string) =>
  DateTime.lessThan(at, sitting.startsAt)
    ? Effect.succeed(sitting)
    : fail(`You cannot ${doing}: the sitting on ${formatDate(sitting.date)} has started.`)

const emit = (...events: ReadonlyArray<SittingEvent>): ReadonlyArray<SittingEvent> => events

const decide = (
  command: SittingCommand,
  state: SittingState,
  context: AuthorityContext
): Effect.Effect<ReadonlyArray<SittingEvent>, SittingRefusal> =>
  Effect.gen(function* () {
    const { policy } = context
    const audit = { by: actedBy(command.by), at: command.at }
    if (command._tag === "ScheduleSitting") {
      if (state !== undefined) {
        return yield* new SittingAlreadyScheduled({ message: `A sitting with id ${command.sittingId} already exists.` })
      }
      const panel = panelOf(policy, command.panelId)
      if (panel === undefined) return yield* fail(`This authority has no panel called ${command.panelId}.`)
      const hours = command.hours ?? panel.hours
      if (hours.end <= hours.start) return yield* fail(`A sitting must end after it starts: ${hours.start} to ${hours.end} is not a sitting's hours.`)
      const startsAt = atLondon(command.date, hours.start)
      if (DateTime.lessThan(startsAt, command.at)) {
        return yield* fail(`A sitting on ${formatDate(command.date)} would be in the past.`)
      }
      return emit({
        _tag: "SittingScheduled",
        sittingId: command.sittingId,
        authorityId: command.by.authorityId,
        panelId: panel.id,
        date: command.date,
        startsAt,
        endsAt: atLondon(command.date, hours.end),
        ...audit
      })
    }
    const sitting = yield* live(state)
    const panel = panelOf(policy, sitting.panelId)!
    switch (command._tag) {
      case "CancelSitting":
        yield* beforeStart(sitting, command.at, "cancel it")
        return emit({ _tag: "SittingCancelled", reason: command.reason, ...audit })
      case "BuildAgenda": {
        yield* beforeStart(sitting, command.at, "change the agenda")
        const items = yield* planSlots(command.entries, sitting, panel.slotMinutes, context.policy)
        return emit({ _tag: "AgendaBuilt", items: [...items], ...audit })
      }
      case "PublishAgenda":
        if (sitting.agenda.length === 0) return yield* fail("There is nothing on the agenda to send to members yet.")
        return emit({ _tag: "AgendaPublished", withPapers: command.papersToFollow !== true, ...audit })
      case "SendPapers":
        if (sitting.agendaPublishedAt === undefined) return yield* fail("Send the agenda to members first; the papers go with it or after it.")
        if (sitting.papersSentAt !== undefined) return yield* fail("The papers for this agenda have already gone to members.")
        return emit({ _tag: "PapersSent", ...audit })
      case "RecordAttendance":
        if (command.entry.status === "present" && beforeSittingDay(sitting, command.at)) {
          return yield* fail(
            `${command.entry.name} can be recorded as present on the day of the sitting (${formatDate(sitting.date)}); until then, record that they confirmed they will come.`
          )
        }
        return emit({ _tag: "AttendanceRecorded", attendance: yield* attendanceOf(command, sitting, panel, context), ...audit })
      case "ConfirmQuorum": {
        const chairs = chairRolesOf(panel)
        if (!chairs.some((role) => command.by.actor.roles.includes(role))) {
          return yield* new NotTheChair({
            message: `Only the chair or a deputy (${describeRoles(chairs)}) decides whether enough members are present (${citation(panel.quorum.ruleId, policy)}).`
          })
        }
        if (beforeSittingDay(sitting, command.at)) {
          return yield* fail(`The chair decides whether enough members are present on the day of the sitting (${formatDate(sitting.date)}), not before.`)
        }
        yield* checkQuorum(panel.quorum, sitting.attendance, command.enough, context.policy)
        // NSO-1: members left part-way; what was decided before the chair said so stands.
        const decided = command.enough ? [] : (command.decided ?? [])
        return emit({ _tag: "QuorumConfirmed", enough: command.enough, note: command.note, ...(decided.length === 0 ? {} : { decided }), ...audit })
      }
      case "SendDraftRecordToChair":
        if (DateTime.lessThan(command.at, sitting.endsAt)) return yield* fail("The record can be sent to the chair once the sitting has ended.")
        if (sitting.record.draftSentAt) return yield* fail("The draft record has already gone to the chair.")
        return emit({ _tag: "DraftRecordSentToChair", ...audit })
      case "ReturnFinalRecord": {
        // CPR-11: the chair returns it, not whoever holds a role that chairs another authority's panel.
        const chairs = chairRolesOf(panel)
        if (!chairs.some((role) => command.by.actor.roles.includes(role))) {
          const rule = policy.sitting.record?.finalFromChair.ruleId
          return yield* new NotTheChair({
            message: `Only the chair or a deputy (${describeRoles(chairs)}) returns the final record${rule === undefined ? "" : ` (${citation(rule, policy)})`}.`
          })
        }
        if (!sitting.record.draftSentAt) return yield* fail("There is no draft record with the chair yet.")
        if (sitting.record.finalAt) return yield* fail("The final record has already been returned.")
        return emit({ _tag: "FinalRecordReturned", ...audit })
      }
      case "RecordChildUploaded": {
        if (!sitting.record.finalAt) {
          return yield* fail("Only the final record is uploaded to a child's file; the chair has not returned it yet.")
        }
        if (!sitting.agenda.some((item) => item.childIds.includes(command.childId))) {
          return yield* fail("That child was not on this sitting's agenda.")
        }
        // Once per child; again only with a sheet of the same decision holding more amendments than the one filed
        // (NSO-8: the child's file holds the decision as amended, not the one it superseded).
        const filed = sitting.record.uploads.filter((upload) => upload.childId === command.childId).at(-1)
        if (filed !== undefined && !amends(filed.sheet, command.sheet)) {
          return yield* fail("That child's record has already been uploaded.")
        }
        return emit({ _tag: "ChildRecordUploaded", childId: command.childId, referralId: command.referralId, ...(command.sheet === undefined ? {} : { sheet: command.sheet }), ...audit })
      }
    }
  })

/** A sheet that supersedes the one filed: the same decision with more amendments (or any amendment, over a record filed by hand). */
const amends = (filed: FiledSheet | undefined, next: FiledSheet | undefined) =>
  next !== undefined && (filed === undefined ? next.amendments > 0 : filed.decisionId === next.decisionId && next.amendments > filed.amendments)

/**
 * Observers need the chair's agreement (KNO-2, or the authority's default); a deputy names whom they stand for, and
 * linked by person stands in for another member who is away and not yet covered; a member present may also represent
 * such members (KNO-2), each named once; late confirmations show.
 */
const attendanceOf = (
  command: Extract<SittingCommand, { _tag: "RecordAttendance" }>,
  sitting: Sitting,
  panel: PanelPolicy,
  { calendar, policy }: AuthorityContext
): Effect.Effect<Attendance, ObserverNeedsChairAgreement | DeputyMustNameSeat | DeputyCannotStandIn> => {
  const { chairAgreed, represents, ...rest } = command.entry
  const entry = represents === undefined || represents.length === 0 ? rest : { ...rest, represents: [...new Set(represents)] }
  if (entry.status === "observer" && panel.observersNeedChairAgreement && !chairAgreed) {
    const ruleId = observersRuleOf(panel)
    return Effect.fail(new ObserverNeedsChairAgreement({ ruleId, message: `An observer attends only with the chair's agreement (${citation(ruleId, policy)}).` }))
  }
  return Effect.gen(function* () {
    yield* checkDeputy(entry, sitting.attendance, panel, policy)
    yield* checkRepresents(entry, sitting.attendance, panel, policy)
    const confirmation = panel.attendanceConfirmation
    if (entry.status !== "confirmed" || entry.membership !== "non_standing" || confirmation === undefined) return entry
    const due = resolveClock(confirmation.clock, { instant: sitting.startsAt }, calendar).due
    return { ...entry, confirmedLate: DateTime.greaterThan(command.at, due) }
  })
}

export const sittingDecider: Decider<SittingCommand, SittingEvent, SittingState, SittingRefusal, AuthorityContext> = {
  initialState: undefined,
  evolve: evolveSitting,
  decide
}
