import { formatInstant, type Referral } from "@carepanel/core"
import { Box } from "ink"
import { Text } from "../ui/Text.js"
import { useState } from "react"
import { listRequests } from "../data/requests.js"
import { useCore, useLoad } from "../ui/CoreContext.js"
import { counted, pad, referralState, words } from "../ui/describe.js"
import { Form, type Values } from "../ui/Form.js"
import type { KeyHelp } from "../ui/keys.js"
import { List, useSelection } from "../ui/List.js"
import { type Route, useNavigation } from "../ui/Navigation.js"
import { useTypingMode } from "../ui/useCommand.js"
import { useKeys } from "../ui/useKeys.js"
import { useLoggedRead } from "../ui/useLoggedRead.js"

export const searchKeys: ReadonlyArray<KeyHelp> = [
  { keys: "/ e", does: "search again" },
  { keys: "enter", does: "open the selected request's sitting" }
]

/** Requests whose id, child id or decision id is the one asked for (exactly; ids are what people are given). */
export const found = (requests: ReadonlyArray<Referral>, query: string): ReadonlyArray<Referral> => {
  const id = query.trim()
  if (id === "") return []
  return requests.filter(
    (request) => request.id === id || request.form.children.some((child) => child.childId === id) || request.hearings.some((hearing) => hearing.decisionId === id)
  )
}

const QueryForm = ({ values, onChange, onDone }: { readonly values: Values; readonly onChange: (values: Values) => void; readonly onDone: () => void }) => {
  const { helpOpen } = useNavigation()
  useTypingMode()
  return <Form title="Search" fields={[{ key: "query", label: "Child, request or decision id" }]} values={values} onChange={onChange} onSubmit={onDone} onCancel={onDone} active={!helpOpen} />
}

/** Search by child, request or decision id; a child's history: every request about them and what was decided. */
export const Search = ({ route }: { readonly route: Route }) => {
  const { actor } = useCore()
  const navigation = useNavigation()
  const [values, setValues] = useState<Values>({ query: route.name === "search" ? (route.query ?? "") : "" })
  const [asking, setAsking] = useState(true)
  const { data, error } = useLoad(() => listRequests(actor), [actor])
  const results = asking ? [] : found(data ?? [], values.query ?? "")
  const [selected] = useSelection(results.length, navigation.keysLive)
  // The history shown is a read of these children's records: logged as the API logs `history`.
  useLoggedRead([...new Set(results.flatMap((request) => request.form.children.map((child) => child.childId)))], ["history"], "tui: Search")
  useKeys((input, key) => {
    if (input === "/" || input === "e") setAsking(true)
    const sittingId = results[selected]?.sittingId
    if (key.return && sittingId !== undefined) navigation.go({ name: "sitting", sittingId })
  }, navigation.keysLive)
  if (asking) return <QueryForm values={values} onChange={setValues} onDone={() => setAsking(false)} />
  if (data === undefined) return <Text>{error ?? "Loading…"}</Text>
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">{`"${values.query?.trim() ?? ""}": ${counted(results.length, "request")} (/ to search again)`}</Text>
      <List
        items={results}
        selected={selected}
        height={Math.max(3, navigation.rows - 3)}
        focused
        empty="  Nothing has that id: a child's id (wx-child-01), a request's (ref_...) or a decision's (dec_...)."
        row={(request) => (
          <Box flexDirection="column">
            <Text wrap="truncate-end">{`${pad(referralState[request.status], 20)} ${request.id} · ${request.form.requestTypes.map(words).join(", ")} · made ${formatInstant(request.createdAt)}`}</Text>
            {request.hearings.map((hearing) => (
              <Text key={hearing.decisionId} wrap="truncate-end">{`    ${formatInstant(hearing.at)} ${hearing.outcome} (${hearing.decisionId})`}</Text>
            ))}
          </Box>
        )}
      />
    </Box>
  )
}
