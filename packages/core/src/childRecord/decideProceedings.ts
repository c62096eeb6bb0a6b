import { DateTime, Effect } from "effect"
import { formatInstant } from "../calendar/format.js"
import { resolveClock } from "../calendar/resolveClock.js"
import type { Calendar } from "../calendar/WorkingCalendar.js"
import type { RuleId } from "../policy/rules.js"
import { NotYetHappened } from "../regulation24/PlacementErrors.js"
import type { ChildRecordState } from "./ChildRecord.js"
import type { ChildRecordCommand } from "./ChildRecordCommands.js"
import { ProceedingsRefused } from "./ChildRecordErrors.js"
import type { ChildRecordEvent } from "./ChildRecordEvents.js"
import { extendedAtOf } from "./extendedAt.js"
import { maxContinuationWeeks, maxProceedingsExtensionWeeks, noProceedings, type Proceedings, proceedingsWeeks } from "./Proceedings.js"

type ProceedingsCommand = Extract<
  ChildRecordCommand,
  { readonly _tag: "RecordLetterBeforeProceedings" | "RecordPreProceedingsContinued" | "EndPreProceedings" | "RecordProceedingsIssued" | "ExtendProceedings" | "RecordProceedingsConcluded" }
>

/** Whole weeks after `from` at the same London wall time (a court's timetable is never moved for a closure). */
export const weeksLater = (from: DateTime.Utc, weeks: number, calendar: Calendar): DateTime.Utc =>
  resolveClock({ _tag: "WeeksAfter", weeks }, { instant: from }, calendar).due

/** When the proceedings' timetable ends now: 26 weeks from issue, or the last extension's end. */
export const proceedingsEndsAt = (proceedings: Proceedings, calendar: Calendar): DateTime.Utc | undefined =>
  proceedings.extensions.at(-1)?.endsAt ?? (proceedings.issuedAt && weeksLater(proceedings.issuedAt, proceedingsWeeks, calendar))

const refuse = (ruleId: RuleId, message: string) => Effect.fail(new ProceedingsRefused({ ruleId, message }))

const notLater = (instant: DateTime.Utc, at: DateTime.Utc, what: string) =>
  DateTime.greaterThan(instant, at) ? Effect.fail(new NotYetHappened({ message: `${what} at ${formatInstant(instant)} is still to come: record it once it has happened.` })) : Effect.void

export const inPreProceedings = (p: Proceedings) => p.letterSentAt !== undefined && p.preProceedingsEndedAt === undefined && p.issuedAt === undefined
const inProceedings = (p: Proceedings) => p.issuedAt !== undefined && p.concludedAt === undefined

/**
 * When the child's last pre-proceedings or proceedings ended, for a step that begins new ones: none comes before it. The
 * law's ids, which no policy replaces, so the refusal cites them by id alone.
 */
const lastEnd = (p: Proceedings): { readonly at: DateTime.Utc; readonly ruleId: "STAT-S31" | "STAT-PLO"; readonly text: string } | undefined =>
  p.concludedAt !== undefined
    ? { at: p.concludedAt, ruleId: "STAT-S31", text: "The earlier care proceedings concluded" }
    : p.preProceedingsEndedAt !== undefined
      ? { at: p.preProceedingsEndedAt, ruleId: "STAT-PLO", text: "Pre-proceedings ended" }
      : undefined

/** Refused when `instant` comes before the last pre-proceedings or proceedings ended. */
const notBeforeLastEnd = (p: Proceedings, instant: DateTime.Utc, what: (at: string) => string) => {
  const end = lastEnd(p)
  return end !== undefined && DateTime.lessThan(instant, end.at)
    ? refuse(end.ruleId, `${end.text} at ${formatInstant(end.at)}; ${what(formatInstant(instant))} before that (${end.ruleId}).`)
    : Effect.void
}

/** STAT-PLO and STAT-S31's commands. The PLO's 16 weeks are guidance: nothing here is refused for passing them. */
export const decideProceedings = (command: ProceedingsCommand, state: ChildRecordState, calendar: Calendar, audit: Pick<ChildRecordEvent, "by" | "at">) =>
  Effect.gen(function* () {
    const proceedings = state?.proceedings ?? noProceedings
    switch (command._tag) {
      case "RecordLetterBeforeProceedings": {
        yield* notLater(command.sentAt, command.at, "A letter before proceedings sent")
        if (inPreProceedings(proceedings) || inProceedings(proceedings)) {
          return yield* refuse("STAT-PLO", `The child is already in ${inProceedings(proceedings) ? "care proceedings" : `pre-proceedings, since the letter at ${formatInstant(proceedings.letterSentAt!)}`} (STAT-PLO).`)
        }
        yield* notBeforeLastEnd(proceedings, command.sentAt, (at) => `a letter before proceedings at ${at} comes`)
        return [{ _tag: "LetterBeforeProceedingsSent", sentAt: command.sentAt, ...audit }] as const
      }
      case "RecordPreProceedingsContinued": {
        if (!inPreProceedings(proceedings)) return yield* refuse("STAT-PLO", "The child is not in pre-proceedings (STAT-PLO).")
        const reviewedAt = command.reviewedAt ?? command.at
        yield* notLater(reviewedAt, command.at, "A review of pre-proceedings held")
        const last = proceedings.continuations?.at(-1)?.reviewedAt ?? proceedings.letterSentAt!
        if (!DateTime.greaterThan(reviewedAt, last)) {
          return yield* refuse(
            "STAT-PLO",
            `${last === proceedings.letterSentAt ? "Pre-proceedings began with the letter" : "The last review continuing them was held"} at ${formatInstant(last)}; a review at ${formatInstant(reviewedAt)} must come after it (STAT-PLO).`
          )
        }
        if (!Number.isInteger(command.weeks) || command.weeks < 1 || command.weeks > maxContinuationWeeks) {
          return yield* refuse("STAT-PLO", `Pre-proceedings go on for a whole number of weeks from 1 to ${maxContinuationWeeks}, not ${command.weeks} (STAT-PLO).`)
        }
        const reasons = command.reasons.trim()
        if (reasons === "") return yield* refuse("STAT-PLO", "Say why pre-proceedings go on rather than proceedings being issued or the case stepped down (STAT-PLO): the reasons are empty.")
        return [{ _tag: "PreProceedingsContinued", reviewedAt, weeks: command.weeks, reasons, ...audit }] as const
      }
      case "EndPreProceedings": {
        if (!inPreProceedings(proceedings)) return yield* refuse("STAT-PLO", "The child is not in pre-proceedings (STAT-PLO).")
        const endedAt = command.endedAt ?? command.at
        yield* notLater(endedAt, command.at, "The end of pre-proceedings")
        if (DateTime.lessThan(endedAt, proceedings.letterSentAt!)) {
          return yield* refuse("STAT-PLO", `Pre-proceedings began with the letter at ${formatInstant(proceedings.letterSentAt!)}; they cannot have ended before (STAT-PLO).`)
        }
        return [{ _tag: "PreProceedingsEnded", endedAt, ...audit }] as const
      }
      case "RecordProceedingsIssued": {
        yield* notLater(command.issuedAt, command.at, "The issue of care proceedings")
        if (inProceedings(proceedings)) {
          return yield* refuse("STAT-S31", `Care proceedings were already issued at ${formatInstant(proceedings.issuedAt!)} and have not concluded (STAT-S31).`)
        }
        if (inPreProceedings(proceedings)) {
          if (DateTime.lessThan(command.issuedAt, proceedings.letterSentAt!)) {
            return yield* refuse(
              "STAT-PLO",
              `Pre-proceedings began with the letter at ${formatInstant(proceedings.letterSentAt!)}; proceedings issued at ${formatInstant(command.issuedAt)} come before it (STAT-PLO).`
            )
          }
        } else {
          yield* notBeforeLastEnd(proceedings, command.issuedAt, (at) => `proceedings issued at ${at} come`)
        }
        return [{ _tag: "ProceedingsIssued", issuedAt: command.issuedAt, ...audit }] as const
      }
      case "ExtendProceedings": {
        if (!inProceedings(proceedings)) return yield* refuse("STAT-S31", "There are no care proceedings under way to extend (STAT-S31).")
        if (!Number.isInteger(command.weeks) || command.weeks < 1 || command.weeks > maxProceedingsExtensionWeeks) {
          return yield* refuse("STAT-S31", `The court extends care proceedings by a whole number of weeks from 1 to ${maxProceedingsExtensionWeeks} at a time, not ${command.weeks} (STAT-S31).`)
        }
        // Judged when the court extended, which may be before it is recorded: that instant meets the timetable's clock.
        const extendedAt = command.extendedAt ?? command.at
        yield* notLater(extendedAt, command.at, "An extension of care proceedings made")
        if (DateTime.lessThan(extendedAt, proceedings.issuedAt!)) {
          return yield* refuse("STAT-S31", `The proceedings were issued at ${formatInstant(proceedings.issuedAt!)}; they cannot have been extended before, at ${formatInstant(extendedAt)} (STAT-S31).`)
        }
        const previous = proceedings.extensions.at(-1)
        if (previous !== undefined && DateTime.lessThan(extendedAt, extendedAtOf(previous))) {
          return yield* refuse(
            "STAT-S31",
            `The court last extended the proceedings at ${formatInstant(extendedAtOf(previous))}; an extension at ${formatInstant(extendedAt)} comes before it: extensions are recorded in the order the court made them (STAT-S31).`
          )
        }
        const from = proceedingsEndsAt(proceedings, calendar)!
        return [{ _tag: "ProceedingsExtended", weeks: command.weeks, from, endsAt: weeksLater(from, command.weeks, calendar), extendedAt, ...audit }] as const
      }
      case "RecordProceedingsConcluded": {
        if (!inProceedings(proceedings)) return yield* refuse("STAT-S31", "There are no care proceedings under way to conclude (STAT-S31).")
        const concludedAt = command.concludedAt ?? command.at
        yield* notLater(concludedAt, command.at, "The conclusion of care proceedings")
        if (DateTime.lessThan(concludedAt, proceedings.issuedAt!)) {
          return yield* refuse("STAT-S31", `The proceedings were issued at ${formatInstant(proceedings.issuedAt!)}; they cannot have concluded before (STAT-S31).`)
        }
        return [{ _tag: "ProceedingsConcluded", concludedAt, ...audit }] as const
      }
    }
  })
