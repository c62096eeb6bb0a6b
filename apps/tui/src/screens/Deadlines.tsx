import { type Deadline, Deadlines as DeadlinesService, formatInstant } from "@carepanel/core"
import { Box } from "ink"
import { Text } from "../ui/Text.js"
import { Effect } from "effect"
import { useMemo, useState } from "react"
import { useCore, useLoad } from "../ui/CoreContext.js"
import { deadlineState, pad, columnWidth, whoseClock } from "../ui/describe.js"
import { Form, type Values } from "../ui/Form.js"
import type { KeyHelp } from "../ui/keys.js"
import { List, useSelection } from "../ui/List.js"
import { useNavigation } from "../ui/Navigation.js"
import { useKeys } from "../ui/useKeys.js"
import { useTypingMode } from "../ui/useCommand.js"

export const deadlinesKeys: ReadonlyArray<KeyHelp> = [
  { keys: "f", does: "filter by rule, panel, person or anything in the clock's title" },
  { keys: "x", does: "clear the filter" }
]

/** The list's margin, the state and the due instant, each with its space. */
const beforeRule = 2 + 12 + 1 + 22 + 1
/** What a row keeps for the clock's title before the rule id gives way. */
const titleRoom = 24

const urgency: Record<Deadline["state"], number> = { overdue: 0, due_soon: 1, pending: 2, met: 3 }

/** Overdue and due-soon first, then by when they are due. */
export const byUrgency = (a: Deadline, b: Deadline): number =>
  urgency[a.state] - urgency[b.state] || a.due.epochMillis - b.due.epochMillis

/** Case-insensitive match on the rule id, the title, the explanation (which name the panel and the people) and the children. */
export const matches = (deadline: Deadline, filter: string): boolean => {
  const wanted = filter.trim().toLowerCase()
  return (
    wanted === "" || [deadline.ruleId, deadline.title, deadline.explanation, deadline.about.kind, whoseClock(deadline)].some((text) => text.toLowerCase().includes(wanted))
  )
}

const FilterForm = ({ values, onChange, onDone }: { readonly values: Values; readonly onChange: (values: Values) => void; readonly onDone: () => void }) => {
  const { helpOpen } = useNavigation()
  useTypingMode()
  return <Form title="Filter the clocks" fields={[{ key: "filter", label: "Rule, panel or person" }]} values={values} onChange={onChange} onSubmit={onDone} onCancel={onDone} active={!helpOpen} />
}

/** Every open clock with the rule it comes from and its explanation, most urgent first. */
export const Deadlines = () => {
  const { actor } = useCore()
  const navigation = useNavigation()
  const [filtering, setFiltering] = useState(false)
  const [values, setValues] = useState<Values>({})
  const { data, error } = useLoad(() => Effect.flatMap(DeadlinesService, (use) => use.forAuthority(actor)), [actor])
  const filter = values.filter ?? ""
  // Sorted once per read or filter, not on every key: with ten thousand clocks that is the difference in a keypress.
  const shown = useMemo(() => (data ?? []).filter((deadline) => matches(deadline, filter)).sort(byUrgency), [data, filter])
  // Whose case each clock is about, so that six clocks of one rule can be told apart (a sibling group's ids end with …).
  const whoseWidth = useMemo(() => columnWidth(shown.map(whoseClock), 5, 16), [shown])
  // Carepanel's defaults carry longer ids (DEF-DISAGREEMENT-5WD) than the seeds' rules: whole where the title keeps its room.
  const ruleWidth = useMemo(
    () => columnWidth(shown.map((deadline) => deadline.ruleId), 8, navigation.columns - beforeRule - whoseWidth - 2 - titleRoom),
    [shown, whoseWidth, navigation.columns]
  )
  const overdue = useMemo(() => shown.filter((deadline) => deadline.state === "overdue").length, [shown])
  const [selected] = useSelection(shown.length, navigation.keysLive)
  useKeys((input) => {
    if (input === "f") setFiltering(true)
    if (input === "x") setValues({})
  }, navigation.keysLive)
  if (data === undefined) return <Text>{error ?? "Loading the clocks…"}</Text>
  const current = shown[selected]
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">{`Clocks: ${shown.length} open · ‼ ${overdue} overdue${values.filter?.trim() ? ` · filter "${values.filter.trim()}" (x clears)` : ""}`}</Text>
      <List
        items={shown}
        selected={selected}
        height={Math.max(3, navigation.rows - (filtering ? 10 : 6))}
        focused={!filtering}
        empty="  No open clocks match."
        row={(deadline) =>
          `${pad(deadlineState[deadline.state], 12)} ${pad(formatInstant(deadline.due), 22)} ${pad(deadline.ruleId, ruleWidth)} ${pad(whoseClock(deadline) || "-", whoseWidth)} ${deadline.title}`
        }
      />
      {filtering ? (
        <FilterForm values={values} onChange={setValues} onDone={() => setFiltering(false)} />
      ) : current === undefined ? null : (
        <Box borderStyle="single" paddingX={1}>
          <Text wrap="wrap">{`${current.title}${whoseClock(current) ? ` (${whoseClock(current)})` : ""}\n${current.explanation}`}</Text>
        </Box>
      )}
    </Box>
  )
}
