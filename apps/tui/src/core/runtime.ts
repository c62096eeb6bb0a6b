import { defaultStoreAnswerSeconds, type TelemetrySettings, telemetryOrOff, within } from "@carepanel/app-kit"
import { type AccessLog, type Actor, type AuthorityPolicy, type IdGenerator, Notifier, PersistenceError } from "@carepanel/core"
import { Cause, type Clock, Effect, Exit, Layer, ManagedRuntime } from "effect"
import type { Run } from "../ui/CoreContext.js"
import { outcomeOf } from "../ui/refusal.js"
import { Inbox } from "./inbox.js"
import { jsonLoggerTo, type LogSink, stderrSink } from "./log.js"
import { type StorePorts, type TuiServices, tuiLayer } from "./tuiLayer.js"

export interface TuiRuntimeOptions {
  readonly store: Layer.Layer<StorePorts, unknown>
  readonly accessLog: Layer.Layer<AccessLog, unknown>
  readonly ids: Layer.Layer<IdGenerator>
  readonly policies: ReadonlyArray<AuthorityPolicy>
  readonly operator: Actor
  /** Email where SMTP is set up: what this terminal's dispatcher, if it runs one, delivers with. */
  readonly email?: Layer.Layer<Notifier, unknown>
  /** The domain's clock; the real one unless given (tests and the bench fix it). */
  readonly clock?: Clock.Clock
  /** Where traces and metrics go (OTLP); none are made unless given. */
  readonly telemetry?: TelemetrySettings
  /** Where the core's log lines go, as JSON (stderr unless given). */
  readonly log?: LogSink
  /** How many days back the inbox reaches when the terminal opens (`CAREPANEL_INBOX_DAYS`); 14 unless given. */
  readonly inboxDays?: number
  /** Production: a failure that is not the core's refusal is never described on the screen. */
  readonly production?: boolean
  /** How long a screen's read or a change waits for the store before it says so (`CAREPANEL_STORE_ANSWER_SECONDS`); 30 s unless given. */
  readonly storeAnswerMs?: number
}

export interface TuiRuntime {
  readonly runtime: ManagedRuntime.ManagedRuntime<TuiServices, unknown>
  readonly run: Run
  readonly inbox: Inbox
  readonly policy: AuthorityPolicy
}

/** Without SMTP this terminal runs no dispatcher (`sendsEmail`), so nothing is ever delivered through it. */
const noEmail = Layer.succeed(Notifier, Notifier.of({ deliver: () => Effect.dieMessage("This terminal has no SMTP set up and sends no email.") }))

/** Builds the core on the given adapters and checks it starts (an unreachable database fails here, as its own error). */
export const makeTuiRuntime = async (options: TuiRuntimeOptions): Promise<TuiRuntime> => {
  const inbox = new Inbox(options.operator, options.inboxDays)
  const layer = tuiLayer({
    store: options.store,
    accessLog: options.accessLog,
    ids: options.ids,
    policies: options.policies,
    notifier: options.email ?? noEmail,
    traced: options.telemetry !== undefined
  })
  const logged = Layer.merge(layer, jsonLoggerTo(options.log ?? stderrSink))
  const observed = Layer.merge(logged, telemetryOrOff(options.telemetry))
  const runtime = ManagedRuntime.make(options.clock === undefined ? observed : Layer.merge(observed, Layer.setClock(options.clock)))
  const built = await runtime.runPromiseExit(Effect.void)
  if (Exit.isFailure(built)) throw Cause.squash(built.cause)
  const policy = options.policies.find((candidate) => candidate.authority.id === options.operator.authorityId)!
  const answerWithinMs = options.storeAnswerMs ?? defaultStoreAnswerSeconds * 1000
  return {
    runtime,
    inbox,
    policy,
    run: (effect) =>
      within(answerWithinMs, runtime.runPromiseExit(effect), () => storeDidNotAnswer(answerWithinMs)).then((exit) => outcomeOf(exit, options.production ?? false))
  }
}

/**
 * A database that stops answering without refusing (a network partition) would leave the screen waiting as long as
 * its connection does, a quarter of an hour. After the limit the screen says so; the statement in flight cannot be
 * called back, so a change may still be saved once the store answers, and the words say to look before trying again.
 */
const storeDidNotAnswer = (ms: number) =>
  Exit.fail(
    new PersistenceError({
      operation: "answer",
      message: `The store did not answer within ${ms / 1000} s. A change may still be saved once it does: look at the record before trying again.`
    })
  )
