import type { Actor } from "@carepanel/core"
import { Effect, type Context, type Schema } from "effect"
import { GraphQLError } from "graphql"
import type { AppServices } from "../app/appLayer.js"
import type { GraphQLContext } from "../graphql/context.js"
import { decodeInput } from "../graphql/decodeInput.js"
import { keyedChange } from "../graphql/keyedChange.js"

/** Uses one of the app's services in an effect: `using(Referrals, (referrals) => referrals.get(actor, id))`. */
export const using = <I extends AppServices, S, A, E, R>(tag: Context.Tag<I, S>, use: (service: S) => Effect.Effect<A, E, R>) =>
  Effect.flatMap(tag, use)

/** Runs a read for the caller; a refusal is thrown as itself (for fields whose type is a result union). */
export const read = <A, Err>(context: GraphQLContext, effect: (actor: Actor) => Effect.Effect<A, Err, AppServices>) =>
  context.run(effect(context.actor))

const isRefusal = (error: unknown): error is { readonly _tag: string; readonly message: string } => {
  const tag = error instanceof Error ? (error as unknown as { readonly _tag?: unknown })._tag : undefined
  return typeof tag === "string" && tag !== "PersistenceError"
}

/**
 * Runs a read for a list field (no result union): a refusal (NotPermitted, InvalidInput) becomes a GraphQL error
 * with the refusal's code and message; anything else is masked as usual.
 */
export const readList = async <A, Err>(context: GraphQLContext, effect: (actor: Actor) => Effect.Effect<A, Err, AppServices>) => {
  try {
    return await context.run(effect(context.actor))
  } catch (error) {
    if (isRefusal(error)) throw new GraphQLError(error.message, { extensions: { code: error._tag } })
    throw error
  }
}

/**
 * Decodes mutation `name`'s input with a core schema, then runs the command; bad input never reaches the domain. With an
 * `Idempotency-Key`, at most once per key (keyedChange.ts).
 */
export const command = <A, I, Out, Err>(
  context: GraphQLContext,
  name: string,
  schema: Schema.Schema<A, I>,
  input: unknown,
  execute: (actor: Actor, decoded: A) => Effect.Effect<Out, Err, AppServices>
) => keyedChange(context, name, input, Effect.flatMap(decodeInput(schema, input, ["input"]), (decoded) => execute(context.actor, decoded)))
