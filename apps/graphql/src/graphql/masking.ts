import { randomUUID } from "node:crypto"
import { GraphQLError } from "graphql"
import { UnexpectedFailure } from "./runner.js"

export type ServerLog = (line: string) => void

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

/** How every graphql-armor refusal starts (see limits.ts): "Syntax Error: Query refused: ...". */
const refusedByArmor = "Syntax Error: Query refused"

export const maskErrorWith =
  (log: ServerLog) =>
  (error: unknown): GraphQLError => {
    if (isGraphQLError(error) && error.message.startsWith(refusedByArmor)) {
      // graphql-armor's refusals carry no code; they are the client's fault, like any validation error.
      return new GraphQLError(error.message, { extensions: { code: "QUERY_REFUSED", http: { status: 400 } } })
    }
    const original = isGraphQLError(error) ? error.originalError : error
    if (isGraphQLError(error) && (original === undefined || original === null || isGraphQLError(original))) {
      return error
    }
    const correlationId = randomUUID()
    log(`[error] correlationId=${correlationId} ${detailOf(original)}`)
    return new GraphQLError("Unexpected error.", {
      ...(isGraphQLError(error) ? { nodes: error.nodes ?? null, path: error.path ?? null } : {}),
      extensions: { code: "INTERNAL_SERVER_ERROR", correlationId }
    })
  }
