import { AccessLog } from "@carepanel/core"
import { Effect } from "effect"
import { getOperationAST } from "graphql"
import type { Plugin } from "graphql-yoga"
import type { GraphQLContext } from "./context.js"
import type { ServerLog } from "./masking.js"
import { maskErrorWith } from "./masking.js"

/**
 * After each operation, writes the children's fields it read to the AccessLog port. If the log cannot be
 * written, the data is not returned: a read that cannot be traced does not happen.
 */
export const accessLogPlugin = (log: ServerLog): Plugin<GraphQLContext> => ({
  onExecute({ args }) {
    return {
      async onExecuteDone({ result, setResult }) {
        if (Symbol.asyncIterator in Object(result)) return
        const context = args.contextValue
        const operation = getOperationAST(args.document, args.operationName)
        const purpose = operation?.name?.value ?? `unnamed ${operation?.operation ?? "operation"}`
        const records = context.access.records(context.actor, purpose)
        if (records.length === 0) return
        try {
          await context.run(Effect.flatMap(AccessLog, (accessLog) => accessLog.record(records)))
        } catch (error) {
          setResult({ errors: [maskErrorWith(log)(error) as never] })
        }
      }
    }
  }
})
