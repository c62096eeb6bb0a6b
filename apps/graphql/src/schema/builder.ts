import SchemaBuilder from "@pothos/core"
import ErrorsPlugin from "@pothos/plugin-errors"
import RelayPlugin from "@pothos/plugin-relay"
import { InvalidInput, NotFound, NotPermitted } from "@carepanel/core"
import type { DateTime } from "effect"
import type { GraphQLContext } from "../graphql/context.js"

const capitalise = (name: string) => `${name.slice(0, 1).toUpperCase()}${name.slice(1)}`

/**
 * The schema builder and its plugins. It defines no types: each type lives in its own folder under
 * `src/schema/` with its queries and mutations, and `src/schema/index.ts` imports them all and builds.
 */
export const builder = new SchemaBuilder<{
  Context: GraphQLContext
  DefaultFieldNullability: false
  Scalars: {
    DateTime: { Input: string; Output: DateTime.Utc }
    Date: { Input: string; Output: string }
    JSON: { Input: unknown; Output: unknown }
  }
}>({
  plugins: [ErrorsPlugin, RelayPlugin],
  defaultFieldNullability: false,
  errors: {
    defaultTypes: [NotPermitted, NotFound, InvalidInput],
    directResult: true,
    defaultUnionOptions: { name: ({ fieldName }) => `${capitalise(fieldName)}Result` },
    defaultResultOptions: { name: ({ fieldName }) => `${capitalise(fieldName)}Success` }
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    nodeQueryOptions: false,
    nodesQueryOptions: false
  }
})
