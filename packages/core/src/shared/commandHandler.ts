import { DateTime, Effect } from "effect"
import type { Actor } from "./actor.js"
import { type Authorised, authorise, type Permission } from "./authorise.js"
import { type AuthorityContext, authorityContext } from "./authorityContext.js"
import type { StreamRef } from "../ports/EventStore.js"
import { type Aggregate, execute, prepare } from "./commandRunner.js"
import { NoSuchRecord, NotFound } from "./errors.js"

/** What every command carries besides its own fields: the authorised actor and the instant. */
export interface StampedCommand {
  readonly _tag: string
  readonly by: Authorised
  readonly at: DateTime.Utc
}

/** A command as a caller writes it: without the actor and instant the handler stamps on it. */
export type CommandBody<C> = C extends unknown ? Omit<C, "by" | "at"> : never

/** A command on a record that does not exist answers NotFound, with the record's id. */
const notFoundAs =
  (what: string, id: string) =>
  <A, E, R>(self: Effect.Effect<A, E, R>) =>
    self.pipe(
      Effect.catchIf(
        (error): error is Extract<E, NoSuchRecord> => error instanceof NoSuchRecord,
        () => Effect.fail(NotFound.of(what, id))
      )
    )

/** Authorise the actor for the command, stamp it with them and the instant, and load the authority's context. */
const stamp = <C extends StampedCommand>(permissions: Permissions<C>, actor: Actor, body: CommandBody<C>) =>
  Effect.gen(function* () {
    const by = yield* authorise(actor, permissions[body._tag as C["_tag"]])
    const at = yield* DateTime.now
    const authority = yield* authorityContext(by.authorityId)
    return { command: { ...body, by, at } as unknown as C, authority }
  })

type Permissions<C extends StampedCommand> = { readonly [K in C["_tag"]]: Permission }

/** A use case over one aggregate: stamp the command, then run `step` on the record's stream; a missing record is NotFound. */
const onRecord =
  <C extends StampedCommand, E extends { readonly _tag: string }, S, R, A, F, Q>(
    aggregate: Aggregate<C, E, S, R, AuthorityContext>,
    permissions: Permissions<C>,
    what: string,
    step: (stream: StreamRef, command: C, authority: AuthorityContext) => Effect.Effect<A, F, Q>
  ) =>
  (actor: Actor, id: string, body: CommandBody<C>) =>
    stamp(permissions, actor, body).pipe(
      Effect.flatMap(({ command, authority }) => step({ authorityId: actor.authorityId, streamType: aggregate.streamType, id }, command, authority)),
      notFoundAs(what, id)
    )

/**
 * The use-case half of every command: authorise the actor for it (a command only takes an `Authorised`,
 * so a missing check does not compile), stamp it with the actor and the instant, load the authority's
 * policy and calendar, validate, decide and append. A record that does not exist, or that belongs to another
 * authority (its stream is under that authority), answers NotFound, the same either way.
 */
export const commandHandler = <C extends StampedCommand, E extends { readonly _tag: string }, S, R>(
  aggregate: Aggregate<C, E, S, R, AuthorityContext>,
  permissions: Permissions<C>,
  what: string
) =>
  onRecord(aggregate, permissions, what, (stream, command, authority) =>
    execute(aggregate, stream, command, authority).pipe(
      Effect.flatMap(({ state }) => (state === undefined || state === null ? Effect.fail(NotFound.of(what, stream.id)) : Effect.succeed(state as NonNullable<S>)))
    )
  )

/**
 * The same as `commandHandler` without the append: the state before and after and the commit that would write
 * it, or the refusal. A use case that changes two records prepares both and appends them together, so a
 * refusal from either writes nothing and a conflict on either writes nothing.
 */
export const commandPrepare = <C extends StampedCommand, E extends { readonly _tag: string }, S, R>(
  aggregate: Aggregate<C, E, S, R, AuthorityContext>,
  permissions: Permissions<C>,
  what: string
) =>
  onRecord(aggregate, permissions, what, (stream, command, authority) =>
    prepare(aggregate, stream, command, authority).pipe(Effect.map(({ before, state, commit }) => ({ before, after: state, commit })))
  )
