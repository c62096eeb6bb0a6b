import { Clock, Duration, Effect, Schedule } from "effect"
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

/**
 * One pass over the outbox: reads the entries due now (committed rows only: a rolled-back command never
 * wrote any) and tries each once. Uses only the Outbox and Notifier ports and Effect's Clock and Random.
 */
export const dispatchOnce = (
  config: DispatcherConfig
): Effect.Effect<DispatchReport, PersistenceError, Outbox | Notifier> =>
  Effect.gen(function* () {
    const outbox = yield* Outbox
    const now = yield* Clock.currentTimeMillis
    const due = yield* outbox.due(new Date(now).toISOString(), config.batchSize)
    const outcomes = yield* Effect.forEach(
      due,
      (entry) => Effect.map(deliverEntry(entry, config), (outcome) => [entry.notification.id, outcome] as const),
      { concurrency: config.concurrency }
    )
    const idsOf = (wanted: string) => outcomes.filter(([, outcome]) => outcome === wanted).map(([id]) => id)
    return { delivered: idsOf("delivered"), retrying: idsOf("retrying"), dead: idsOf("dead") }
  })

/** Passes until one finds less than a full batch, so a backlog drains without waiting for the interval. */
const drain = (config: DispatcherConfig) =>
  dispatchOnce(config).pipe(Effect.repeat({ while: (report) => attemptedIn(report) === config.batchSize }))

/**
 * Runs the dispatcher until interrupted: a pass, then `intervalMs` of rest, and again. A failing store is
 * logged and tried again next interval; it never stops the loop. Start it after the app's store is up
 * (it only ever sees committed outbox rows) and interrupt its fiber to stop it.
 */
export const runDispatcher = (config: DispatcherConfig): Effect.Effect<never, never, Outbox | Notifier> =>
  drain(config).pipe(
    Effect.catchAll((error) =>
      Effect.logError("Outbox dispatch failed; trying again next interval").pipe(
        Effect.annotateLogs({ operation: error.operation, error: error.message })
      )
    ),
    Effect.repeat(Schedule.spaced(Duration.millis(config.intervalMs))),
    Effect.andThen(Effect.never)
  )
