import type { AddressInfo } from "node:net"
import { type AccessLog, type AuthorityPolicy, AuthorityId, RateCounters, type IdGenerator, type DispatcherConfig, dispatcherConfig, type Notifier, remindEvery, runDispatcher } from "@carepanel/core"
import { observeHttpServer, routeNamer, type TelemetrySettings, telemetryOrOff, undoOnFailure } from "@carepanel/app-kit"
import { StoreReadiness } from "@carepanel/store-sql"
import { Cause, type Clock, Effect, Exit, Fiber, Layer, ManagedRuntime } from "effect"
import type { AuthConfig } from "../auth/authConfig.js"
import type { DevKeys } from "../auth/devKeys.js"
import { makeVerifier } from "../auth/verifier.js"
import type { ServerLog } from "../graphql/masking.js"
import { defaultLimits, type OperationLimits } from "../graphql/limits.js"
import { useCursorKey } from "../graphql/cursors.js"
import { makeRunner } from "../graphql/runner.js"
import { makeYoga } from "../graphql/yoga.js"
import { calendarRoute } from "../http/calendarRoute.js"
import { documentsRoute } from "../http/documentsRoute.js"
import { feedRoute } from "../http/feedRoute.js"
import { reportsRoute } from "../http/reportsRoute.js"
import { InMemoryRateCounters } from "@carepanel/core/testing"
import { Admission } from "../http/admission.js"
import { type ClientDefaults, clientLimitsOf } from "../http/clientLimits.js"
import { createHttpServer, type RequestTimeouts } from "../http/server.js"
import { schema } from "../schema/index.js"
import { startChangeFeed } from "../subscriptions/changeFeed.js"
import { watchDeadlines } from "../subscriptions/deadlineWatcher.js"
import { makePubSub } from "../subscriptions/pubsub.js"
import { type AppServices, appLayer, type StorePorts } from "./appLayer.js"
import { jsonLoggerTo } from "./jsonLog.js"

export interface AppOptions {
  readonly host: string
  /** 0 picks a free port (tests). */
  readonly port: number
  readonly production: boolean
  readonly policies: ReadonlyArray<AuthorityPolicy>
  readonly store: Layer.Layer<StorePorts, unknown>
  readonly accessLog: Layer.Layer<AccessLog, unknown>
  /** What `/ready` checks: the SQL store layer (the same value as `store`, so it is built once); ready at once unless given. */
  readonly readiness?: Layer.Layer<StoreReadiness, unknown>
  readonly notifier: Layer.Layer<Notifier, unknown>
  /** Id generator; random, time-ordered ids unless given (tests use sequential ones). */
  readonly ids?: Layer.Layer<IdGenerator>
  readonly auth: AuthConfig
  /** The development key pair; ignored in production, where only `auth`'s issuers are accepted. */
  readonly devKeys?: DevKeys
  readonly limits?: OperationLimits
  readonly bodyLimitBytes?: number
  readonly deadlinePollMs?: number
  readonly dispatcher?: DispatcherConfig
  /** Deliver the outbox from this process (default true); off for a second process on the same store. */
  readonly dispatch?: boolean
  readonly log?: ServerLog
  /** How long a slow client may take to send its headers and its whole request; 10 s and 30 s unless given. */
  readonly timeouts?: RequestTimeouts
  /** How long an operation may wait for the store before it is answered STORE_FAILED; 30 s unless given. */
  readonly storeAnswerMs?: number
  /** Rate limits and the subscription cap where `auth` sets none, and per address without a token; clientLimits.ts's defaults unless given. */
  readonly clientDefaults?: ClientDefaults
  /** Where per-client limits are counted: the SQL store layer, so every process on it shares them; this process only unless given. */
  readonly rateCounters?: Layer.Layer<RateCounters, unknown>
  /** The secret page cursors are signed with (`CAREPANEL_CURSOR_KEY`); a random key per process unless given. */
  readonly cursorKey?: string
  /**
   * How often the clocks' due-soon and overdue reminders are queued for every authority (and once at start): 5 minutes
   * unless given; `false` for none (another process sharing the store queues them).
   */
  readonly reminderEveryMs?: number | false
  /** The domain's clock; the real one unless given (tests move it to a sitting's day). */
  readonly clock?: Clock.Clock
  /** Where traces and metrics go (OTLP); none are made unless given. */
  readonly telemetry?: TelemetrySettings
}

/** The API's routes as metric labels. */
const routeOf = routeNamer({ exact: ["/graphql", "/health", "/ready", "/calendar.ics"], prefixes: ["/documents/", "/feeds/", "/reports/", "/graphiql/"] })

export interface RunningApp {
  readonly url: string
  readonly runtime: ManagedRuntime.ManagedRuntime<AppServices, unknown>
  readonly close: () => Promise<void>
}

/** Builds the runtime (store, ports, use cases), the schema and the HTTP server, starts the background fibers, listens. */
export const startApp = async (options: AppOptions): Promise<RunningApp> => {
  const log = options.log ?? ((line: string) => console.error(line))
  if (options.cursorKey !== undefined) useCursorKey(options.cursorKey)
  const layer = appLayer({
    store: options.store,
    policies: options.policies,
    accessLog: options.accessLog,
    notifier: options.notifier,
    ...(options.ids === undefined ? {} : { ids: options.ids }),
    traced: options.telemetry !== undefined
  })
  const telemetry = telemetryOrOff(options.telemetry)
  const logged = Layer.mergeAll(layer, jsonLoggerTo(log), options.readiness ?? StoreReadiness.inMemory, options.rateCounters ?? InMemoryRateCounters, telemetry)
  const runtime = ManagedRuntime.make(options.clock === undefined ? logged : Layer.merge(logged, Layer.setClock(options.clock)))
  // A layer that cannot start (a refused SMTP login, an unreachable database) fails here, as its own error (the layers
  // built before it are closed as it fails).
  const built = await runtime.runPromiseExit(Effect.void)
  if (Exit.isFailure(built)) throw Cause.squash(built.cause)
  /** What runs beside the server (the fibers, the change feed, the admission's counters), stopped together. */
  const beside: Array<() => Promise<unknown>> = []
  const stopBeside = () => Promise.all(beside.splice(0).map((stop) => stop()))
  // Any step from here on can fail (the store read for the change feed's start, the port in use): the start then
  // stops what it began and closes the store before it reports, leaving nothing running behind it.
  const server = await undoOnFailure(
    async () => {
      const run = makeRunner(runtime, options.storeAnswerMs)
      const pubsub = makePubSub()
      const changes = await startChangeFeed(runtime)
      beside.push(changes.stop)
      const production = options.production
      const yoga = makeYoga({ schema, run, pubsub, feed: changes.feed, limits: options.limits ?? defaultLimits, production, log, traced: options.telemetry !== undefined })
      const verify = makeVerifier({
        config: options.auth,
        ...(production || options.devKeys === undefined
          ? {}
          : { dev: { keys: options.devKeys, authorityIds: options.policies.map((policy) => policy.authority.id) } })
      })
      const admission = new Admission(clientLimitsOf(options.auth, options.clientDefaults), await runtime.runPromise(RateCounters), (message) =>
        runtime.runFork(Effect.logWarning(message))
      )
      beside.push(() => admission.close())
      const server = createHttpServer({
        yoga,
        verify,
        production,
        log,
        ready: () => runtime.runPromise(Effect.flatMap(StoreReadiness, (readiness) => readiness.check)),
        bodyLimitBytes: options.bodyLimitBytes ?? 100_000,
        ...(options.timeouts === undefined ? {} : { timeouts: options.timeouts }),
        admission,
        routes: [calendarRoute(run), reportsRoute(run), documentsRoute(run)],
        publicRoutes: [feedRoute(run)]
      })
      if (options.telemetry !== undefined) observeHttpServer(server, routeOf)
      const fibers = [
        ...(options.dispatch === false ? [] : [runtime.runFork(runDispatcher(options.dispatcher ?? dispatcherConfig()))]),
        runtime.runFork(watchDeadlines(options.policies.map((policy) => policy.authority.id), pubsub, options.deadlinePollMs ?? 60_000, changes.feed.newest(), changes.feed.writes)),
        ...(options.reminderEveryMs === false
          ? []
          : [runtime.runFork(remindEvery(options.policies.map((policy) => AuthorityId.make(policy.authority.id)), options.reminderEveryMs ?? 300_000))])
      ]
      for (const fiber of fibers) beside.push(() => runtime.runPromise(Fiber.interrupt(fiber)))
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject)
        server.listen(options.port, options.host, () => resolve())
      })
      return server
    },
    async () => {
      await stopBeside()
      await runtime.dispose()
    }
  )
  const { port } = server.address() as AddressInfo
  const host = options.host.includes(":") ? `[${options.host}]` : options.host
  return {
    url: `http://${host}:${port}`,
    runtime,
    close: async () => {
      await stopBeside()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      await runtime.dispose()
    }
  }
}
