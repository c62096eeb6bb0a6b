import { ChildReads } from "@carepanel/core"
import { Effect } from "effect"
import { GraphQLError, getOperationAST } from "graphql"
import type { Plugin } from "graphql-yoga"
import type { GraphQLContext } from "./context.js"
import type { ServerLog } from "./masking.js"
import { maskErrorWith } from "./masking.js"

const committedButWithheld =
  "Your change was saved, but its result cannot be shown just now because the access log could not be written. Do not send it again: reload the record to see it."

/**
 * After each operation, the core's ChildReads logs the children's fields it resolved: exactly what the client
 * selected, once per operation. If the log cannot be written, the data is not returned: a read that cannot be
 * traced does not happen. A mutation's change is committed by then, so its answer says so instead of a bare
 * "Unexpected error.".
 */
export const accessLogPlugin = (log: ServerLog): Plugin<GraphQLContext> => ({
  onExecute({ args }) {
    return {
      async onExecuteDone({ result, setResult }) {
        if (Symbol.asyncIterator in Object(result)) return
        const context = args.contextValue
        const operation = getOperationAST(args.document, args.operationName)
        const purpose = operation?.name?.value ?? `unnamed ${operation?.operation ?? "operation"}`
        const reads = context.access.reads
        if (reads.length === 0) return
        try {
          await context.run(Effect.flatMap(ChildReads, (childReads) => childReads.record({ actor: context.actor, purpose, reads })))
        } catch (error) {
          const masked = maskErrorWith(log)(error)
          if (operation?.operation !== "mutation") return setResult({ errors: [masked as never] })
          // The change is committed: say so, so that nobody sends it again and makes a second record.
          const { correlationId } = masked.extensions as { readonly correlationId?: string }
          setResult({ errors: [new GraphQLError(committedButWithheld, { extensions: { code: "RESULT_WITHHELD", correlationId } }) as never] })
        }
      }
    }
  }
})
