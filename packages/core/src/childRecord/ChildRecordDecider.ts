import { Effect } from "effect"
import type { Calendar } from "../calendar/WorkingCalendar.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import { actedBy } from "../shared/authorise.js"
import type { Decider } from "../shared/decider.js"
import type { ChildRecordState } from "./ChildRecord.js"
import type { ChildRecordCommand } from "./ChildRecordCommands.js"
import type { ChildRecordRefusal } from "./ChildRecordErrors.js"
import type { ChildRecordEvent } from "./ChildRecordEvents.js"
import { decideChildFacts } from "./decideChildFacts.js"
import { decideEpo } from "./decideEpo.js"
import { decideLookedAfter } from "./decideLookedAfter.js"
import { decideProceedings } from "./decideProceedings.js"
import { decideSecure } from "./decideSecure.js"
import { decideWithdrawal } from "./decideWithdrawal.js"
import { evolveChildRecord } from "./evolveChildRecord.js"

export interface ChildRecordContext {
  readonly policy: AuthorityPolicy
  readonly calendar: Calendar
}

/** Each statute's commands decide in their own module; the first thing recorded about a child opens the record. */
const decide = (
  command: ChildRecordCommand,
  state: ChildRecordState,
  { calendar }: ChildRecordContext
): Effect.Effect<ReadonlyArray<ChildRecordEvent>, ChildRecordRefusal> =>
  Effect.gen(function* () {
    const audit = { by: actedBy(command.by), at: command.at }
    const events: ReadonlyArray<ChildRecordEvent> =
      command._tag === "RecordEmergencyProtectionOrder" || command._tag === "ExtendEmergencyProtectionOrder" || command._tag === "RecordEmergencyProtectionOrderEnded"
        ? yield* decideEpo(command, state, calendar, audit)
        : command._tag === "RecordLetterBeforeProceedings" ||
            command._tag === "EndPreProceedings" ||
            command._tag === "RecordPreProceedingsContinued" ||
            command._tag === "RecordProceedingsIssued" ||
            command._tag === "ExtendProceedings" ||
            command._tag === "RecordProceedingsConcluded"
          ? yield* decideProceedings(command, state, calendar, audit)
          : command._tag === "RecordDateOfBirth" || command._tag === "RecordChildDeath"
            ? yield* decideChildFacts(command, state, audit)
            : command._tag === "RecordLegalStatus" ||
                command._tag === "RecordLookedAfterFromPlacement" ||
                command._tag === "RecordLookedAfterEndedFromPlacement" ||
                command._tag === "RecordLookedAfterEnded" ||
                command._tag === "RecordLookedAfterReview"
              ? yield* decideLookedAfter(command, state, audit)
              : command._tag === "WithdrawChildRecordEntry"
                ? yield* decideWithdrawal(command, state, audit)
                : yield* decideSecure(command, state, audit)
    if (state !== undefined || events.length === 0) return events
    return [{ _tag: "ChildRecordOpened", childId: command.childId, authorityId: command.by.authorityId, ...audit }, ...events]
  })

export const childRecordDecider: Decider<ChildRecordCommand, ChildRecordEvent, ChildRecordState, ChildRecordRefusal, ChildRecordContext> = {
  initialState: undefined,
  evolve: evolveChildRecord,
  decide
}
