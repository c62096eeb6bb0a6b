import { formatInstant } from "@carepanel/core"
import { DateTime, Effect } from "effect"
import { Box } from "ink"
import { Text } from "../ui/Text.js"
import { useState } from "react"
import { type DeliveryView, deliveryExplanation, deliveryStateLabel, deliveryViews, listDeliveries, replayDelivery, replayRefusal } from "../data/deliveries.js"
import { useCore, useLoad } from "../ui/CoreContext.js"
import { pad } from "../ui/describe.js"
import type { KeyHelp } from "../ui/keys.js"
import { List, useSelection } from "../ui/List.js"
import { useNavigation } from "../ui/Navigation.js"
import { useCommand } from "../ui/useCommand.js"
import { useKeys } from "../ui/useKeys.js"

export const deliveriesKeys: ReadonlyArray<KeyHelp> = [
  { keys: "o", does: `show the next outcome: ${deliveryViews.join(", ")}` },
  { keys: "r", does: "replay the selected delivery (refused, parked or dead, its body not yet erased): a webhook receiver tries it again" }
]

const when = (iso: string) => formatInstant(DateTime.unsafeMake(iso))

/**
 * Deliveries from case systems (the webhook receiver's, in any process on the store), newest first, by outcome; the
 * selected one's answer in words; `r` replays it. Only what the core's `Deliveries` gives an operator: never a body,
 * so no child's record is read here.
 */
export const Deliveries = () => {
  const { actor } = useCore()
  const navigation = useNavigation()
  const command = useCommand()
  const [view, setView] = useState<DeliveryView>("not applied")
  // Moves on after a replay is asked for: the row changes without any event in the store.
  const [asked, setAsked] = useState(0)
  const { data, error } = useLoad(() => Effect.map(listDeliveries(actor, view), (list) => ({ view, list })), [actor, view, asked])
  // Until the outcome just chosen has loaded, the previous outcome's rows are not shown (nor replayed) under its name.
  const loaded = data?.view === view ? data : undefined
  const deliveries = loaded?.list ?? []
  const [selected] = useSelection(deliveries.length, navigation.keysLive)
  const current = deliveries[selected]
  useKeys((input) => {
    if (input === "o") setView(deliveryViews[(deliveryViews.indexOf(view) + 1) % deliveryViews.length]!)
    if (input === "r" && current !== undefined) {
      const refusal = replayRefusal(current)
      if (refusal !== undefined) return navigation.say({ kind: "refused", text: refusal })
      const { deliveryId } = current
      void command(replayDelivery(actor, deliveryId), `Delivery ${deliveryId} will be tried again by the webhook receiver within seconds.`).then(() =>
        setAsked((n) => n + 1)
      )
    }
  }, navigation.keysLive)
  if (loaded === undefined) return <Text wrap="wrap">{error ?? "Loading the deliveries…"}</Text>
  const wide = navigation.columns >= 110
  // The outcome column fits the widest, which an erased delivery's date widens.
  const stateWidth = Math.max(11, ...deliveries.map((delivery) => deliveryStateLabel(delivery).length + 1))
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">{`Deliveries from case systems: ${deliveries.length} ${view} · o: next outcome`}</Text>
      <List
        items={deliveries}
        selected={selected}
        height={Math.max(3, navigation.rows - 7)}
        focused
        empty={`  No delivery ${view === "not applied" ? "is waiting, refused or dead" : `is ${view}`}.`}
        row={(delivery) => `${pad(deliveryStateLabel(delivery), stateWidth)} ${pad(when(delivery.receivedAt), 22)} ${pad(delivery.deliveryId, wide ? 36 : 20)} ${delivery.sourceId} ${delivery.eventType}`}
      />
      {current === undefined ? null : (
        <Box flexDirection="column" borderStyle="single" paddingX={1}>
          <Text wrap="truncate-end">{`${current.deliveryId} · ${current.sourceId} · ${current.eventType} · received ${when(current.receivedAt)}, changed ${when(current.updatedAt)}`}</Text>
          <Text wrap="wrap">{deliveryExplanation(current)}</Text>
        </Box>
      )}
    </Box>
  )
}
