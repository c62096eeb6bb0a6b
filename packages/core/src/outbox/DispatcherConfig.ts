import { Schema } from "effect"
import { NotificationChannel } from "../ports/Outbox.js"

const PositiveInt = Schema.Int.pipe(Schema.positive())
const withDefault = (value: number) => Schema.optionalWith(PositiveInt, { default: () => value })

/**
 * How the outbox dispatcher paces itself. Every field has a default; durations are milliseconds.
 * Retries wait a full-jitter exponential backoff: a random delay in [0, min(maxDelayMs, baseDelayMs * 2^(n-1))]
 * after the n-th failed attempt, and never less than a receiver's Retry-After.
 */
export const DispatcherConfig = Schema.Struct({
  /** The channel this dispatcher delivers (its Notifier's); `email` unless given. Run one dispatcher per channel. */
  channel: Schema.optionalWith(NotificationChannel, { default: () => "email" as const }),
  /** How many due entries one pass reads. */
  batchSize: withDefault(50),
  /** How many deliveries of one pass run at once. */
  concurrency: withDefault(4),
  /** Pause between passes of `runDispatcher`. */
  intervalMs: withDefault(5_000),
  /** Backoff ceiling after the first failure; it doubles with each further failure. */
  baseDelayMs: withDefault(1_000),
  /** Largest backoff ceiling. */
  maxDelayMs: withDefault(60 * 60 * 1_000),
  /** Attempts before an entry moves to the dead letters. */
  maxAttempts: withDefault(12),
  /** A delivery still running after this long counts as a failed, retryable attempt. */
  deliveryTimeoutMs: withDefault(60_000),
  /**
   * How long a pass holds the entries it claimed before another dispatcher may take them over (this one was
   * killed, say). Keep it above what a batch's deliveries can take: deliveryTimeoutMs x batchSize / concurrency.
   */
  leaseMs: withDefault(15 * 60_000)
}).pipe(
  Schema.filter((config) => config.maxDelayMs >= config.baseDelayMs || "maxDelayMs must be at least baseDelayMs"),
  Schema.annotations({ identifier: "DispatcherConfig" })
)
export type DispatcherConfig = typeof DispatcherConfig.Type
export type DispatcherConfigInput = typeof DispatcherConfig.Encoded

/** The dispatcher's settings from partial input, defaults filled in. Throws a ParseError on bad input. */
export const dispatcherConfig = (input: DispatcherConfigInput = {}): DispatcherConfig =>
  Schema.decodeUnknownSync(DispatcherConfig)(input)
