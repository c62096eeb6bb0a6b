import { Context, type Effect, Schema, type Stream } from "effect"
import type { PersistenceError } from "../shared/errors.js"
import type { AuthorityId } from "../shared/ids.js"
import type { Notification } from "./Notification.js"
import type { ReadModelRow } from "./ReadModels.js"

/** Which aggregate a stream holds. Tenancy is part of every stream: the authority comes first. */
export interface StreamRef {
  readonly authorityId: AuthorityId
  readonly streamType: string
  readonly id: string
}

export const streamIdOf = (ref: StreamRef): string => `${ref.authorityId}/${ref.streamType}/${ref.id}`

/** An event about to be written: its type (the event's `_tag`) and its encoded, JSON-safe data. */
export interface PendingEvent {
  readonly type: string
  readonly data: unknown
}

/** An event as stored. `version` is 1-based within its stream; `position` is global and increasing. */
export interface StoredEvent extends PendingEvent {
  readonly stream: StreamRef
  readonly version: number
  readonly position: number
  /** ISO instant at which the store committed the event. */
  readonly recordedAt: string
  /** Hash of this event chained to the previous event of its stream (tamper evidence); "" if the store keeps none. */
  readonly hash: string
}

/**
 * Everything one command writes, committed or rolled back together: its events, the read-model rows
 * they change and the notifications they cause.
 */
export interface Commit {
  readonly stream: StreamRef
  /** The stream version the command was decided on (0 for a new stream). */
  readonly expectedVersion: number
  readonly events: ReadonlyArray<PendingEvent>
  readonly readModels: ReadonlyArray<ReadModelRow>
  readonly notifications: ReadonlyArray<Notification>
}

export interface AppendResult {
  readonly version: number
  readonly positions: ReadonlyArray<number>
}

/** Somebody else changed the record first. Nothing was written; reload and try again. */
export class ConcurrencyConflict extends Schema.TaggedError<ConcurrencyConflict>()("ConcurrencyConflict", {
  streamId: Schema.String,
  expectedVersion: Schema.Number,
  actualVersion: Schema.Number,
  message: Schema.String
}) {
  static of(streamId: string, expectedVersion: number, actualVersion: number) {
    return new ConcurrencyConflict({
      streamId,
      expectedVersion,
      actualVersion,
      message: "Someone else changed this record at the same time. Nothing was saved: reload it and try again."
    })
  }
}

export interface ReadAllOptions {
  /** Return events with a position strictly greater than this (0 for the beginning). */
  readonly after: number
  readonly limit: number
  readonly authorityId?: AuthorityId
}

export interface ReadStreamOptions {
  /** Only the events with a version strictly greater than this (0, the default, for the whole stream). */
  readonly after?: number
}

export class EventStore extends Context.Tag("@carepanel/core/EventStore")<
  EventStore,
  {
    readonly append: (commit: Commit) => Effect.Effect<AppendResult, ConcurrencyConflict | PersistenceError>
    /**
     * Several records' commits in one transaction: all of them or none. Each commit is checked against its own
     * expected version, in order (a later commit on the same stream expects the version the earlier one left);
     * the first that does not match fails the whole append with a ConcurrencyConflict naming its stream, and
     * nothing of any commit is written. Results are in the order of the commits.
     */
    readonly appendAll: (
      commits: ReadonlyArray<Commit>
    ) => Effect.Effect<ReadonlyArray<AppendResult>, ConcurrencyConflict | PersistenceError>
    /** The stream's events in version order (from `after`, if given: a reader that has folded the rest reads only what is new). */
    readonly readStream: (stream: StreamRef, options?: ReadStreamOptions) => Effect.Effect<ReadonlyArray<StoredEvent>, PersistenceError>
    readonly readAll: (options: ReadAllOptions) => Effect.Effect<ReadonlyArray<StoredEvent>, PersistenceError>
    /**
     * The store-wide change feed: every committed event with a position strictly greater than `after`, in position
     * order, with no gap and no duplicate, whichever process wrote it; it then waits for more and never ends on its
     * own. Resume from the position of the last event handled. `readAll` is its source of truth (see `changeFeed`).
     */
    readonly changes: (after: number) => Stream.Stream<StoredEvent, PersistenceError>
    /** The newest committed position (0 for an empty log), without reading the events. */
    readonly newestPosition: Effect.Effect<number, PersistenceError>
    /**
     * The newest committed position, each time it moves past `after` (whichever process wrote): where the log ends,
     * without reading the events. For a process that only needs to know that something changed (see
     * `followNewestPosition`); never ends on its own.
     */
    readonly positions: (after: number) => Stream.Stream<number, PersistenceError>
  }
>() {}
