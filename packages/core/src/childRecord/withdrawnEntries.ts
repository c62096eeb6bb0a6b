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

/** The end of the open looked-after period that recording a death wrote with it (STAT-R33): it goes with the death. */
const endedByTheDeath = (entries: ReadonlyArray<ChildRecordEvent>, position: number): boolean => {
  const [death, next] = [entries[position], entries[position + 1]]
  return death?._tag === "ChildDeathRecorded" && next?._tag === "LookedAfterEnded" && next.reason === "died" && DateTime.Equivalence(next.at, death.at)
}

/** The entries that still stand: all but the withdrawals and what they withdrew, in the order they were recorded. */
export const standingEntries = (entries: ReadonlyArray<ChildRecordEvent>): ReadonlyArray<Exclude<ChildRecordEvent, ChildRecordEntryWithdrawn>> => {
  const gone = new Set(withdrawnEntries(entries).flatMap(({ position }) => (endedByTheDeath(entries, position) ? [position, position + 1] : [position])))
  return entries.filter((event, i): event is Exclude<ChildRecordEvent, ChildRecordEntryWithdrawn> => event._tag !== "ChildRecordEntryWithdrawn" && !gone.has(i))
}
