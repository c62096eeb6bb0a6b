import { Effect, Layer, Ref } from "effect"
import { Deliveries } from "../../src/deliveries/Deliveries.js"
import { type DeliverySummary, WebhookDeliveries, type WebhookOutcome } from "../../src/ports/WebhookDeliveries.js"

/** A delivery from a case system as the store keeps it (newest first by `receivedAt`). */
export const delivery = (deliveryId: string, outcome: WebhookOutcome, receivedAt: string, extra: Partial<DeliverySummary> = {}): DeliverySummary => ({
  deliveryId,
  sourceId: "mosaic",
  eventType: "request.submitted",
  outcome,
  receivedAt,
  updatedAt: receivedAt,
  ...extra
})

/**
 * The webhook receiver's store of deliveries, by authority, as `WebhookDeliveries` promises: newest first, and a
 * replay puts a delivery that did not apply (and was not erased) back as parked, waiting for nothing. Every call is kept.
 */
type Rows = Record<string, ReadonlyArray<DeliverySummary>>

export const deliveriesStore = (byAuthority: Rows) =>
  Effect.gen(function* () {
    const rows = yield* Ref.make(byAuthority)
    const asked: Array<string> = []
    const port = WebhookDeliveries.of({
      list: (authorityId, filter) =>
        Effect.sync(() => asked.push(`list ${authorityId} ${filter.outcome ?? "any"} ${filter.limit}`)).pipe(
          Effect.zipRight(Ref.get(rows)),
          Effect.map((all) =>
            [...(all[authorityId] ?? [])]
              .filter((row) => filter.outcome === undefined || row.outcome === filter.outcome)
              .filter((row) => filter.deliveryId === undefined || row.deliveryId === filter.deliveryId)
              .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))
              .slice(0, filter.limit)
          )
        ),
      requestReplay: (authorityId, deliveryId, at) =>
        Effect.sync(() => asked.push(`replay ${authorityId} ${deliveryId} at ${at}`)).pipe(
          Effect.zipRight(
            Ref.modify(rows, (all): [DeliverySummary | undefined, Rows] => {
              const own = all[authorityId] ?? []
              const found = own.find((row) => row.deliveryId === deliveryId)
              if (found === undefined || found.outcome === "applied" || found.erasedAt !== undefined) return [found, all]
              const { waitingFor: _waitingFor, ...rest } = found
              const replayed: DeliverySummary = { ...rest, outcome: "parked", updatedAt: at }
              return [replayed, { ...all, [authorityId]: own.map((row) => (row.deliveryId === deliveryId ? replayed : row)) }]
            })
          )
        )
    })
    const layer = Deliveries.Default.pipe(Layer.provide(Layer.succeed(WebhookDeliveries, port)))
    const stored = (authorityId: string) => Effect.map(Ref.get(rows), (all) => all[authorityId] ?? [])
    return { asked, layer, stored }
  })
