import { formatInstant, SittingId, Sittings } from "@carepanel/core"
import { Box } from "ink"
import { Text } from "../ui/Text.js"
import { Effect } from "effect"
import { useState } from "react"
import { type RecordStep, recordStage, sittingRecords } from "../data/records.js"
import { useCore, useLoad } from "../ui/CoreContext.js"
import { deadlineState, pad, panelName, sittingWhen } from "../ui/describe.js"
import type { KeyHelp } from "../ui/keys.js"
import { List, useSelection } from "../ui/List.js"
import { useNavigation } from "../ui/Navigation.js"
import { useCommand } from "../ui/useCommand.js"
import { useKeys } from "../ui/useKeys.js"
import { useLoggedRead } from "../ui/useLoggedRead.js"

export const recordKeys: ReadonlyArray<KeyHelp> = [
  { keys: "tab", does: "sittings / the selected sitting's steps" },
  { keys: "d", does: "send the draft record to the chair" },
  { keys: "f", does: "return the final record (the chair)" },
  { keys: "u", does: "record the selected child's record as uploaded to their file" },
  { keys: "enter", does: "open the sitting" }
]

/** A step in words and symbols: done (on time or late), or what its clock says now. */
export const stepState = (step: RecordStep): string => {
  if (step.doneAt !== undefined) return step.clock?.metLate ? `✓ done late ${step.doneAt}` : `✓ done ${step.doneAt}`
  if (step.clock !== undefined) return `${deadlineState[step.clock.state]} · ${step.clock.ruleId} · due ${formatInstant(step.clock.due)}`
  if (step.waitsFor !== undefined) return `· waits for the ${step.waitsFor}`
  return "· to do (no clock in the policy)"
}

/** Each sitting's record: draft -> chair -> final -> uploaded per child, each with its clock (CPR-11). */
export const Record = () => {
  const { actor, policy } = useCore()
  const navigation = useNavigation()
  const command = useCommand()
  const [pane, setPane] = useState<"sittings" | "steps">("sittings")
  const { data, error } = useLoad(() => sittingRecords(actor), [actor])
  const records = data ?? []
  const [selected] = useSelection(records.length, navigation.keysLive && pane === "sittings")
  const current = records[selected]
  const steps = current?.steps ?? []
  const [step] = useSelection(steps.length, navigation.keysLive && pane === "steps")
  useLoggedRead(steps.flatMap((entry) => (entry.childId === undefined ? [] : [entry.childId])), ["recordUploads"], "tui: Record")
  useKeys((input, key) => {
    if (key.tab) return setPane(pane === "sittings" ? "steps" : "sittings")
    if (current === undefined) return
    const id = SittingId.make(current.sitting.id)
    if (input === "d") return command(Effect.flatMap(Sittings, (use) => use.sendDraftRecordToChair(actor, id)), "Draft record sent to the chair.")
    if (input === "f") return command(Effect.flatMap(Sittings, (use) => use.returnFinalRecord(actor, id)), "Final record returned.")
    if (input === "u") {
      const chosen = pane === "steps" ? steps[step] : steps.find((entry) => entry.kind === "upload" && entry.doneAt === undefined)
      if (chosen?.childId === undefined || chosen.referralId === undefined) return navigation.say({ kind: "info", text: "Choose a child's upload in the steps pane (tab, then j/k)." })
      const { childId, referralId } = chosen
      return command(Effect.flatMap(Sittings, (use) => use.recordChildUploaded(actor, id, childId, referralId)), `Record uploaded to child ${childId}'s file.`)
    }
    if (key.return) navigation.go({ name: "sitting", sittingId: current.sitting.id })
  }, navigation.keysLive)
  if (data === undefined) return <Text>{error ?? "Loading the records…"}</Text>
  const listHeight = Math.max(3, Math.min(records.length, Math.floor((navigation.rows - 5) / 3)))
  const chosen = pane === "steps" ? steps[step] : steps.find((entry) => entry.doneAt === undefined && entry.clock !== undefined)
  return (
    <Box flexDirection="column">
      <Text bold>{`${pane === "sittings" ? "▸" : " "} Sittings and their record (${records.length})`}</Text>
      <List
        items={records}
        selected={selected}
        height={listHeight}
        focused={pane === "sittings"}
        empty="  No sitting with business on it has begun yet."
        row={({ sitting, steps: its }) => `${pad(sittingWhen(sitting), 22)} ${pad(panelName(policy, sitting.panelId), 16)} ${recordStage(its)}`}
      />
      <Text bold>{`${pane === "steps" ? "▸" : " "} Draft -> chair -> final -> uploaded per child`}</Text>
      <List
        items={steps}
        selected={step}
        height={Math.max(3, navigation.rows - listHeight - 7)}
        focused={pane === "steps"}
        empty="  Choose a sitting."
        row={(entry) => `${pad(entry.label, 34)} ${stepState(entry)}`}
      />
      {chosen?.clock === undefined ? null : (
        <Box borderStyle="single" paddingX={1}>
          <Text wrap="wrap">{chosen.clock.explanation}</Text>
        </Box>
      )}
    </Box>
  )
}
