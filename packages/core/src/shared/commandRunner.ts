import { Effect, Either, type ParseResult, Schedule, Schema } from "effect"
import { type Commit, ConcurrencyConflict, EventStore, type StoredEvent, type StreamRef } from "../ports/EventStore.js"
import type { Notification } from "../ports/Notification.js"
import type { ReadModelRow, ReadModels } from "../ports/ReadModels.js"
import type { Decider } from "./decider.js"
import { type InvalidInput, PersistenceError } from "./errors.js"
import { eventsAfter, foldedState, keepFoldedState } from "./foldedStates.js"
import { noteAppended } from "./appendedRecords.js"
import { invalidInput } from "./inputProblems.js"

/** Reads and writes one aggregate's events as JSON-safe data. */
export interface EventCodec<Event> {
  readonly decode: (data: unknown) => Effect.Effect<Event, ParseResult.ParseError>
  readonly encode: (event: Event) => Effect.Effect<{ readonly _tag: string }, ParseResult.ParseError>
}

export const eventCodec = <Event, Encoded extends { readonly _tag: string }>(
  schema: Schema.Schema<Event, Encoded>
): EventCodec<Event> => ({ decode: Schema.decodeUnknown(schema), encode: Schema.encode(schema) })

/** How one kind of aggregate is stored: its stream type, event schema and the read-model rows it keeps. */
export interface Aggregate<Command, Event extends { readonly _tag: string }, State, Refusal, Context> {
  readonly streamType: string
  readonly decider: Decider<Command, Event, State, Refusal, Context>
  readonly events: EventCodec<Event>
  /**
   * The schema of a command's own fields (without `by` and `at`). When present, every command is checked
   * against it before deciding, so a blank reason is refused as InvalidInput, by path, and nothing is written.
   */
  readonly commands?: Schema.Schema.AnyNoContext
  readonly readModels: (state: State, stream: StreamRef) => ReadonlyArray<ReadModelRow>
  /** Who must hear of this commit (`notifications/`); may read read models, e.g. the request a decision is about. */
  readonly notifications?: (
    events: ReadonlyArray<Event>,
    state: State,
    context: Context
  ) => Effect.Effect<ReadonlyArray<Notification>, PersistenceError, ReadModels>
}

export interface Loaded<State> {
  readonly state: State
  readonly version: number
}

/** Event `version` of `stream` that its codec cannot read. */
const unreadable = (stream: StreamRef, event: StoredEvent, error: ParseResult.ParseError) =>
  new PersistenceError({ operation: "decode event", message: `Event ${event.version} of ${stream.id} cannot be read: ${error.message}` })

/**
 * A codec's answer: its value where it is an Either (Schema's result for a schema without effects, itself a kind of
 * Effect), read without a trip through the fibre; any other Effect (a test's codec) is run. Its error as `toError`'s.
 */
function* codecAnswer<A, E, X>(answer: Effect.Effect<A, E>, toError: (error: E) => X) {
  if (!Either.isEither(answer)) return yield* Effect.mapError(answer, toError)
  const settled = answer as unknown as Either.Either<A, E>
  return Either.isRight(settled) ? settled.right : yield* Effect.fail(toError(settled.left))
}

/** Folds stored events into `state`, decoding each (see `codecAnswer`). */
export const foldStored = <E extends { readonly _tag: string }, S>(
  aggregate: { readonly events: EventCodec<E>; readonly decider: { readonly evolve: (state: S, event: E) => S } },
  stream: StreamRef,
  stored: ReadonlyArray<StoredEvent>,
  from: S,
  unreadableAs: typeof unreadable = unreadable
): Effect.Effect<S, PersistenceError> =>
  Effect.gen(function* () {
    let state = from
    for (const event of stored) {
      const value = yield* codecAnswer(aggregate.events.decode(event.data), (error) => unreadableAs(stream, event, error))
      state = aggregate.decider.evolve(state, value)
    }
    return state
  })

/** The new events as stored data (see `codecAnswer`). */
const encodeEvents = <E extends { readonly _tag: string }>(codec: EventCodec<E>, events: ReadonlyArray<E>) =>
  Effect.gen(function* () {
    const encoded: Array<{ readonly _tag: string }> = []
    for (const event of events) {
      encoded.push(yield* codecAnswer(codec.encode(event), (error) => new PersistenceError({ operation: "encode event", message: error.message })))
    }
    return encoded
  })

/**
 * The stream's state and version. The state this process folded last for the stream (`foldedStates`) is read on
 * from its last event, so only newer events are read and decoded: events are never changed and versions have no
 * gaps, so that state is at worst behind (another process wrote since). Its last event is read again and must be
 * the same (position and hash): a load inside a transaction that was then rolled back folded events that were
 * never committed, and is read again from the start.
 */
export const load = <C, E extends { readonly _tag: string }, S, R, X>(aggregate: Aggregate<C, E, S, R, X>, stream: StreamRef) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    const folded = foldedState<S>(store, aggregate, stream)
    const newer = folded === undefined ? undefined : eventsAfter(yield* store.readStream(stream, { after: folded.version - 1 }), folded)
    const from = newer === undefined ? { state: aggregate.decider.initialState, version: 0 } : folded!
    const stored = newer ?? (yield* store.readStream(stream))
    const state = stored.length === 0 ? from.state : yield* foldStored(aggregate, stream, stored, from.state)
    const last = stored.at(-1)
    if (last !== undefined) keepFoldedState(store, aggregate, stream, last, state)
    return { state, version: last?.version ?? from.version } satisfies Loaded<S>
  })

/** Checks the command's input against the aggregate's command schema, if it has one (synchronously: a command schema has no effects). */
const validated = <C, E extends { readonly _tag: string }, S, R, X>(aggregate: Aggregate<C, E, S, R, X>, command: C): Effect.Effect<void, InvalidInput> => {
  if (aggregate.commands === undefined) return Effect.void
  const checked = Schema.validateEither(aggregate.commands, { errors: "all" })(command)
  return Either.isLeft(checked) ? Effect.fail(invalidInput(checked.left)) : Effect.void
}

/**
 * Validate, load and decide without writing: what `execute` would append, and the state before and after.
 * A use case runs it to check a second aggregate accepts a change before writing the first.
 */
export const decideOn = <C, E extends { readonly _tag: string }, S, R, X>(
  aggregate: Aggregate<C, E, S, R, X>,
  stream: StreamRef,
  command: C,
  context: X
) =>
  Effect.gen(function* () {
    yield* validated(aggregate, command)
    const { state: before, version } = yield* load(aggregate, stream)
    const events = yield* aggregate.decider.decide(command, before, context)
    return { before, state: events.reduce(aggregate.decider.evolve, before), events, version }
  })

/** What a decided command would write: the state before and after, its events, and the commit (none if no events). */
export interface Prepared<E, S> {
  readonly before: S
  readonly state: S
  readonly events: ReadonlyArray<E>
  readonly version: number
  readonly commit: Commit | undefined
}

/**
 * Validate, load and decide, then build the commit without writing it, so a use case that changes several
 * records can append all their commits together (`appendTogether`).
 */
export const prepare = <C, E extends { readonly _tag: string }, S, R, X>(
  aggregate: Aggregate<C, E, S, R, X>,
  stream: StreamRef,
  command: C,
  context: X
) =>
  Effect.gen(function* () {
    const decided = yield* decideOn(aggregate, stream, command, context)
    if (decided.events.length === 0) return { ...decided, commit: undefined } satisfies Prepared<E, S>
    const encoded = yield* encodeEvents(aggregate.events, decided.events)
    const commit: Commit = {
      stream,
      expectedVersion: decided.version,
      events: encoded.map((data) => ({ type: data._tag, data })),
      readModels: aggregate.readModels(decided.state, stream),
      notifications: aggregate.notifications ? yield* aggregate.notifications(decided.events, decided.state, context) : []
    }
    return { ...decided, commit } satisfies Prepared<E, S>
  })

/**
 * On a concurrency conflict, run the whole load-decide-append again on the newer state (the decisions are
 * pure, so a retry is safe), a few times before giving up with the conflict.
 */
export const retryOnConflict = <A, E, R>(self: Effect.Effect<A, E, R>) =>
  // The first run is bare, and the retry (three more runs at most, as before) is set up only after a conflict: an
  // Effect.retry costs a schedule driver on every command, which was most of what this wrapper cost.
  self.pipe(
    Effect.catchIf(
      (error) => error instanceof ConcurrencyConflict,
      () => Effect.retry(self, { while: (error) => error instanceof ConcurrencyConflict, schedule: Schedule.recurs(2) })
    )
  )

/** Appends the prepared commits of one use case in one transaction: all of them or none. */
export const appendTogether = (commits: ReadonlyArray<Commit | undefined>) =>
  Effect.flatMap(EventStore, (store) => {
    const written = commits.filter((commit): commit is Commit => commit !== undefined)
    return Effect.tap(store.appendAll(written), () => noteAppended(written.map((commit) => commit.stream)))
  })

/** Validate, load, decide, append; on a concurrency conflict reload and decide again. */
export const execute = <C, E extends { readonly _tag: string }, S, R, X>(
  aggregate: Aggregate<C, E, S, R, X>,
  stream: StreamRef,
  command: C,
  context: X
) =>
  Effect.gen(function* () {
    const { state, events, version, commit } = yield* prepare(aggregate, stream, command, context)
    if (commit === undefined) return { state, events, version }
    const result = yield* (yield* EventStore).append(commit)
    yield* noteAppended([commit.stream])
    return { state, events, version: result.version }
  }).pipe(retryOnConflict)
