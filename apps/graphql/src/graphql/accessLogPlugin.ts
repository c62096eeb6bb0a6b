import { ChildReads } from "@carepanel/core"
import { Effect } from "effect"
import { type DocumentNode, GraphQLError, getOperationAST } from "graphql"
import type { Plugin } from "graphql-yoga"
import type { GraphQLContext } from "./context.js"
import type { FailedReads } from "./failedReads.js"
import type { ServerLog } from "./masking.js"
import { maskErrorWith } from "./masking.js"

const committedButWithheld =
  "Your change was saved, but its result cannot be shown just now because the access log could not be written. Do not send it again: reload the record to see it."

interface Executed {
  readonly contextValue: GraphQLContext
  readonly document: DocumentNode
  readonly operationName?: string | null | undefined
}

/**
 * Has the core's ChildReads log the children's fields resolved since the last time (exactly what the client selected,
 * once per operation or subscription event). If the log cannot be written, the data is not returned: a read that
 * cannot be traced does not happen. A mutation's change is committed by then, so its answer says so instead of a bare
 * "Unexpected error.".
 */
const logReads = async (log: ServerLog, failedReads: FailedReads, args: Executed, setResult: (result: never) => void) => {
  const context = args.contextValue
  const reads = context.access.take()
  if (reads.length === 0) return
  const operation = getOperationAST(args.document, args.operationName)
  const purpose = operation?.name?.value ?? `unnamed ${operation?.operation ?? "operation"}`
  try {
    await context.run(Effect.flatMap(ChildReads, (childReads) => childReads.record({ actor: context.actor, purpose, reads })))
  } catch (error) {
    if (operation?.operation !== "mutation") {
      // A query's data withheld: nothing was to be saved, so its answer says nothing of saving.
      failedReads.mark(error)
      return setResult({ errors: [maskErrorWith(log, false, failedReads)(error)] } as never)
    }
    const masked = maskErrorWith(log)(error)
    // The change is committed: say so, so that nobody sends it again and makes a second record.
    const { correlationId } = masked.extensions as { readonly correlationId?: string }
    setResult({ errors: [new GraphQLError(committedButWithheld, { extensions: { code: "RESULT_WITHHELD", correlationId } })] } as never)
  }
}

/** Logs each operation's reads of children's records after it executes, and each subscription event's as it is sent. */
export const accessLogPlugin = (log: ServerLog, reads: FailedReads): Plugin<GraphQLContext> => ({
  onExecute({ args }) {
    return {
      async onExecuteDone({ result, setResult }) {
        if (Symbol.asyncIterator in Object(result)) return
        await logReads(log, reads, args, setResult)
      }
    }
  },
  onSubscribe({ args }) {
    return {
      onSubscribeResult() {
        return { onNext: ({ setResult }) => logReads(log, reads, args, setResult) }
      }
    }
  }
})
