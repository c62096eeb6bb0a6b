import type { Server } from "node:http"
import type { AddressInfo } from "node:net"
import { atMostEvery, defaultKeepAliveSeconds, defaultStoreAnswerSeconds, flushEvery, flushIntervalMs, observeHttpServer, type RateLimit, RateLimiter, routeNamer, type TelemetrySettings, telemetryOrOff, jsonLoggerTo } from "@carepanel/app-kit"
import { serve } from "@hono/node-server"
import { type AuthorityPolicy, dispatcherConfig, type Notifier, RateCounters, runDispatcher } from "@carepanel/core"
import { GroupedWrites, type StoreServices } from "@carepanel/store-sql"
import type { SqlClient } from "@effect/sql"
import { Cause, Effect, Exit, Fiber, Layer, Logger, LogLevel, ManagedRuntime } from "effect"
import { Hono } from "hono"
import { defaultKeepRefusedDays, defaultSourceRateLimit } from "../config/config.js"
import type { SourcesFile } from "../config/sources.js"
import { decisionSheetRoute } from "../http/decisionSheetRoute.js"
import { healthRoutes } from "../http/healthRoutes.js"
import { openApiRoute } from "../http/openApi.js"
import { noSuchRoute, respond } from "../http/respond.js"
import { makeRunner } from "../http/runner.js"
import { webhookRoute } from "../http/webhookRoute.js"
import { receiverLayer } from "./appLayer.js"
import { retryReplays } from "../inbox/replays.js"
import { sweepParked } from "./sweepParked.js"
import { sweepRefused } from "./sweepRefused.js"

export interface ReceiverOptions {
  readonly host: string
  /** 0 picks a free port (tests). */
  readonly port: number
  readonly policies: ReadonlyArray<AuthorityPolicy>
  readonly sources: SourcesFile
  readonly store: Layer.Layer<StoreServices, unknown>
  /** The webhook channel's notifier (`outboundNotifier`); it may read the store. */
  readonly notifier: Layer.Layer<Notifier, unknown, SqlClient.SqlClient>
  readonly bodyLimitBytes?: number
  /** How long an idle sender's connection is kept for its next delivery; app-kit's `defaultKeepAliveSeconds` unless given. */
  readonly keepAliveMs?: number
  /** How long a delivery stays parked before it is dead; default 7 days. */
  readonly parkedForMs?: number
  /** How many days a refused or dead delivery keeps its body and words before they are erased; default 90. */
  readonly keepRefusedDays?: number
  /** The wall clock for the signature's timestamp tolerance; `Date.now` unless given. */
  readonly now?: () => number
  /** Verified deliveries one source may send per window (across every receiver on the store); 600 a minute unless given. */
  readonly sourceRateLimit?: RateLimit
  /** How often parked deliveries are checked for expiry; every minute unless given. */
  readonly sweepEveryMs?: number
  /** How often deliveries an operator asked to replay are looked for; every 2 seconds unless given. */
  readonly replayEveryMs?: number
  /** Deliver the outbox's webhook channel (outcomes to the sources' endpoints) from this process; off unless asked. */
  readonly dispatch?: boolean
  /** The least severe log line written; Info unless given (tests quiet it). */
  readonly logLevel?: LogLevel.LogLevel
  /** Where the JSON log lines go (one object per line); stderr unless given. */
  readonly log?: (line: string) => void
  /** How long a delivery waits for the store before it is answered 503 (`CAREPANEL_STORE_ANSWER_SECONDS`); 30 s unless given. */
  readonly storeAnswerMs?: number
  /** Where traces and metrics go (OTLP); none are made unless given. */
  readonly telemetry?: TelemetrySettings
}

/** The receiver's routes as metric labels. */
const routeOf = routeNamer({ exact: ["/health", "/ready", "/openapi.json"], prefixes: ["/webhooks/"] })

export interface RunningReceiver {
  readonly url: string
  readonly close: () => Promise<void>
}

/** Builds the runtime (store, ports, use cases) and the Hono app, starts the sweep of parked deliveries, listens. */
export const startReceiver = async (options: ReceiverOptions): Promise<RunningReceiver> => {
  const layer = receiverLayer({ store: options.store, policies: options.policies, notifier: options.notifier, traced: options.telemetry !== undefined })
  // app-kit's JSON logger: a path segment holding CR or LF cannot forge a line; no value a record failed to decode with.
  const json = jsonLoggerTo(options.log ?? ((line: string) => console.error(line)))
  const runtime = ManagedRuntime.make(Layer.mergeAll(layer, json, Logger.minimumLogLevel(options.logLevel ?? LogLevel.Info), telemetryOrOff(options.telemetry)))
  const built = await runtime.runPromiseExit(Effect.map(GroupedWrites, (writes) => writes.transaction))
  if (Exit.isFailure(built)) throw Cause.squash(built.cause)
  const limiter = new RateLimiter(await runtime.runPromise(RateCounters), atMostEvery(60_000, (message: string) => runtime.runFork(Effect.logWarning(message))))
  const stopFlushing = flushEvery(flushIntervalMs, () => limiter.flush())
  const app = new Hono()
  app.notFound((c) => respond(c, noSuchRoute))
  healthRoutes(app, runtime)
  openApiRoute(app)
  decisionSheetRoute(app, { sources: options.sources, runtime, now: options.now ?? Date.now, storeAnswerMs: options.storeAnswerMs ?? defaultStoreAnswerSeconds * 1000 })
  webhookRoute(app, {
    sources: options.sources,
    bodyLimitBytes: options.bodyLimitBytes ?? 256_000,
    run: makeRunner(runtime, built.value, options.storeAnswerMs),
    now: options.now ?? Date.now,
    sourceRateLimit: options.sourceRateLimit ?? defaultSourceRateLimit,
    limiter
  })
  const fibers = [
    runtime.runFork(sweepParked(options.parkedForMs ?? 7 * 24 * 3_600_000, options.sweepEveryMs ?? 60_000)),
    runtime.runFork(sweepRefused(options.keepRefusedDays ?? defaultKeepRefusedDays, options.sweepEveryMs ?? 60_000)),
    runtime.runFork(retryReplays(built.value, options.sources, options.replayEveryMs ?? 2_000)),
    ...(options.dispatch === true ? [runtime.runFork(runDispatcher(dispatcherConfig({ channel: "webhook" })))] : [])
  ]
  /** Stops what runs beside the server: the rate limiter's flushes and the fibers. */
  const stopBeside = async () => {
    stopFlushing()
    await Promise.all(fibers.map((fiber) => runtime.runPromise(Fiber.interrupt(fiber))))
  }
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const listening = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => resolve(listening))
    ;(listening as Server).keepAliveTimeout = options.keepAliveMs ?? defaultKeepAliveSeconds * 1000
    listening.once("error", reject)
  }).catch(async (error: unknown) => {
    // A start that cannot listen (the port in use) leaves nothing running behind it: the store is closed before it reports.
    await stopBeside()
    await runtime.dispose()
    throw error
  })
  if (options.telemetry !== undefined) observeHttpServer(server as Server, routeOf)
  const { port } = server.address() as AddressInfo
  const host = options.host.includes(":") ? `[${options.host}]` : options.host
  return {
    url: `http://${host}:${port}`,
    close: async () => {
      await stopBeside()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        if ("closeAllConnections" in server) server.closeAllConnections()
      })
      await runtime.dispose()
    }
  }
}
