import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  type GraphQLField,
  type GraphQLFieldResolver,
  GraphQLList,
  GraphQLObjectType,
  type GraphQLSchema,
  isNonNullType
} from "graphql"
import type { GraphQLContext } from "../../graphql/context.js"
import { freeTextFields, identityFields, identityWhenFields, redactedText, type WithheldWhen } from "./fieldScopes.js"

/** Whether this caller reads children's identities: any role but integrator, or an integrator whose token grants the scope. */
export const revealsIdentity = (caller: Pick<GraphQLContext, "caller" | "actor">): boolean =>
  caller.caller.identityGranted || caller.actor.roles.some((role) => role !== "integrator")

const fieldOf = (schema: GraphQLSchema, typeName: string, fieldName: string): GraphQLField<unknown, GraphQLContext> => {
  const type = schema.getType(typeName)
  const field = type instanceof GraphQLObjectType ? type.getFields()[fieldName] : undefined
  if (field === undefined) throw new Error(`fieldScopes.ts names ${typeName}.${fieldName}, which the schema does not have`)
  return field
}

/** What a withheld free-text field answers: the marker, as one item for a list of strings. */
const redactionOf = (field: GraphQLField<unknown, GraphQLContext>): string | ReadonlyArray<string> => {
  const type = getNullableType(field.type)
  const listed = type instanceof GraphQLList
  const nested = listed && getNullableType(type.ofType) instanceof GraphQLList
  if (getNamedType(type).name !== "String" || nested) {
    throw new Error(`${field.name}: only String fields (or lists of them) can be withheld as free text`)
  }
  return listed ? [redactedText] : redactedText
}

/** Replaces a field's resolver: without the identity scope it answers `withheld` and never reads (or logs) the value. */
const guard = (field: GraphQLField<unknown, GraphQLContext>, withheld: unknown): void => {
  const resolve: GraphQLFieldResolver<unknown, GraphQLContext> = field.resolve ?? defaultFieldResolver
  const shown = withheld === null ? "null" : `"${redactedText}"`
  field.description = [field.description, `Withheld (${shown}) from integrators without the identity scope.`].filter(Boolean).join(" ")
  field.resolve = (source, args, context, info) => (revealsIdentity(context) ? resolve(source, args, context, info) : withheld)
}

/** Like `guard`, but only when the source holds art. 9 or 10 data: the predicate reads the source, never the resolved value. */
const guardWhen = (field: GraphQLField<unknown, GraphQLContext>, withheld: WithheldWhen<never>): void => {
  const resolve: GraphQLFieldResolver<unknown, GraphQLContext> = field.resolve ?? defaultFieldResolver
  field.description = [field.description, `Withheld (null) from integrators without the identity scope when ${withheld.what}.`].filter(Boolean).join(" ")
  field.resolve = (source, args, context, info) => (revealsIdentity(context) || !withheld.when(source as never) ? resolve(source, args, context, info) : null)
}

const eachField = (fields: Readonly<Record<string, ReadonlyArray<string>>>, schema: GraphQLSchema, apply: (field: GraphQLField<unknown, GraphQLContext>, name: string) => void) => {
  for (const [typeName, names] of Object.entries(fields)) {
    for (const name of names) apply(fieldOf(schema, typeName, name), `${typeName}.${name}`)
  }
}

const nullable = (field: GraphQLField<unknown, GraphQLContext>, name: string) => {
  if (isNonNullType(field.type)) throw new Error(`${name} is withheld as null, so it must be nullable`)
}

/** Applies fieldScopes.ts to the built schema: identity fields withheld as null (some only when...), free text as the marker. */
export const applyDisclosure = (schema: GraphQLSchema): GraphQLSchema => {
  eachField(identityFields, schema, (field, name) => {
    nullable(field, name)
    guard(field, null)
  })
  for (const [typeName, fields] of Object.entries(identityWhenFields)) {
    for (const [fieldName, withheld] of Object.entries(fields)) {
      const field = fieldOf(schema, typeName, fieldName)
      nullable(field, `${typeName}.${fieldName}`)
      guardWhen(field, withheld)
    }
  }
  eachField(freeTextFields, schema, (field) => guard(field, redactionOf(field)))
  return schema
}
