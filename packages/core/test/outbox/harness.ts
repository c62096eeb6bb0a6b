import { Cause, Context, Effect, Logger, LogLevel, Ref } from "effect"
import type { Notification } from "../../src/ports/Notification.js"
import { type DeliveryFailed, Notifier } from "../../src/ports/Notifier.js"
import { Outbox, type OutboxEntry } from "../../src/ports/Outbox.js"
import { AuthorityId } from "../../src/shared/ids.js"
import { makeInMemoryStore } from "../../src/testing/InMemoryStore.js"

export const authorityId = AuthorityId.make("north-somerset")

export const notification = (id: string): Notification => ({
  id,
  authorityId,
  kind: "referral.received",
  recipients: [{ _tag: "RoleHolder", role: "panel_administrator" }],
  headline: "A new request is waiting for triage",
  body: ["A request arrived."],
  facts: { referralId: `referral-${id}` }
})

/** What the notifier does on the `attempt`-th delivery (1-based) of one notification. */
export type Script = (notification: Notification, attempt: number) => Effect.Effect<void, DeliveryFailed>

/** An in-memory store and a notifier following a script, recording every notification it was handed. */
export const harness = (script: Script) =>
  Effect.gen(function* () {
    const store = yield* makeInMemoryStore
    const handed = yield* Ref.make<ReadonlyArray<Notification>>([])
    const notifier = Notifier.of({
      deliver: (n) =>
        Ref.modify(handed, (all) => [all.filter((seen) => seen.id === n.id).length + 1, [...all, n]]).pipe(
          Effect.flatMap((attempt) => script(n, attempt))
        )
    })
    const context = Context.make(Outbox, store.outbox).pipe(Context.add(Notifier, notifier))
    /** Appends one command's event with its notifications to a stream, as a use case would. */
    const append = (streamId: string, expectedVersion: number, notifications: ReadonlyArray<Notification>) =>
      store.eventStore.append({
        stream: { authorityId, streamType: "test", id: streamId },
        expectedVersion,
        events: [{ type: "Happened", data: {} }],
        readModels: [],
        notifications
      })
    /** Commits notifications on a new stream named after the first. */
    const commit = (...notifications: ReadonlyArray<Notification>) =>
      append(notifications[0]?.id ?? "empty", 0, notifications)
    /** Provides the store's outbox and the notifier, with the dispatcher's retry warnings kept quiet. */
    const provide = <A, E>(effect: Effect.Effect<A, E, Outbox | Notifier>) =>
      effect.pipe(Effect.provide(context), Logger.withMinimumLogLevel(LogLevel.Error))
    const calls = Effect.map(Ref.get(handed), (all) => all.map((n) => n.id))
    const entry = (id: string) =>
      Effect.flatMap(store.outbox.get("email", id), (found): Effect.Effect<OutboxEntry> =>
        found ? Effect.succeed(found) : Effect.dieMessage(`no outbox entry ${id}`)
      )
    return { store, handed, calls, context, provide, append, commit, entry }
  })

/** Milliseconds from the test clock's now to the entry's next attempt. */
export const waitOf = (entry: OutboxEntry, nowMs: number): number => Date.parse(entry.nextAttemptAt) - nowMs

/** A log line as an operator reads it: level, message and annotations. */
export interface LogLine {
  readonly level: string
  readonly message: string
  readonly annotations: Record<string, unknown>
  /** The cause logged with the line, as Effect prints it, where there is one. */
  readonly cause?: string
}

/** A logger keeping every line it is given, in place of the default one. */
export const keptLogs = () => {
  const lines: Array<LogLine> = []
  const logger = Logger.make<unknown, void>(({ logLevel, message, annotations, cause }) => {
    lines.push({
      level: logLevel.label,
      message: (Array.isArray(message) ? message : [message]).map(String).join(" "),
      annotations: Object.fromEntries(annotations),
      ...(Cause.isEmpty(cause) ? {} : { cause: Cause.pretty(cause) })
    })
  })
  return { lines, layer: Logger.replace(Logger.defaultLogger, logger) }
}
