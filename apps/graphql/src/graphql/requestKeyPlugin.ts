import { getOperationAST, GraphQLError, Kind } from "graphql"
import type { Plugin } from "graphql-yoga"
import type { GraphQLContext } from "./context.js"

const refused = (code: string, message: string) => new GraphQLError(message, { extensions: { code, http: { status: 400 } } })

/**
 * Before a request runs: an `Idempotency-Key` that cannot be used is refused whatever the operation (400
 * BAD_IDEMPOTENCY_KEY), and one sent with a mutation of several fields too (400 IDEMPOTENCY_KEY_NOT_APPLICABLE): a
 * key stands for one change, and each field is a change of its own, committed on its own. Nothing runs.
 */
export const requestKeyPlugin: Plugin<GraphQLContext> = {
  onExecute({ args, setResultAndStopExecution }) {
    const requestKey = args.contextValue.requestKey
    if (requestKey === undefined) return
    if ("problem" in requestKey) {
      setResultAndStopExecution({
        errors: [refused("BAD_IDEMPOTENCY_KEY", `The Idempotency-Key header cannot be used: ${requestKey.problem}. Send 1 to 255 visible ASCII characters (a UUID, say).`)]
      })
      return
    }
    const operation = getOperationAST(args.document, args.operationName)
    if (operation?.operation !== "mutation") return
    const fields = operation.selectionSet.selections
    if (fields.length !== 1 || fields[0]!.kind !== Kind.FIELD) {
      setResultAndStopExecution({
        errors: [refused("IDEMPOTENCY_KEY_NOT_APPLICABLE", "An Idempotency-Key stands for one change: send each mutation field in a request of its own, each with its own key.")]
      })
    }
  }
}
