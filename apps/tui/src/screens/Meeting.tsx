import { useKeys } from "../ui/useKeys.js"
import { type Decision, Decisions, describeSharedFunding, londonTimeOf, type Referral, reviewDate, SittingId, Sittings } from "@carepanel/core"
import { Box } from "ink"
import { Text } from "../ui/Text.js"
import { Effect } from "effect"
import { useState } from "react"
import { agendaRequests } from "../data/sittings.js"
import { useCore, useLoad } from "../ui/CoreContext.js"
import { counted, pad, sittingWhen, untilInWords, words } from "../ui/describe.js"
import type { KeyHelp } from "../ui/keys.js"
import { List, useSelection } from "../ui/List.js"
import { type Route, useNavigation } from "../ui/Navigation.js"
import { MeetingForm, type MeetingAction } from "./MeetingForm.js"
import { useNow } from "../ui/useNow.js"

export const meetingKeys: ReadonlyArray<KeyHelp> = [
  { keys: "enter d", does: "record the panel's decision on the selected item" },
  { keys: "x", does: "record a member's dissent from the item's decision" },
  { keys: "n", does: "next item" },
  { keys: "esc", does: "back to the sitting" }
]

/** "⏱ 12 min left in the slot", or how far over it the panel has run. */
const slotClock = (startsAt: Date, endsAt: Date, now: Date): string => {
  if (now < startsAt) return `⏱ slot starts in ${untilInWords(Math.ceil((startsAt.getTime() - now.getTime()) / 60_000))}`
  const left = Math.round((endsAt.getTime() - now.getTime()) / 60_000)
  return left >= 0 ? `⏱ ${left} min left in the slot` : `⏱ ${-left} min over the slot`
}

/** Item by item: the decision (outcome, rationale, review date, actions with owner and due date), dissent, then the next item. */
export const Meeting = ({ route }: { readonly route: Route }) => {
  const { actor, policy } = useCore()
  const navigation = useNavigation()
  const [action, setAction] = useState<MeetingAction | undefined>(undefined)
  const sittingId = route.name === "meeting" ? route.sittingId : ""
  const { data, error } = useLoad(
    () =>
      Effect.gen(function* () {
        const sitting = yield* Effect.flatMap(Sittings, (use) => use.get(actor, SittingId.make(sittingId)))
        const requests = yield* agendaRequests(actor, sitting)
        const decisions = yield* Effect.forEach(requests, (request) => {
          const hearing = request.hearings.findLast((candidate) => candidate.sittingId === sitting.id)
          return hearing === undefined ? Effect.succeed(undefined) : Effect.flatMap(Decisions, (use) => use.get(actor, hearing.decisionId))
        })
        return { sitting, requests, decisions }
      }),
    [actor, sittingId]
  )
  const now = useNow(1000)
  const items = data?.sitting.agenda ?? []
  const [selected, setSelected] = useSelection(items.length, navigation.keysLive)
  const request: Referral | undefined = data?.requests[selected]
  const decision: Decision | undefined = data?.decisions[selected]
  useKeys((input, key) => {
      if (request === undefined) return
      if (key.return || input === "d") setAction("decide")
      if (input === "x") setAction("dissent")
      if (input === "n") setSelected(Math.min(items.length - 1, selected + 1))
    }, navigation.keysLive)
  if (data === undefined) return <Text>{error ?? "Loading the meeting…"}</Text>
  const item = items[selected]
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">{`Meeting · ${sittingWhen(data.sitting)} · item ${selected + 1} of ${items.length}${item && now ? ` · ${slotClock(new Date(item.startsAt.epochMillis), new Date(item.endsAt.epochMillis), now)}` : ""}`}</Text>
      <List
        items={items}
        selected={selected}
        height={action === undefined ? Math.max(3, Math.min(items.length, navigation.rows - 9)) : 3}
        focused={action === undefined}
        empty="  Nothing on the agenda."
        row={(entry, index) => `${londonTimeOf(entry.startsAt)} ${pad(data.decisions[index] ? `✓ ${data.decisions[index].content.outcome}` : "· to hear", 11)} ${pad(entry.referralId, 14)} ${entry.summary}`}
      />
      {request === undefined ? null : action !== undefined ? (
        <MeetingForm key={`${request.id}-${action}`} sitting={data.sitting} request={request} decision={decision} action={action} onDone={() => setAction(undefined)} height={Math.max(3, navigation.rows - 8)} />
      ) : (
        <Box flexDirection="column" borderStyle="single" paddingX={1}>
          <Text wrap="truncate-end">{`${request.id} · asks for ${request.form.requestTypes.map(words).join(", ")} · children ${request.form.children.map((child) => child.childId).join(", ")}`}</Text>
          {decision === undefined ? (
            <Text>Not decided yet: enter records the panel's decision.</Text>
          ) : (
            <>
              <Text wrap="truncate-end">{`Decided: ${decision.content.outcome} (${decision.id}) · ${decision.content.rationale}`}</Text>
              <Text wrap="truncate-end">{`Review: ${reviewDate(decision, policy) ?? "none set"} · ${counted(decision.content.actions.length, "action")}`}</Text>
              {decision.content.sharedFunding === undefined ? null : (
                <Text wrap="truncate-end">{`Shared funding: ${describeSharedFunding(decision.content.sharedFunding)}`}</Text>
              )}
              {decision.content.actions.map((planned) => (
                <Text key={planned.actionId} wrap="truncate-end">{`  → ${planned.description} · ${words(planned.ownerRole)}${planned.ownerName ? ` (${planned.ownerName})` : ""} · due ${planned.dueDate}`}</Text>
              ))}
            </>
          )}
        </Box>
      )}
    </Box>
  )
}
