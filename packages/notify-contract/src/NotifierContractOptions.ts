import type { Notifier } from "@carepanel/core"
import type { Effect, Scope } from "effect"

/** How the receiver answers the deliveries that reach it from now on. */
export type ReceiverAnswer =
  /** Take the message (SMTP 250, HTTP 2xx). */
  | { readonly _tag: "Accept" }
  /** A failure that may pass (SMTP 4xx, HTTP 503), asking to come back after `retryAfterSeconds` when given. */
  | { readonly _tag: "TemporaryFailure"; readonly retryAfterSeconds?: number }
  /** A refusal that will never pass (SMTP 5xx, HTTP 410). */
  | { readonly _tag: "PermanentFailure" }
  /** Never answer: hold the request open until the sender lets go of it. */
  | { readonly _tag: "Hang" }

/** One delivery attempt as the receiver saw it. */
export interface Arrival {
  /** The idempotency key as the receiver read it (`X-Carepanel-Notification-Id`, `webhook-id`, a gateway field). */
  readonly key: string
  /** The receiver took it: it now has the message. */
  readonly accepted: boolean
  /**
   * Everything that travelled outside the message body: the subject line, every header, the URL. A child's name
   * must never be here (core's `Notification`: only `headline` is safe for a subject line).
   */
  readonly exposed: ReadonlyArray<string>
}

/** What the suite asks of the receiver: how to answer, and what reached it. */
export interface ReceiverProbe {
  readonly answerWith: (answer: ReceiverAnswer) => void
  /** Every attempt that reached the receiver so far, oldest first, accepted or not. */
  readonly arrivals: () => ReadonlyArray<Arrival>
  /** How many requests the receiver is holding open unanswered (while answering `Hang`). */
  readonly held: () => number
}

/** A notifier under test, pointed at a real receiver the suite controls. */
export interface NotifierHarness {
  readonly notifier: Notifier["Type"]
  readonly receiver: ReceiverProbe
  /** The same notifier configured for an address where nothing listens (a closed loopback port). */
  readonly unreachable: Notifier["Type"]
}

/**
 * Builds a fresh receiver (answering `Accept` until told otherwise) and the notifier pointed at it, for one test.
 * The scope closes both. The notifier must be able to send the suite's notifications: authority
 * `contractAuthorityId`, recipients `contractRecipients` (give your directory or endpoint for them).
 */
export type MakeNotifierHarness = () => Effect.Effect<NotifierHarness, unknown, Scope.Scope>

export interface NotifierContractOptions {
  /**
   * The channel lets a receiver say when to come back (HTTP `Retry-After`). SMTP has no such reply, so the
   * email notifier leaves it out and that test is not registered.
   */
  readonly retryAfter?: boolean
  /** Per-test timeout in milliseconds; default 30 000. */
  readonly timeoutMs?: number
}
