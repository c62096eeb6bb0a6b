import { DateTime } from "effect"
import type { ChildRecordEntryWithdrawn, ChildRecordEvent } from "./ChildRecordEvents.js"
import type { WithdrawableEntry } from "./WithdrawableEntry.js"

/** Whether `event` records the fact `entry` names (its kind and dates). */
export const recordsEntry = (event: ChildRecordEvent, entry: WithdrawableEntry): boolean => {
  switch (entry.kind) {
    case "death":
      return event._tag === "ChildDeathRecorded" && event.diedOn === entry.diedOn
    case "court_authority":
      return event._tag === "SecureAccommodationAuthorisedByCourt" && DateTime.Equivalence(event.from, entry.from) && DateTime.Equivalence(event.until, entry.until)
    case "secretary_of_state_approval":
      return event._tag === "SecretaryOfStateApprovalRecorded" && DateTime.Equivalence(event.approvedAt, entry.approvedAt)
  }
}

export interface Withdrawn {
  /** Where the withdrawn entry is in the record's entries. */
  readonly position: number
  readonly withdrawal: ChildRecordEntryWithdrawn
}

/** Each withdrawal in `entries` with the entry it withdrew: the first before it that it names, recorded at its `recordedAt`, not withdrawn already. */
export const withdrawnEntries = (entries: ReadonlyArray<ChildRecordEvent>): ReadonlyArray<Withdrawn> => {
  const found: Array<Withdrawn> = []
  entries.forEach((withdrawal, at) => {
    if (withdrawal._tag !== "ChildRecordEntryWithdrawn") return
    const position = entries.findIndex(
      (event, i) => i < at && !found.some((w) => w.position === i) && DateTime.Equivalence(event.at, withdrawal.recordedAt) && recordsEntry(event, withdrawal.entry)
    )
    if (position >= 0) found.push({ position, withdrawal })
  })
  return found
}

/** An end of a looked-after period (reason "died") written in the same decision as the entry just before it. */
const endedWith = (entries: ReadonlyArray<ChildRecordEvent>, position: number, tag: ChildRecordEvent["_tag"]): boolean => {
  const [before, end] = [entries[position - 1], entries[position]]
  return before?._tag === tag && end?._tag === "LookedAfterEnded" && end.reason === "died" && DateTime.Equivalence(end.at, before.at)
}

/**
 * The ends of looked-after periods a death wrote (STAT-R33), which go with it: of the period open when the death was
 * recorded (written with the death), and of any period opened afterwards by a status or placement dated before it
 * (written with that opening, decideLookedAfter), while it was the latest death recorded.
 */
const endsByTheDeath = (entries: ReadonlyArray<ChildRecordEvent>, position: number): ReadonlyArray<number> => {
  if (entries[position]?._tag !== "ChildDeathRecorded") return []
  return entries.flatMap((_, i) => {
    if (i === position + 1 && endedWith(entries, i, "ChildDeathRecorded")) return [i]
    const death = entries.findLastIndex((event, j) => j < i && event._tag === "ChildDeathRecorded")
    return i > position && death === position && endedWith(entries, i, "BecameLookedAfter") ? [i] : []
  })
}

/** The entries that still stand: all but the withdrawals and what they withdrew, in the order they were recorded. */
export const standingEntries = (entries: ReadonlyArray<ChildRecordEvent>): ReadonlyArray<Exclude<ChildRecordEvent, ChildRecordEntryWithdrawn>> => {
  const gone = new Set(withdrawnEntries(entries).flatMap(({ position }) => [position, ...endsByTheDeath(entries, position)]))
  return entries.filter((event, i): event is Exclude<ChildRecordEvent, ChildRecordEntryWithdrawn> => event._tag !== "ChildRecordEntryWithdrawn" && !gone.has(i))
}
