import { DateTime, Effect } from "effect"
import { formatDate, formatInstant } from "../calendar/format.js"
import { londonDateOf } from "../calendar/londonTime.js"
import { NotYetHappened } from "../regulation24/PlacementErrors.js"
import type { ChildRecordState } from "./ChildRecord.js"
import type { ChildRecordCommand } from "./ChildRecordCommands.js"
import { ChildFactRefused } from "./ChildRecordErrors.js"
import type { ChildRecordEvent } from "./ChildRecordEvents.js"
import { lookedAfterEndsAtDeath } from "./deathEndsLookedAfter.js"
import { currentLookedAfter } from "./LookedAfter.js"

type FactCommand = Extract<ChildRecordCommand, { readonly _tag: "RecordDateOfBirth" | "RecordChildDeath" }>

/**
 * The child's date of birth and, sadly, death: the age tests (STAT-S25) and the retention date (STAT-R50) rest on them.
 * A death also ends an open period of being looked after (STAT-R33).
 */
export const decideChildFacts = (command: FactCommand, state: ChildRecordState, audit: Pick<ChildRecordEvent, "by" | "at">) =>
  Effect.gen(function* () {
    const today = londonDateOf(command.at)
    switch (command._tag) {
      case "RecordDateOfBirth": {
        if (today < command.dateOfBirth) return yield* new NotYetHappened({ message: `A date of birth of ${formatDate(command.dateOfBirth)} is still to come.` })
        if (state?.diedOn !== undefined && state.diedOn < command.dateOfBirth) {
          return yield* new ChildFactRefused({ ruleId: "STAT-R50", message: `The child is recorded as having died on ${formatDate(state.diedOn)}, before ${formatDate(command.dateOfBirth)}.` })
        }
        return [{ _tag: "DateOfBirthRecorded", dateOfBirth: command.dateOfBirth, ...audit }] as const
      }
      case "RecordChildDeath": {
        if (today < command.diedOn) return yield* new NotYetHappened({ message: `A death on ${formatDate(command.diedOn)} is still to come.` })
        if (state?.diedOn !== undefined) {
          // A second death would leave the first's end of the period in force if either were later withdrawn.
          return yield* new ChildFactRefused({
            ruleId: "STAT-R50",
            message: `The child is already recorded as having died on ${formatDate(state.diedOn)}. If that date is wrong, withdraw it (withdrawChildDeath), then record the right one: the retention date (STAT-R50) and the end of being looked after (STAT-R33) rest on it.`
          })
        }
        if (state?.dateOfBirth !== undefined && command.diedOn < state.dateOfBirth) {
          return yield* new ChildFactRefused({ ruleId: "STAT-R50", message: `The child was born on ${formatDate(state.dateOfBirth)}; a death on ${formatDate(command.diedOn)} comes before it.` })
        }
        const death = { _tag: "ChildDeathRecorded", diedOn: command.diedOn, ...audit } as const
        const open = currentLookedAfter(state?.lookedAfter ?? [])
        if (open === undefined) return [death]
        const endedAt = lookedAfterEndsAtDeath(command.diedOn, command.at)
        const lastReview = open.reviews.at(-1)?.heldAt
        const after = DateTime.greaterThan(open.from, endedAt)
          ? `The child became looked after at ${formatInstant(open.from)}`
          : lastReview !== undefined && DateTime.greaterThan(lastReview, endedAt)
            ? `A looked-after review was held at ${formatInstant(lastReview)}`
            : undefined
        if (after !== undefined) {
          return yield* new ChildFactRefused({ ruleId: "STAT-R33", message: `${after}, after a death on ${formatDate(command.diedOn)}: check the date of death (STAT-R33).` })
        }
        return [death, { _tag: "LookedAfterEnded", periodId: open.periodId, endedAt, reason: "died", ...audit }] as const
      }
    }
  })
