import { startActiveSpan } from "@carepanel/app-kit"
import { getOperationAST, Kind } from "graphql"
import type { Plugin } from "graphql-yoga"
import type { GraphQLContext } from "./context.js"

/**
 * One span per GraphQL operation (`graphql.query`, `graphql.mutation`), parent of the use cases and store calls its
 * resolvers run. It names the operation's type and its top-level fields (the schema's names, checked by validation);
 * never the operation name, which the client chooses, nor any variable.
 */
export const operationSpansPlugin: Plugin<GraphQLContext> = {
  onExecute({ args, executeFn, setExecuteFn }) {
    const operation = getOperationAST(args.document, args.operationName)
    const type = operation?.operation ?? "operation"
    const fields = (operation?.selectionSet.selections ?? []).flatMap((selection) => (selection.kind === Kind.FIELD ? [selection.name.value] : []))
    const span = startActiveSpan(`graphql.${type}`, { "graphql.operation.type": type, "carepanel.graphql.fields": [...new Set(fields)].sort().join(",") })
    setExecuteFn((executionArgs) => span.run(() => executeFn(executionArgs)))
    return {
      onExecuteDone({ result }) {
        span.end("errors" in Object(result) && Array.isArray((result as { errors?: unknown }).errors))
      }
    }
  }
}
