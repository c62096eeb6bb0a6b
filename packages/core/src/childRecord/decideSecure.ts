import { DateTime, Effect } from "effect"
import { formatDate, formatInstant } from "../calendar/format.js"
import { addMonths, type LocalDate } from "../calendar/LocalDate.js"
import { londonDateOf } from "../calendar/londonTime.js"
import { NotYetHappened } from "../regulation24/PlacementErrors.js"
import type { ChildRecordState } from "./ChildRecord.js"
import type { ChildRecordCommand } from "./ChildRecordCommands.js"
import { SecureAccommodationRefused } from "./ChildRecordErrors.js"
import type { ChildRecordEvent } from "./ChildRecordEvents.js"
import { closedSpans, courtSpans, noSecureAccommodation, openPeriod, toSpan } from "./SecureAccommodation.js"
import { countedParts, describeHours, hourMs, limitHours, mostInAnyWindow, usedInWindowEnding } from "./secureAccommodationBudget.js"

type SecureCommand = Extract<
  ChildRecordCommand,
  { readonly _tag: "RecordSecureAccommodation" | "EndSecureAccommodation" | "RecordSecureAccommodationCourtAuthority" | "RecordSecretaryOfStateApproval" }
>

const refuse = (message: string) => Effect.fail(new SecureAccommodationRefused({ ruleId: "STAT-S25", message }))

const notLater = (instant: DateTime.Utc, at: DateTime.Utc, what: string) =>
  DateTime.greaterThan(instant, at) ? Effect.fail(new NotYetHappened({ message: `${what} at ${formatInstant(instant)} is still to come: record it once it has happened.` })) : Effect.void

/** Whether a child born on `dateOfBirth` is under 13 on `day` (a 29 February birthday comes on 28 February). */
export const under13On = (dateOfBirth: LocalDate, day: LocalDate) => day < addMonths(dateOfBirth, 13 * 12)

/** reg 4: a child under 13 needs the Secretary of State's approval, given before the period; the age needs the date of birth. */
const ageAllows = (state: ChildRecordState, startedAt: DateTime.Utc) => {
  const dateOfBirth = state?.dateOfBirth
  if (dateOfBirth === undefined) {
    return refuse("Record the child's date of birth first: a child under 13 may be placed in secure accommodation only with the Secretary of State's approval (STAT-S25).")
  }
  if (!under13On(dateOfBirth, londonDateOf(startedAt))) return Effect.void
  const approval = state?.secureAccommodation.secretaryOfStateApproval
  if (approval !== undefined && !DateTime.greaterThan(approval.approvedAt, startedAt)) return Effect.void
  return refuse(
    `The child (born ${formatDate(dateOfBirth)}) is under 13: secure accommodation needs the Secretary of State's prior approval, and none is recorded before ${formatInstant(startedAt)} (STAT-S25).`
  )
}

/** STAT-S25's commands: periods in secure accommodation, the court's authority, the Secretary of State's approval. */
export const decideSecure = (command: SecureCommand, state: ChildRecordState, audit: Pick<ChildRecordEvent, "by" | "at">) =>
  Effect.gen(function* () {
    const secure = state?.secureAccommodation ?? noSecureAccommodation
    switch (command._tag) {
      case "RecordSecureAccommodation": {
        yield* notLater(command.startedAt, command.at, "A period in secure accommodation starting")
        const open = openPeriod(secure)
        const endedAt = command.endedAt
        if (open !== undefined && endedAt === undefined) {
          return yield* refuse(`The child has been in secure accommodation since ${formatInstant(open.startedAt)}: record the end of that period first (STAT-S25).`)
        }
        if (endedAt !== undefined) {
          yield* notLater(endedAt, command.at, "The end of a period in secure accommodation")
          if (!DateTime.greaterThan(endedAt, command.startedAt)) return yield* refuse("A period in secure accommodation ends after it starts (STAT-S25).")
          // An earlier period recorded while the child is in secure accommodation: it ends no later than the current one began.
          if (open !== undefined && DateTime.greaterThan(endedAt, open.startedAt)) {
            return yield* refuse(`The period overlaps the one the child has been in since ${formatInstant(open.startedAt)} (STAT-S25).`)
          }
        }
        const overlapping = secure.periods.find(
          (period) => period.endedAt !== undefined && DateTime.lessThan(command.startedAt, period.endedAt) && DateTime.greaterThan(endedAt ?? command.at, period.startedAt)
        )
        if (overlapping !== undefined) {
          return yield* refuse(`The period overlaps one already recorded, from ${formatInstant(overlapping.startedAt)} to ${formatInstant(overlapping.endedAt!)} (STAT-S25).`)
        }
        yield* ageAllows(state, command.startedAt)
        const courts = courtSpans(secure)
        const earlier = closedSpans(secure).flatMap((span) => countedParts(span, courts))
        const start = DateTime.toEpochMillis(command.startedAt)
        const usedBefore = usedInWindowEnding(earlier, start)
        const startsUnderCourtAuthority = courts.some((court) => court.from <= start && start < court.to)
        if (usedBefore >= limitHours * hourMs && !startsUnderCourtAuthority) {
          return yield* refuse(
            `The child has already spent ${describeHours(usedBefore)} in secure accommodation in the 28 days before ${formatInstant(command.startedAt)}: no more without a court's authority (STAT-S25: at most 72 hours in any 28 consecutive days).`
          )
        }
        if (endedAt !== undefined) {
          const counted = countedParts(toSpan(command.startedAt, endedAt), courts)
          const most = mostInAnyWindow([...earlier, ...counted], counted)
          if (most > limitHours * hourMs) {
            return yield* refuse(
              `With this period the child would have spent ${describeHours(most)} in secure accommodation in 28 days without a court's authority; the limit is 72 hours (STAT-S25). Record the court's authority first.`
            )
          }
        }
        const periodId = `secure-${secure.periods.length + 1}`
        return [{ _tag: "SecureAccommodationStarted", periodId, startedAt: command.startedAt, ...(endedAt === undefined ? {} : { endedAt }), ...audit }] as const
      }
      case "EndSecureAccommodation": {
        const open = openPeriod(secure)
        if (open === undefined) return yield* refuse("The child is not recorded as in secure accommodation now (STAT-S25).")
        const endedAt = command.endedAt ?? command.at
        yield* notLater(endedAt, command.at, "The end of the period in secure accommodation")
        if (!DateTime.greaterThan(endedAt, open.startedAt)) {
          return yield* refuse(`The period began at ${formatInstant(open.startedAt)}; it ends after that, not at ${formatInstant(endedAt)} (STAT-S25).`)
        }
        // Never refused for the hours: a period that ran past the limit happened, and the record must show it (its clock is overdue).
        return [{ _tag: "SecureAccommodationEnded", periodId: open.periodId, endedAt, ...audit }] as const
      }
      case "RecordSecureAccommodationCourtAuthority": {
        if (!DateTime.greaterThan(command.until, command.from)) return yield* refuse("The court's authority ends after it begins (STAT-S25).")
        yield* notLater(command.from, command.at, "A court's authority starting")
        return [{ _tag: "SecureAccommodationAuthorisedByCourt", from: command.from, until: command.until, ...audit }] as const
      }
      case "RecordSecretaryOfStateApproval": {
        yield* notLater(command.approvedAt, command.at, "The Secretary of State's approval")
        return [{ _tag: "SecretaryOfStateApprovalRecorded", approvedAt: command.approvedAt, ...audit }] as const
      }
    }
  })
