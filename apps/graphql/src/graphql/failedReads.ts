import { PersistenceError } from "@carepanel/core"
import { type ExecutionResult, getOperationAST } from "graphql"
import type { Plugin } from "graphql-yoga"

/**
 * The store's failures met while answering a query or a subscription: reads, which change nothing, so their
 * STORE_FAILED says nothing of saving (masking.ts). Only the operation's type tells a read from a change (a mutation's
 * resolver may read, and a few mutations run through the same helpers as queries), so they are marked here, where it
 * is known, before the errors are masked.
 */
export class FailedReads {
  private readonly failed = new WeakSet<object>()

  mark(error: unknown): void {
    if (error instanceof PersistenceError) this.failed.add(error)
  }

  has(error: unknown): boolean {
    return error instanceof PersistenceError && this.failed.has(error)
  }
}

const markEach = (reads: FailedReads, result: ExecutionResult) => {
  for (const error of result.errors ?? []) reads.mark(error.originalError)
}

/** Marks the store's failures in every query's and subscription event's result (yoga masks errors after user plugins). */
export const failedReadsPlugin = (reads: FailedReads): Plugin => ({
  onExecute({ args }) {
    if (getOperationAST(args.document, args.operationName)?.operation === "mutation") return
    return {
      onExecuteDone({ result }) {
        if (!(Symbol.asyncIterator in Object(result))) markEach(reads, result as ExecutionResult)
      }
    }
  },
  onSubscribe() {
    return { onSubscribeResult: () => ({ onNext: ({ result }) => markEach(reads, result as ExecutionResult) }) }
  }
})
