import { type Actor, Deliveries, type DeliverySummary, formatDate, londonDateOf, type WebhookOutcome } from "@carepanel/core"
import { DateTime, Effect } from "effect"

/** What the Deliveries screen lists: what did not apply (the default: what an operator acts on), or one outcome. */
export const deliveryViews = ["not applied", "dead", "refused", "parked", "applied"] as const
export type DeliveryView = (typeof deliveryViews)[number]

const notApplied: ReadonlyArray<WebhookOutcome> = ["dead", "refused", "parked"]
const limit = 200

/** Newest first, through the core's `Deliveries` (integrators and panel administrators only); never a body. */
export const listDeliveries = (actor: Actor, view: DeliveryView) =>
  Effect.gen(function* () {
    const deliveries = yield* Deliveries
    if (view !== "not applied") return yield* deliveries.list(actor, { outcome: view, limit })
    const lists = yield* Effect.forEach(notApplied, (outcome) => deliveries.list(actor, { outcome, limit }))
    return lists
      .flat()
      .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.deliveryId.localeCompare(a.deliveryId))
      .slice(0, limit)
  })

/** Asks for the delivery to be tried again by whichever receiver runs on the store (the core refuses an applied one). */
export const replayDelivery = (actor: Actor, deliveryId: string) => Effect.flatMap(Deliveries, (deliveries) => deliveries.replay(actor, deliveryId))

/** The day its body was erased ("Mon 28 Jun 2027"), after the receiver's retention period; undefined while it is kept. */
const erasedOn = (delivery: DeliverySummary): string | undefined =>
  delivery.erasedAt === undefined ? undefined : formatDate(londonDateOf(DateTime.unsafeMake(delivery.erasedAt)))

/** Words and symbols for each outcome (never colour alone); a parked delivery with nothing to wait for is a replay asked for. */
export const deliveryState = (delivery: DeliverySummary): string => {
  if (delivery.outcome === "parked" && delivery.waitingFor === undefined) return "↻ to retry"
  return { applied: "✓ applied", refused: "✗ refused", parked: "◌ parked", dead: "‼ dead" }[delivery.outcome]
}

/** The outcome and, for a delivery whose body was erased, when ("✗ refused, erased Mon 28 Jun 2027"). */
export const deliveryStateLabel = (delivery: DeliverySummary): string => {
  const erased = erasedOn(delivery)
  return erased === undefined ? deliveryState(delivery) : `${deliveryState(delivery)}, erased ${erased}`
}

/**
 * Why `r` cannot replay it, for the status line; undefined when the core may be asked. An erased body cannot be tried
 * again (the core would refuse it too), so the screen says so at once, with the day as the screen shows it.
 */
export const replayRefusal = (delivery: DeliverySummary): string | undefined => {
  const erased = erasedOn(delivery)
  return erased === undefined
    ? undefined
    : `Cannot replay: this delivery's body was erased on ${erased}, after the receiver's retention period. Ask the case system to send it again.`
}

/** What became of it, in a line an operator can act on. */
export const deliveryExplanation = (delivery: DeliverySummary): string => {
  const erased = erasedOn(delivery)
  if (erased !== undefined) {
    // Only a refused or dead delivery is erased, and its answer's words went with the body: its code is left.
    const outcome = delivery.outcome === "refused" ? `Refused${delivery.code === undefined ? "" : ` (${delivery.code})`}` : "Dead"
    return `${outcome}. Its body was erased on ${erased}, after the receiver's retention period, so it cannot be replayed: the case system can send the event again under a new webhook-id.`
  }
  // The core's words end their sentence; this line goes on after them.
  const said = delivery.message === undefined ? "" : `: ${delivery.message.replace(/\.$/, "")}`
  switch (delivery.outcome) {
    case "applied":
      return "Applied. Nothing to do."
    case "refused":
      return `Refused${delivery.code === undefined ? "" : ` (${delivery.code})`}${said}. Replay once the case system's record is put right (r).`
    case "parked":
      return delivery.waitingFor === undefined
        ? "A replay was asked for: the next webhook receiver on the store tries it within seconds."
        : `Waiting for ${delivery.waitingFor} to arrive from the case system; applied when it does.`
    case "dead":
      return `Dead: it waited too long${delivery.waitingFor === undefined ? "" : ` for ${delivery.waitingFor}`}. Replay it (r) once that record has arrived.`
  }
}
