import { Clock, Duration, Effect, Random, Schedule } from "effect"
import type { Notifier } from "../ports/Notifier.js"
import { Outbox } from "../ports/Outbox.js"
import type { PersistenceError } from "../shared/errors.js"
import type { DispatcherConfig } from "./DispatcherConfig.js"
import { deliverEntry } from "./deliverEntry.js"

/** What one pass did, by notification id. */
export interface DispatchReport {
  readonly delivered: ReadonlyArray<string>
  readonly retrying: ReadonlyArray<string>
  readonly dead: ReadonlyArray<string>
}

const attemptedIn = (report: DispatchReport): number =>
  report.delivered.length + report.retrying.length + report.dead.length

/** A name for one dispatcher's leases, different for every dispatcher (and every process) sharing a store. */
export const dispatcherOwner = Effect.map(
  Effect.all(Array.from({ length: 4 }, () => Random.nextIntBetween(0, 0x10000))),
  (parts) => `dispatcher-${parts.map((part) => part.toString(16).padStart(4, "0")).join("")}`
)

/**
 * One pass over the outbox for the config's channel: claims that channel's entries due now under a lease (committed rows only: a rolled-back
 * command never wrote any; entries another dispatcher holds are skipped) and tries each once, which releases
 * it. Uses only the Outbox and Notifier ports and Effect's Clock and Random.
 */
export const dispatchOnce = (
  config: DispatcherConfig,
  owner?: string
): Effect.Effect<DispatchReport, PersistenceError, Outbox | Notifier> =>
  Effect.gen(function* () {
    const outbox = yield* Outbox
    const now = yield* Clock.currentTimeMillis
    const lease = { owner: owner ?? (yield* dispatcherOwner), until: new Date(now + config.leaseMs).toISOString() }
    const due = yield* outbox.claim(config.channel, new Date(now).toISOString(), config.batchSize, lease)
    // A stopping dispatcher hands back what it claimed, so another takes it at once rather than when the lease
    // ends (releasing an entry already delivered or failed changes nothing).
    const releaseAll = Effect.forEach(due, (entry) => outbox.release(config.channel, entry.notification.id), { discard: true }).pipe(Effect.ignoreLogged)
    const outcomes = yield* Effect.forEach(
      due,
      (entry) => Effect.map(deliverEntry(entry, config), (outcome) => [entry.notification.id, outcome] as const),
      { concurrency: config.concurrency }
    ).pipe(Effect.onInterrupt(() => releaseAll))
    const idsOf = (wanted: string) => outcomes.filter(([, outcome]) => outcome === wanted).map(([id]) => id)
    return { delivered: idsOf("delivered"), retrying: idsOf("retrying"), dead: idsOf("dead") }
  })

/** Passes until one finds less than a full batch, so a backlog drains without waiting for the interval. */
const drain = (config: DispatcherConfig, owner: string) =>
  dispatchOnce(config, owner).pipe(Effect.repeat({ while: (report) => attemptedIn(report) === config.batchSize }))

/**
 * Runs the dispatcher until interrupted: a pass, then `intervalMs` of rest, and again. A failing store is
 * logged and tried again next interval; it never stops the loop. Start it after the app's store is up
 * (it only ever sees committed outbox rows) and interrupt its fiber to stop it.
 */
export const runDispatcher = (config: DispatcherConfig): Effect.Effect<never, never, Outbox | Notifier> =>
  Effect.flatMap(dispatcherOwner, (owner) =>
    drain(config, owner).pipe(
      Effect.catchAll((error) =>
        Effect.logError("Outbox dispatch failed; trying again next interval").pipe(
          Effect.annotateLogs({ channel: config.channel, operation: error.operation, error: error.message })
        )
      ),
      Effect.repeat(Schedule.spaced(Duration.millis(config.intervalMs))),
      Effect.andThen(Effect.never)
    )
  )
