import { randomUUID } from "node:crypto"
import { isStoreBusy, PersistenceError } from "@carepanel/core"
import { storeErrorOf } from "@carepanel/store-sql"
import { GraphQLError } from "graphql"
import { type LogSink, logEntry } from "../app/jsonLog.js"
import type { FailedReads } from "./failedReads.js"
import { productionMessage } from "./productionMessages.js"
import { UnexpectedFailure } from "./runner.js"

/** The server log: JSON lines written through Effect's logger (see app/jsonLog.ts). */
export type ServerLog = LogSink

const detailOf = (error: unknown): string => {
  if (error instanceof UnexpectedFailure) return error.detail
  if (error instanceof Error) return `${error.name}: ${error.message}\n${error.stack ?? ""}`
  try {
    return JSON.stringify(error)
  } catch {
    return String(error)
  }
}

/**
 * Errors the API means to show (GraphQL's own, validation, limits) pass through. Anything else becomes
 * "Unexpected error." with a correlation id; the real error goes to the server log under that id only.
 */
/**
 * A GraphQLError from any copy of graphql-js: graphql-armor loads the CommonJS build and the app the ES module
 * build, so `instanceof` alone misses armor's refusals.
 */
export const isGraphQLError = (error: unknown): error is GraphQLError =>
  error instanceof GraphQLError || (error instanceof Error && error.name === "GraphQLError" && "extensions" in error)

/** Every graphql-armor refusal (see limits.ts): armor puts "Syntax Error: " before our message, which it is not. */
const refusedByArmor = /^Syntax Error: (Query refused by the (\w+) limit.*)$/s

/** The same error reworded for production (see productionMessages.ts), without yoga's `originalError` extension. */
export const forProduction = (error: GraphQLError): GraphQLError => {
  const { originalError: _echo, ...extensions } = error.extensions ?? {}
  return new GraphQLError(productionMessage(error.message), {
    nodes: error.nodes ?? null,
    source: error.source ?? null,
    positions: error.positions ?? null,
    path: error.path ?? null,
    extensions
  })
}

/**
 * Another process held the store's write lock for longer than a write may wait (SQLite): nothing was saved, and
 * the request may be sent again. HTTP 503 with `Retry-After` (yoga takes both from `extensions.http`), never 500. A
 * read (its access-log entry could not be written) says nothing of saving.
 */
export const storeBusy = (retryAfterSeconds: number, at?: GraphQLError, what: "change" | "read" = "change"): GraphQLError =>
  new GraphQLError(
    what === "read"
      ? `The store is busy with another process's work, so this could not be read just now. Please try again in ${retryAfterSeconds} s.`
      : `The store is busy with another process's work; nothing was saved. Please try again in ${retryAfterSeconds} s.`,
    {
      ...(at === undefined ? {} : { nodes: at.nodes ?? null, path: at.path ?? null }),
      extensions: { code: "STORE_BUSY", retryAfterSeconds, http: { status: 503, headers: { "Retry-After": String(retryAfterSeconds) } } }
    }
  )

/**
 * The store failed (its database unreachable, a table missing, a record it could not read): not a bug in the request,
 * and not known to be over, so 503 with its own code, for a client or an operator to tell from a defect. For a change,
 * whether it was saved is not known (a connection lost at its commit may have committed; docs/operations.md says why
 * the API does not tell): the person reads the record before sending it again. A read (a query, a subscription's
 * event) changes nothing, so its answer says nothing of saving. The detail goes to the server log only, under the
 * correlation id.
 */
export const storeFailed = (correlationId: string, at?: GraphQLError, what: "change" | "read" = "change"): GraphQLError =>
  new GraphQLError(
    what === "read"
      ? "Carepanel's store failed, so this could not be read just now. Please try again in a moment; if it keeps happening, quote the correlation id to the service desk."
      : "Carepanel's store failed, so this could not be done. A change may or may not have been saved: read the record before sending it again. Quote the correlation id to the service desk.",
    {
      ...(at === undefined ? {} : { nodes: at.nodes ?? null, path: at.path ?? null }),
      extensions: { code: "STORE_FAILED", correlationId, http: { status: 503 } }
    }
  )

export const maskErrorWith =
  (log: ServerLog, production = false, reads?: FailedReads) =>
  (error: unknown): GraphQLError => {
    const refusal = isGraphQLError(error) ? refusedByArmor.exec(error.message) : null
    if (refusal !== null) {
      // graphql-armor's refusals carry no code; they are the client's fault, like any validation error.
      return new GraphQLError(refusal[1]!, { extensions: { code: "QUERY_REFUSED", limit: refusal[2], http: { status: 400 } } })
    }
    const original = isGraphQLError(error) ? error.originalError : error
    if (isGraphQLError(error) && (original === undefined || original === null || isGraphQLError(original))) {
      return production ? forProduction(error) : error
    }
    if (isStoreBusy(original)) {
      logEntry(log, "Warning", "store busy", { operation: original.operation, retryAfterSeconds: original.retryAfterSeconds })
      return storeBusy(original.retryAfterSeconds, isGraphQLError(error) ? error : undefined, reads?.has(original) ? "read" : "change")
    }
    const correlationId = randomUUID()
    if (original instanceof PersistenceError) {
      const storeError = storeErrorOf(original)
      logEntry(log, "Error", "store failed", { correlationId, operation: original.operation, ...(storeError === undefined ? {} : { storeError }), detail: detailOf(original) })
      return storeFailed(correlationId, isGraphQLError(error) ? error : undefined, reads?.has(original) ? "read" : "change")
    }
    logEntry(log, "Error", "unexpected error", { correlationId, detail: detailOf(original) })
    return new GraphQLError("Unexpected error.", {
      ...(isGraphQLError(error) ? { nodes: error.nodes ?? null, path: error.path ?? null } : {}),
      extensions: { code: "INTERNAL_SERVER_ERROR", correlationId }
    })
  }
