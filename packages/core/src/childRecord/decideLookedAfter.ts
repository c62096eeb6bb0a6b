import { DateTime, Effect } from "effect"
import { formatDate, formatInstant } from "../calendar/format.js"
import { londonDateOf } from "../calendar/londonTime.js"
import { NotYetHappened } from "../regulation24/PlacementErrors.js"
import type { ChildRecordState } from "./ChildRecord.js"
import type { ChildRecordCommand } from "./ChildRecordCommands.js"
import { LegalStatusRefused, LookedAfterRefused } from "./ChildRecordErrors.js"
import type { ChildRecordEvent } from "./ChildRecordEvents.js"
import { lookedAfterEndsAtDeath } from "./deathEndsLookedAfter.js"
import { endedAtHome, statusAt } from "./endedAtHome.js"
import { describeLegalStatusCodes, isLegalStatusCode, type LegalStatusCode, legalStatusLabel } from "./LegalStatus.js"
import { accommodationStatuses, currentLookedAfter, type LookedAfterPeriod } from "./LookedAfter.js"
import { standingEntries } from "./withdrawnEntries.js"

type LookedAfterCommand = Extract<
  ChildRecordCommand,
  {
    readonly _tag: "RecordLegalStatus" | "RecordLookedAfterFromPlacement" | "RecordLookedAfterEndedFromPlacement" | "RecordLookedAfterEnded" | "RecordLookedAfterReview"
  }
>
type Audit = Pick<ChildRecordEvent, "by" | "at">

const notLater = (instant: DateTime.Utc, at: DateTime.Utc, what: string) =>
  DateTime.greaterThan(instant, at)
    ? Effect.fail(new NotYetHappened({ message: `${what} at ${formatInstant(instant)} is still to come: record it once it has happened.` }))
    : Effect.void

const periodsOf = (state: ChildRecordState): ReadonlyArray<LookedAfterPeriod> => state?.lookedAfter ?? []
const nextPeriodId = (state: ChildRecordState) => `la-${periodsOf(state).length + 1}`

/**
 * A child recorded as dead gets no new legal status or looked-after period (STAT-R33): refused from the day after the
 * death, and on the day itself unless it changes a period still open then (only the day of the death is known). The
 * message says how to go on when the death was recorded by mistake. Undefined when it may be recorded.
 */
const afterTheDeath = (state: ChildRecordState, from: DateTime.Utc, what: string): string | undefined => {
  const diedOn = state?.diedOn
  const day = londonDateOf(from)
  if (diedOn === undefined || day < diedOn || (day === diedOn && currentLookedAfter(periodsOf(state)) !== undefined)) return undefined
  return `The child is recorded as having died on ${formatDate(diedOn)}; ${what} from ${formatInstant(from)} cannot begin then: a child recorded as dead gets no new legal status or looked-after period. If the death was recorded by mistake, withdraw it first (withdrawChildDeath), then record this again.`
}

/**
 * A period opened by a status or placement dated before the child's recorded death (a true fact entered late) ends at
 * the death, as a period open when the death is recorded does (decideChildFacts), so its clocks stop there. Withdrawing
 * the death takes this end with it (withdrawnEntries), and the period is open again.
 */
const endedAtTheDeath = (state: ChildRecordState, events: ReadonlyArray<ChildRecordEvent>, audit: Audit): ReadonlyArray<ChildRecordEvent> => {
  const opened = events.find((event) => event._tag === "BecameLookedAfter")
  const death = standingEntries(state?.entries ?? []).findLast((event) => event._tag === "ChildDeathRecorded")
  if (opened === undefined || death === undefined) return events
  return [...events, { _tag: "LookedAfterEnded", periodId: opened.periodId, endedAt: lookedAfterEndsAtDeath(death.diedOn, death.at), reason: "died", ...audit }]
}

/** The start of a new period may not reach back into the last one: it starts no earlier than that one ended. */
const notBeforeLastEnd = (state: ChildRecordState, from: DateTime.Utc) => {
  const lastEnd = periodsOf(state).at(-1)?.ended?.endedAt
  return lastEnd !== undefined && DateTime.lessThan(from, lastEnd) ? lastEnd : from
}

/**
 * The events for a legal status `code` from `from`: the change itself unless it is already the current status, and
 * the start of looked-after status when the child is not looked after (a child already looked after keeps the
 * instant their period began: STAT-R33 does not restart). A status from before the open period began (and not before
 * the period before it ended) moves the period's start back to it: every SSDA903 status is a looked-after child's, so
 * the child was looked after from then, as if the status had been recorded first.
 */
const legalStatusEvents = (state: ChildRecordState, code: LegalStatusCode, from: DateTime.Utc, audit: Audit): ReadonlyArray<ChildRecordEvent> => {
  const current = state?.legalStatuses.at(-1)
  const periods = periodsOf(state)
  const open = currentLookedAfter(periods)
  const previousEnd = periods.at(open === undefined ? -1 : -2)?.ended?.endedAt
  const movesStart = open !== undefined && DateTime.lessThan(from, open.from) && (previousEnd === undefined || !DateTime.lessThan(from, previousEnd))
  const change: ReadonlyArray<ChildRecordEvent> =
    open !== undefined && current?.code === code && !movesStart
      ? []
      : [{ _tag: "LegalStatusChanged", code, from, ...(movesStart ? { movesStartOf: open.periodId } : {}), ...audit }]
  if (open !== undefined) return change
  return [...change, { _tag: "BecameLookedAfter", periodId: nextPeriodId(state), route: "legal_status", from, code, ...audit }]
}

/**
 * The end of the open period when a placement's record ends the accommodation `basis` with the child at home: while that
 * basis was the status the child was looked after on at the end (an order in force by then, like decideEpo's
 * statusAfterTheOrder, keeps the child looked after under it), or, with no status recorded in the period by then, when
 * this placement began the period under Regulation 24 (nothing else kept the child looked after). Not before the period
 * began; refused before a review held since (`endedAtHome`). A status recorded as beginning after the end starts a new period (`endedAtHome`).
 */
const endOfTheAccommodation = (
  state: ChildRecordState,
  command: Extract<LookedAfterCommand, { readonly _tag: "RecordLookedAfterEndedFromPlacement" }>,
  audit: Audit
): Effect.Effect<ReadonlyArray<ChildRecordEvent>, LookedAfterRefused> => {
  const open = currentLookedAfter(periodsOf(state))
  if (state === undefined || open === undefined || DateTime.lessThan(command.endedAt, open.from)) return Effect.succeed([])
  const status = statusAt(state, command.endedAt)
  const ends =
    status === undefined || DateTime.lessThan(status.from, open.from)
      ? open.route === "regulation24_placement" && open.placementId === command.placementId
      : accommodationStatuses[command.basis].includes(status.code)
  if (!ends) return Effect.succeed([])
  const check = command.basis === "police_protection" ? "when police protection ended" : "when the child went home"
  return endedAtHome(state, open, { endedAt: command.endedAt, reason: command.reason, check }, audit)
}

/** Legal status (SSDA903), looked-after status and its STAT-R33 reviews. */
export const decideLookedAfter = (command: LookedAfterCommand, state: ChildRecordState, audit: Audit) =>
  Effect.gen(function* () {
    switch (command._tag) {
      case "RecordLegalStatus": {
        const code = command.code.trim().toUpperCase()
        if (!isLegalStatusCode(code)) {
          return yield* new LegalStatusRefused({
            code: command.code,
            message: `"${command.code}" is not an SSDA903 legal status code. The codes are ${describeLegalStatusCodes()}.`
          })
        }
        yield* notLater(command.from, command.at, `A legal status ${code} starting`)
        const died = afterTheDeath(state, command.from, `a legal status ${code}`)
        if (died !== undefined) return yield* new LegalStatusRefused({ code, message: died })
        const latest = state?.legalStatuses.at(-1)
        if (latest !== undefined && DateTime.lessThan(command.from, latest.from)) {
          return yield* new LegalStatusRefused({
            code,
            message: `The child's legal status is ${latest.code} (${legalStatusLabel[latest.code]}) from ${formatInstant(latest.from)}; a status from ${formatInstant(command.from)} comes before it. Legal statuses are recorded in the order they began.`
          })
        }
        const lastEnd = periodsOf(state).at(-1)?.ended?.endedAt
        if (currentLookedAfter(periodsOf(state)) === undefined && lastEnd !== undefined && DateTime.lessThan(command.from, lastEnd)) {
          return yield* new LegalStatusRefused({
            code,
            message: `The child ceased to be looked after at ${formatInstant(lastEnd)}; a legal status from ${formatInstant(command.from)}, before that, cannot start a new period.`
          })
        }
        return endedAtTheDeath(state, legalStatusEvents(state, code, command.from, audit), audit)
      }
      case "RecordLookedAfterFromPlacement": {
        // Refused only for a child recorded as dead: the placement's change, in the same transaction, is then refused
        // with it (Placements appends both or neither).
        const from = notBeforeLastEnd(state, command.from)
        const died = afterTheDeath(state, from, command.code === undefined ? "looked-after status" : `a legal status ${command.code}`)
        if (died !== undefined) return yield* new LookedAfterRefused({ ruleId: "STAT-R33", message: died })
        const open = currentLookedAfter(periodsOf(state))
        if (command.code !== undefined) {
          const latest = state?.legalStatuses.at(-1)
          const inOrder = latest === undefined || !DateTime.lessThan(from, latest.from)
          if (!inOrder && open !== undefined) return []
          const events = legalStatusEvents(state, command.code, from, audit)
          return endedAtTheDeath(
            state,
            events.map((event) => (event._tag === "BecameLookedAfter" ? { ...event, route: command.route, placementId: command.placementId } : event)),
            audit
          )
        }
        if (open !== undefined) return []
        return endedAtTheDeath(state, [{ _tag: "BecameLookedAfter", periodId: nextPeriodId(state), route: command.route, from, placementId: command.placementId, ...audit }], audit)
      }
      case "RecordLookedAfterEndedFromPlacement":
        // The placement's decider has checked its own end (not before it began, not twice); refused only when a review
        // was held after it, and the placement's change is then refused with it (Placements appends both or neither).
        return yield* endOfTheAccommodation(state, command, audit)
      case "RecordLookedAfterEnded": {
        const open = currentLookedAfter(periodsOf(state))
        if (open === undefined) return yield* new LookedAfterRefused({ ruleId: "STAT-R33", message: "The child is not recorded as looked after, so looked-after status cannot end." })
        const endedAt = command.endedAt ?? command.at
        yield* notLater(endedAt, command.at, "The end of looked-after status")
        const lastReview = open.reviews.at(-1)?.heldAt
        const earliest = lastReview !== undefined && DateTime.greaterThan(lastReview, open.from) ? lastReview : open.from
        if (DateTime.lessThan(endedAt, earliest)) {
          return yield* new LookedAfterRefused({
            ruleId: "STAT-R33",
            message: `Looked-after status cannot end at ${formatInstant(endedAt)}, before ${earliest === open.from ? "it began" : "the last review"} at ${formatInstant(earliest)}.`
          })
        }
        const reason = command.reason.trim()
        if (reason === "") return yield* new LookedAfterRefused({ ruleId: "STAT-R33", message: "Say why the child ceased to be looked after: the reason is empty." })
        return [{ _tag: "LookedAfterEnded", periodId: open.periodId, endedAt, reason, ...audit }] as const
      }
      case "RecordLookedAfterReview": {
        const periods = periodsOf(state)
        if (periods.length === 0) {
          return yield* new LookedAfterRefused({ ruleId: "STAT-R33", message: "The child is not recorded as looked after: record how they became looked after before a looked-after review (STAT-R33)." })
        }
        yield* notLater(command.heldAt, command.at, "A looked-after review held")
        if (state?.diedOn !== undefined && londonDateOf(command.heldAt) > state.diedOn) {
          return yield* new LookedAfterRefused({
            ruleId: "STAT-R33",
            message: `The child died on ${formatDate(state.diedOn)}; a looked-after review at ${formatInstant(command.heldAt)} comes after the death (STAT-R33).`
          })
        }
        // The period the review was held in: the current one, or an ended one when the review is recorded after it ended.
        const heldIn = periods.findLast((period) => !DateTime.lessThan(command.heldAt, period.from))
        const endedBefore = heldIn?.ended !== undefined && DateTime.greaterThan(command.heldAt, heldIn.ended.endedAt) ? heldIn.ended.endedAt : undefined
        if (heldIn === undefined || endedBefore !== undefined) {
          const next = periods.find((period) => DateTime.lessThan(command.heldAt, period.from))
          return yield* new LookedAfterRefused({
            ruleId: "STAT-R33",
            message:
              endedBefore === undefined
                ? `The child became looked after at ${formatInstant(next!.from)}; a review at ${formatInstant(command.heldAt)} comes before it (STAT-R33).`
                : `The child ceased to be looked after at ${formatInstant(endedBefore)}; a review at ${formatInstant(command.heldAt)} comes after that${
                    next === undefined ? "" : `, and before they became looked after again at ${formatInstant(next.from)}`
                  } (STAT-R33).`
          })
        }
        // A review entered late, between two recorded ones, takes its place among them; the same review twice does not.
        const same = heldIn.reviews.find((review) => DateTime.Equivalence(review.heldAt, command.heldAt))
        if (same !== undefined) {
          return yield* new LookedAfterRefused({
            ruleId: "STAT-R33",
            message: `A review held at ${formatInstant(same.heldAt)} is already recorded, chaired by ${same.iroName} (STAT-R33).`
          })
        }
        const iroName = command.iroName.trim()
        if (iroName === "") {
          return yield* new LookedAfterRefused({ ruleId: "STAT-R33", message: "Name the Independent Reviewing Officer who chaired the review (STAT-R33)." })
        }
        return [{ _tag: "LookedAfterReviewHeld", periodId: heldIn.periodId, heldAt: command.heldAt, iroName, ...audit }] as const
      }
    }
  })
