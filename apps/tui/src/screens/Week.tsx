import { useKeys } from "../ui/useKeys.js"
import { addDays, Deadlines, londonDateOf, Sittings, weekdayOf, weekdays } from "@carepanel/core"
import { Box } from "ink"
import { Text } from "../ui/Text.js"
import { DateTime, Effect } from "effect"
import { useState } from "react"
import { useCore, useLoad } from "../ui/CoreContext.js"
import { deadlineState, pad, panelName, sittingState, sittingWhen, whoseClock } from "../ui/describe.js"
import type { KeyHelp } from "../ui/keys.js"
import { List, useSelection } from "../ui/List.js"
import { useNavigation } from "../ui/Navigation.js"

export const weekKeys: ReadonlyArray<KeyHelp> = [
  { keys: "enter", does: "open the selected sitting, or the deadlines" },
  { keys: "tab", does: "sittings / clocks needing attention" }
]


const weekStart = Effect.gen(function* () {
  const today = londonDateOf(yield* DateTime.now)
  const monday = addDays(today, -weekdays.indexOf(weekdayOf(today)))
  return { today, monday }
})

/** This week's and next week's sittings, the clocks overdue and due soon, the inbox. */
export const Week = () => {
  const { actor, policy, inbox } = useCore()
  const navigation = useNavigation()
  const [pane, setPane] = useState<"sittings" | "clocks">("sittings")
  const { data, error } = useLoad(
    () =>
      Effect.gen(function* () {
        const { monday } = yield* weekStart
        const sittings = yield* Effect.flatMap(Sittings, (use) => use.list(actor, { from: monday, to: addDays(monday, 13) }))
        const clocks = yield* Effect.flatMap(Deadlines, (use) => use.forAuthority(actor))
        return { monday, sittings, clocks: clocks.filter((clock) => clock.state === "overdue" || clock.state === "due_soon") }
      }),
    [actor]
  )
  const sittings = data?.sittings ?? []
  const clocks = data?.clocks ?? []
  const [selected] = useSelection(sittings.length, navigation.keysLive && pane === "sittings")
  const [clock] = useSelection(clocks.length, navigation.keysLive && pane === "clocks")
  useKeys((_input, key) => {
      if (key.tab) setPane((current) => (current === "sittings" ? "clocks" : "sittings"))
      if (key.return && pane === "sittings" && sittings[selected] !== undefined) navigation.go({ name: "sitting", sittingId: sittings[selected].id })
      if (key.return && pane === "clocks") navigation.go({ name: "deadlines" })
    }, navigation.keysLive)
  if (data === undefined) return <Text>{error ?? "Loading the week…"}</Text>
  const overdue = clocks.filter((c) => c.state === "overdue").length
  const width = navigation.columns - 2
  return (
    <Box flexDirection="column">
      <Text>{`Week of ${data.monday}: ‼ ${overdue} overdue · ! ${clocks.length - overdue} due soon · ✉ ${inbox.list().length} in the inbox`}</Text>
      <Text bold>{`${pane === "sittings" ? "▸" : " "} Sittings this week and next`}</Text>
      <List
        items={sittings}
        selected={selected}
        height={Math.max(3, Math.floor((navigation.rows - 4) / 2))}
        focused={pane === "sittings"}
        empty="  No sittings this week or next."
        row={(sitting) => `${pad(sittingWhen(sitting), 22)} ${pad(panelName(policy, sitting.panelId), 16)} ${sittingState(sitting)}`}
      />
      <Text bold>{`${pane === "clocks" ? "▸" : " "} Clocks needing attention`}</Text>
      <List
        items={clocks}
        selected={clock}
        height={Math.max(3, navigation.rows - 4 - Math.max(3, Math.floor((navigation.rows - 4) / 2)) - 2)}
        focused={pane === "clocks"}
        empty="  Nothing overdue or due soon."
        row={(c) => pad(`${pad(deadlineState[c.state], 12)} ${pad(whoseClock(c) || "-", 12)} ${c.title}`, width)}
      />
    </Box>
  )
}
