import { formatInstant } from "@carepanel/core"
import { Box, Text } from "ink"
import { useState } from "react"
import { approvalCountdown, statutoryTracker } from "../data/statutory.js"
import { useCore, useLoad } from "../ui/CoreContext.js"
import { deadlineState, pad, words } from "../ui/describe.js"
import type { KeyHelp } from "../ui/keys.js"
import { List, useSelection } from "../ui/List.js"
import { useNavigation } from "../ui/Navigation.js"
import { useKeys } from "../ui/useKeys.js"
import { useLoggedRead } from "../ui/useLoggedRead.js"

export const statutoryKeys: ReadonlyArray<KeyHelp> = [{ keys: "tab", does: "placements / the selected placement's clocks" }]

/** Regulation 24 approvals, extensions and visits with their countdowns, and the other statutory clocks the core runs. */
export const Statutory = () => {
  const { actor } = useCore()
  const navigation = useNavigation()
  const [pane, setPane] = useState<"placements" | "clocks">("placements")
  const { data, error } = useLoad(() => statutoryTracker(actor), [actor])
  const tracked = data?.tracked ?? []
  const [selected] = useSelection(tracked.length, navigation.keysLive && pane === "placements")
  const current = tracked[selected]
  const clocks = [...(current?.clocks ?? []), ...(data?.otherStatutory ?? [])]
  const [clock] = useSelection(clocks.length, navigation.keysLive && pane === "clocks")
  useLoggedRead(tracked.map((entry) => entry.placement.childId), ["placement"], "tui: Statutory")
  useKeys((_input, key) => {
    if (key.tab) setPane(pane === "placements" ? "clocks" : "placements")
  }, navigation.keysLive)
  if (data === undefined) return <Text>{error ?? "Loading the statutory clocks…"}</Text>
  const listHeight = Math.max(3, Math.min(tracked.length, Math.floor((navigation.rows - 6) / 3)))
  const shown = clocks[pane === "clocks" ? clock : 0]
  return (
    <Box flexDirection="column">
      <Text bold>{`${pane === "placements" ? "▸" : " "} Regulation 24 placements (${tracked.length})`}</Text>
      <List
        items={tracked}
        selected={selected}
        height={listHeight}
        focused={pane === "placements"}
        empty="  No Regulation 24 placement is identified or live."
        row={({ placement }) => `${pad(placement.childId, 13)} ${pad(`${placement.urgent ? "‼ " : ""}${words(placement.status)}`, 11)} ${approvalCountdown(placement, data.now)}`}
      />
      <Text bold wrap="truncate-end">{`${pane === "clocks" ? "▸" : " "} Clocks: this placement's (${current?.clocks.length ?? 0}), then every other statutory one (${data.otherStatutory.length})`}</Text>
      <List
        items={clocks}
        selected={clock}
        height={Math.max(3, navigation.rows - listHeight - 7)}
        focused={pane === "clocks"}
        empty="  No statutory clock is open."
        row={(entry) => `${pad(deadlineState[entry.state], 12)} ${pad(formatInstant(entry.due), 22)} ${pad(entry.ruleId, 11)} ${entry.title}`}
      />
      {shown === undefined ? null : (
        <Box borderStyle="single" paddingX={1}>
          <Text wrap="wrap">{shown.explanation}</Text>
        </Box>
      )}
    </Box>
  )
}
