import type { Actor } from "@carepanel/core"
import type { InputFieldBuilder, InputFieldMap, ObjectRef } from "@pothos/core"
import type { Effect, Schema } from "effect"
import type { AppServices } from "../app/appLayer.js"
import type { GraphQLContext } from "../graphql/context.js"
import { builder } from "./builder.js"
import type { ErrorClass } from "./errors/domainError.js"
import { commonRefusals } from "./errors/refusals.js"
import { command } from "./run.js"

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never

/** The fields of a mutation's input type, `<Mutation>Input`. */
export type InputFields = (t: InputFieldBuilder<Types, "InputObject">) => InputFieldMap

export interface CommandMutation<A, I, Out> {
  readonly description: string
  /** Kept for integrators already calling it; says what to call instead. */
  readonly deprecationReason?: string
  readonly type: ObjectRef<Types, Out>
  readonly fields: InputFields
  /** The core schema the input is decoded with; its problems come back as InvalidInput with paths. */
  readonly schema: Schema.Schema<A, I>
  /** The domain's refusals this command can answer with (NotPermitted, NotFound, InvalidInput are always there). */
  readonly refusals: ReadonlyArray<ErrorClass>
  readonly execute: (actor: Actor, input: A) => Effect.Effect<Out, unknown, AppServices>
  /** Runs after the command committed, e.g. to publish to subscribers. */
  readonly after?: (result: Out, context: GraphQLContext) => void
}

/** A mutation for one core command: `name(input: XInput!): XResult` where XResult = the record | its refusals. */
export const commandMutation = <A, I, Out>(name: string, options: CommandMutation<A, I, Out>) => {
  const input = builder.inputType(`${name.slice(0, 1).toUpperCase()}${name.slice(1)}Input`, { fields: options.fields })
  return builder.mutationField(name, (t) =>
    t.field({
      type: options.type,
      description: options.description,
      ...(options.deprecationReason === undefined ? {} : { deprecationReason: options.deprecationReason }),
      args: { input: t.arg({ type: input, required: true }) },
      errors: { types: [...commonRefusals, ...options.refusals] },
      resolve: (async (_root: unknown, args: { readonly input: unknown }, context: GraphQLContext) => {
        const result = await command(context, name, options.schema, args.input, options.execute)
        options.after?.(result, context)
        return result
      }) as never
    })
  )
}
