import { useKeys } from "../ui/useKeys.js"
import { Agendas, londonTimeOf, representedNames, standsInForName, type Sitting as SittingRecord, Sittings } from "@carepanel/core"
import { Box } from "ink"
import { Text } from "../ui/Text.js"
import { Effect } from "effect"
import { useState } from "react"
import { neighbours, reordered, sittingOrNext } from "../data/sittings.js"
import { useCore, useLoad } from "../ui/CoreContext.js"
import { pad, panelName, sittingState, sittingWhen, words } from "../ui/describe.js"
import type { KeyHelp } from "../ui/keys.js"
import { List, useSelection } from "../ui/List.js"
import { type Route, useNavigation } from "../ui/Navigation.js"
import { useCommand } from "../ui/useCommand.js"
import { SittingForm, type SittingAction } from "./SittingForm.js"

export const sittingKeys: ReadonlyArray<KeyHelp> = [
  { keys: "tab", does: "agenda / attendance" },
  { keys: "J K", does: "move the selected agenda item down / up (its time slots follow)" },
  { keys: "b", does: "build the agenda from what is due (accepted, deferred, reviews)" },
  { keys: "p", does: "send the agenda and papers to members" },
  { keys: "s", does: "send papers that were to follow" },
  { keys: "t", does: "record attendance: confirmation, apologies, deputy, observer, members away represented (space adds or removes)" },
  { keys: "c", does: "the chair's quorum decision" },
  { keys: "m", does: "meeting mode from the selected item" },
  { keys: "< >", does: "previous / next sitting of the panel" }
]

/** Whom an entry covers, after the membership: a deputy's member, or the members away a member present represents (KNO-2). */
const coverWords = (entry: SittingRecord["attendance"][number], attendance: SittingRecord["attendance"]) =>
  entry.status === "deputy"
    ? ` for ${standsInForName(entry, attendance) ?? "a member"}`
    : (entry.represents ?? []).length > 0
      ? ` representing ${representedNames(entry, attendance).join(", ")}`
      : ""

/** One sitting: its agenda with time slots, its papers, its attendance and quorum. */
export const Sitting = ({ route }: { readonly route: Route }) => {
  const { actor, policy } = useCore()
  const navigation = useNavigation()
  const command = useCommand()
  const [pane, setPane] = useState<"agenda" | "attendance">("agenda")
  const [action, setAction] = useState<SittingAction | undefined>(undefined)
  const requested = route.name === "sitting" ? route.sittingId : undefined
  const { data, error } = useLoad(
    () =>
      Effect.gen(function* () {
        const sitting = yield* sittingOrNext(actor, requested)
        return sitting === undefined ? undefined : { sitting, around: yield* neighbours(actor, sitting) }
      }),
    [actor, requested]
  )
  const sitting: SittingRecord | undefined = data?.sitting
  const agenda = sitting?.agenda ?? []
  const [selected, setSelected] = useSelection(pane === "agenda" ? agenda.length : (sitting?.attendance.length ?? 0), navigation.keysLive)
  useKeys((input, key) => {
      if (sitting === undefined) return
      if (key.tab) return setPane(pane === "agenda" ? "attendance" : "agenda")
      if (input === "J" || input === "K") {
        const entries = reordered(sitting.agenda, selected, input === "J" ? 1 : -1)
        if (entries === undefined) return
        setSelected(selected + (input === "J" ? 1 : -1))
        return command(Effect.flatMap(Sittings, (use) => use.buildAgenda(actor, sitting.id, entries)), "Agenda reordered; the time slots follow the new order.")
      }
      if (input === "b") return command(Effect.flatMap(Agendas, (use) => use.build(actor, sitting.id)), "Agenda built from what is due.")
      if (input === "p") return command(Effect.flatMap(Sittings, (use) => use.publishAgenda(actor, sitting.id)), "Agenda and papers sent to members.")
      if (input === "s") return command(Effect.flatMap(Sittings, (use) => use.sendPapers(actor, sitting.id)), "Papers sent to members.")
      if (input === "t") return setAction("attendance")
      if (input === "c") return setAction("quorum")
      if (input === "m" || (key.return && pane === "agenda")) return navigation.go({ name: "meeting", sittingId: sitting.id })
      if (input === "<" && data?.around.previous) return navigation.go({ name: "sitting", sittingId: data.around.previous })
      if (input === ">" && data?.around.next) return navigation.go({ name: "sitting", sittingId: data.around.next })
    }, navigation.keysLive)
  if (data === undefined) return <Text>{error ?? "Loading the sitting…"}</Text>
  if (sitting === undefined) return <Text>No sittings are scheduled.</Text>
  const height = Math.max(3, navigation.rows - 4 - (action === undefined ? 0 : 6))
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">{`${panelName(policy, sitting.panelId)} · ${sittingWhen(sitting)} · ${sittingState(sitting)}`}</Text>
      <Text wrap="truncate-end">{`${pane === "agenda" ? "▸ Agenda" : "  Agenda"} (${agenda.length})   ${pane === "attendance" ? "▸ Attendance" : "  Attendance"} (${sitting.attendance.length})${sitting.quorum === undefined ? "" : ` · quorum: ${sitting.quorum.enough ? "✓ enough" : "✗ not enough"} (${sitting.quorum.by.name})`}`}</Text>
      {pane === "agenda" ? (
        <List
          items={agenda}
          selected={selected}
          height={height}
          focused={action === undefined}
          empty="  Nothing on the agenda yet: b builds it from what is due."
          row={(item) => `${londonTimeOf(item.startsAt)}-${londonTimeOf(item.endsAt)} ${pad(item.kind, 13)} ${pad(item.referralId, 14)} ${item.summary}`}
        />
      ) : (
        <List
          items={sitting.attendance}
          selected={selected}
          height={height}
          focused={action === undefined}
          empty="  No attendance recorded: t records a confirmation, apologies, a deputy or an observer."
          row={(entry) => `${pad(entry.status === "present" ? "✓ present" : entry.status === "apologies" ? "✗ apologies" : `· ${entry.status}`, 13)} ${pad(entry.name, 20)} ${pad(entry.seat, 16)} ${words(entry.membership)}${coverWords(entry, sitting.attendance)}`}
        />
      )}
      {action === undefined ? null : <SittingForm sitting={sitting} action={action} onDone={() => setAction(undefined)} />}
    </Box>
  )
}
