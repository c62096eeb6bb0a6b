import { Context, type Effect } from "effect"
import type { PersistenceError } from "../shared/errors.js"
import type { AuthorityId } from "../shared/ids.js"

/** A record a change wrote to (one stream): named to the sender of a repeat, so that they can read it. */
export interface ChangedRecord {
  readonly streamType: string
  readonly id: string
}

/** A change sent with a key of the sender's choosing (an HTTP `Idempotency-Key`). */
export interface KeyedChange {
  readonly authorityId: AuthorityId
  /** Who sent it: a key is its sender's own, so two people's same key are two keys. */
  readonly personId: string
  readonly key: string
  /** What the change asked for (the API: a hash of the mutation's name and input), to tell a repeat from a reuse. */
  readonly fingerprint: string
}

/** The change ran now, and `value` is its answer. */
export interface Applied<A> {
  readonly _tag: "Applied"
  readonly value: A
}

/** The key was already kept: the change it came with was applied then, and nothing ran now. */
export interface AlreadyApplied {
  readonly _tag: "AlreadyApplied"
  /** What the first change with this key asked for: another fingerprint than this call's means the key was reused. */
  readonly fingerprint: string
  /** ISO instant the first change was applied. */
  readonly appliedAt: string
  /** The records the first change wrote to, in the order it wrote them. */
  readonly records: ReadonlyArray<ChangedRecord>
}

export type KeyedOutcome<A> = Applied<A> | AlreadyApplied

/**
 * Changes applied at most once per key. `once` claims the key in the same transaction as everything the change writes,
 * so the key is kept exactly when the change is: a change that fails (a refusal, the store failing before its commit)
 * leaves the key free, and sending it again runs it. A key already kept answers `AlreadyApplied` and runs nothing.
 * Calls with one key at the same time, in any processes on the store, apply it once: the others wait for that one's
 * transaction and answer `AlreadyApplied` (or run, if it failed). The records named are those the change appended to
 * through the core's command runner (`execute`, `appendTogether`), which notes them (`noteAppended`).
 */
export class RequestKeys extends Context.Tag("@carepanel/core/RequestKeys")<
  RequestKeys,
  {
    readonly once: <A, E, R>(change: KeyedChange, run: Effect.Effect<A, E, R>) => Effect.Effect<KeyedOutcome<A>, E | PersistenceError, R>
  }
>() {}
