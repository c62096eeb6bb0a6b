import { Outbox } from "@carepanel/core"
import { Clock, Context, Effect, Layer, Option } from "effect"
import { recordOutboxLag } from "./metrics.js"

// biome-ignore lint/suspicious/noExplicitAny: any service of any tag
export type AnyTag = Context.Tag<any, any>

/** `@carepanel/core/EventStore` -> `EventStore`. */
const shortName = (tag: AnyTag): string => tag.key.slice(tag.key.lastIndexOf("/") + 1)

/**
 * The service with every method that answers an effect wrapped in a span named `<name>.<method>`. Only the names go
 * into the span: no argument is ever recorded (they hold children's details).
 */
export const tracedService = <S extends object>(service: S, name: string): S =>
  Object.fromEntries(
    Object.entries(service).map(([method, value]) => [
      method,
      typeof value === "function"
        ? (...args: ReadonlyArray<unknown>) => {
            const answer = value.apply(service, args)
            return Effect.isEffect(answer) ? Effect.withSpan(answer, `${name}.${method}`, { captureStackTrace: false }) : answer
          }
        : value
    ])
  ) as S

/** The Outbox with each claimed entry's wait since it fell due recorded (`carepanel.outbox.lag`). */
const measuredOutbox = (outbox: Context.Tag.Service<Outbox>): Context.Tag.Service<Outbox> => ({
  ...outbox,
  claim: (channel, now, limit, lease) =>
    outbox.claim(channel, now, limit, lease).pipe(
      Effect.tap((entries) =>
        Effect.map(Clock.currentTimeMillis, (millis) => {
          for (const entry of entries) recordOutboxLag(channel, (millis - Date.parse(entry.nextAttemptAt)) / 1000)
        })
      )
    )
})

const traceIn = (context: Context.Context<never>, tags: ReadonlyArray<AnyTag>, prefix: string): Context.Context<never> =>
  tags.reduce(
    (traced, tag) =>
      Option.match(Context.getOption(traced, tag), {
        onNone: () => traced,
        onSome: (service) => Context.add(traced, tag, tracedService(tag === Outbox ? measuredOutbox(service) : service, `${prefix}.${shortName(tag)}`))
      }),
    context
  )

/**
 * The layer with the services of `tags` it provides traced (`store.EventStore.append`, `core.Referrals.submit`), and
 * the Outbox's lag measured; the other services unchanged.
 */
export const tracedLayer =
  (tags: ReadonlyArray<AnyTag>, prefix: string) =>
  <A, E, R>(layer: Layer.Layer<A, E, R>): Layer.Layer<A, E, R> =>
    Layer.map(layer, (context) => traceIn(context as Context.Context<never>, tags, prefix) as Context.Context<A>)
