import { Effect } from "effect"
import { formatInstant } from "../calendar/format.js"
import type { ChildRecordState } from "./ChildRecord.js"
import type { ChildRecordCommand } from "./ChildRecordCommands.js"
import { EntryWithdrawalRefused } from "./ChildRecordErrors.js"
import type { ChildRecordEvent } from "./ChildRecordEvents.js"
import { describeEntry, withdrawableRule } from "./WithdrawableEntry.js"
import { recordsEntry, standingEntries, withdrawnEntries } from "./withdrawnEntries.js"

type WithdrawCommand = Extract<ChildRecordCommand, { readonly _tag: "WithdrawChildRecordEntry" }>

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/**
 * An entry recorded by mistake is withdrawn, with the reason, when it stands on the record: the latest one of its
 * kind and dates that is not withdrawn already.
 */
export const decideWithdrawal = (command: WithdrawCommand, state: ChildRecordState, audit: Pick<ChildRecordEvent, "by" | "at">) =>
  Effect.gen(function* () {
    const { entry } = command
    const what = describeEntry(entry)
    const refuse = (message: string) => new EntryWithdrawalRefused({ ruleId: withdrawableRule[entry.kind], message })
    const reason = command.reason.trim()
    if (reason === "") return yield* refuse(`Say why ${what} is withdrawn: the reason is empty. The reason stays on the child's record with the withdrawal.`)
    const entries = state?.entries ?? []
    const standing = standingEntries(entries).findLast((event) => recordsEntry(event, entry))
    if (standing !== undefined) return [{ _tag: "ChildRecordEntryWithdrawn", entry, recordedAt: standing.at, reason, ...audit }] as const
    const earlier = withdrawnEntries(entries).findLast(({ position }) => recordsEntry(entries[position]!, entry))?.withdrawal
    if (earlier !== undefined) {
      return yield* refuse(`${capitalised(what)} was already withdrawn at ${formatInstant(earlier.at)} by ${earlier.by.name}: "${earlier.reason}"`)
    }
    return yield* refuse(`No ${what.replace(/^the /, "")} is recorded on the child's record, so there is nothing to withdraw.`)
  })
