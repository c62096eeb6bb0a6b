import { Box } from "ink"
import { Text } from "../ui/Text.js"
import { useMemo, useState } from "react"
import { approvalCountdown, placementStanding, statutoryTracker, type TrackedSubject, timeLeft } from "../data/statutory.js"
import { useCore, useLoad } from "../ui/CoreContext.js"
import { deadlineState, pad, columnWidth, words } from "../ui/describe.js"
import type { KeyHelp } from "../ui/keys.js"
import { List, useSelection } from "../ui/List.js"
import { useNavigation } from "../ui/Navigation.js"
import { useKeys } from "../ui/useKeys.js"
import { useLoggedRead } from "../ui/useLoggedRead.js"

export const statutoryKeys: ReadonlyArray<KeyHelp> = [{ keys: "tab", does: "placements and children's records / the selected one's clocks" }]

/** The row's fixed columns before the rule: the mark, the state, when due. */
const beforeRule = 2 + 12 + 1 + 22 + 1
/** The least room left for a clock's title: the rule column widens only beyond it. */
const titleRoom = 40

const kindOf = (subject: TrackedSubject): string =>
  subject.placement !== undefined ? `${subject.placement.urgent ? "‼ " : ""}${words(subject.placement.status)}` : subject.kind === "child" ? "child record" : words(subject.kind)

const nameOf = (subject: TrackedSubject): string =>
  subject.placement !== undefined ? `${subject.childId}'s placement` : subject.kind === "child" ? `${subject.childId}'s record` : `${words(subject.kind)} ${subject.id}`

/** What the subject's row says: a placement's approval and standing, otherwise its most urgent clock and the time left. */
const summaryOf = (subject: TrackedSubject, now: Parameters<typeof timeLeft>[1]): string => {
  if (subject.placement !== undefined) return [approvalCountdown(subject.placement, now), ...placementStanding(subject.placement)].join(" · ")
  const [first] = subject.clocks
  if (first === undefined) return "no clock running"
  const more = subject.clocks.length > 1 ? ` · ${subject.clocks.length} clocks` : ""
  return `${deadlineState[first.state]} ${first.ruleId} ${first.due === undefined ? (first.countdown ?? first.dueText) : timeLeft(first.due, now)}${more}`
}

const childrenOf = (subjects: ReadonlyArray<TrackedSubject>, which: (subject: TrackedSubject) => boolean) =>
  subjects.flatMap((subject) => (subject.childId !== undefined && which(subject) ? [subject.childId] : []))

/**
 * Every statutory countdown the core runs, by what it is about: Regulation 24 placements (approvals, extensions,
 * police protection, s20), children's records (EPO, secure accommodation, proceedings, retention), and any other
 * clock under a STAT- rule. Read only.
 */
export const Statutory = () => {
  const { actor } = useCore()
  const navigation = useNavigation()
  const [pane, setPane] = useState<"subjects" | "clocks">("subjects")
  const { data, error } = useLoad(() => statutoryTracker(actor), [actor])
  const tracked = data?.tracked ?? []
  const [selected] = useSelection(tracked.length, navigation.keysLive && pane === "subjects")
  const current = tracked[selected]
  const clocks = current?.clocks ?? []
  const [clock] = useSelection(clocks.length, navigation.keysLive && pane === "clocks")
  const ruleWidth = useMemo(
    () => columnWidth(tracked.flatMap((subject) => subject.clocks.map((entry) => entry.ruleId)), 11, navigation.columns - beforeRule - 1 - titleRoom),
    [tracked, navigation.columns]
  )
  useLoggedRead(childrenOf(tracked, (subject) => subject.placement !== undefined), ["placement"], "tui: Statutory")
  useLoggedRead(childrenOf(tracked, (subject) => subject.kind === "child" && subject.clocks.some((entry) => entry.ruleId !== "STAT-R50")), ["childRecord.clocks"], "tui: Statutory")
  useLoggedRead(childrenOf(tracked, (subject) => subject.pastRetention), ["childRecord.retention"], "tui: Statutory")
  useKeys((_input, key) => {
    if (key.tab) setPane(pane === "subjects" ? "clocks" : "subjects")
  }, navigation.keysLive)
  if (data === undefined) return <Text>{error ?? "Loading the statutory clocks…"}</Text>
  const listHeight = Math.max(3, Math.min(tracked.length, Math.floor((navigation.rows - 6) / 3)))
  const shown = clocks[pane === "clocks" ? clock : 0]
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">{`${pane === "subjects" ? "▸" : " "} Placements and children's records with statutory clocks (${tracked.length})`}</Text>
      <List
        items={tracked}
        selected={selected}
        height={listHeight}
        focused={pane === "subjects"}
        empty="  No Regulation 24 placement is identified or live, and no statutory clock is open."
        row={(subject) => `${pad(subject.childId ?? subject.id, 13)} ${pad(kindOf(subject), 12)} ${summaryOf(subject, data.now)}`}
      />
      <Text bold wrap="truncate-end">{`${pane === "clocks" ? "▸" : " "} Clocks of ${current === undefined ? "…" : nameOf(current)} (${clocks.length})`}</Text>
      <List
        items={clocks}
        selected={clock}
        height={Math.max(3, navigation.rows - listHeight - 7)}
        focused={pane === "clocks"}
        empty="  No statutory clock is open."
        row={(entry) => `${pad(deadlineState[entry.state], 12)} ${pad(entry.dueText, 22)} ${pad(entry.ruleId, ruleWidth)} ${entry.title}`}
      />
      {shown === undefined ? null : (
        <Box borderStyle="single" paddingX={1}>
          <Text wrap="wrap">{shown.explanation}</Text>
        </Box>
      )}
    </Box>
  )
}
