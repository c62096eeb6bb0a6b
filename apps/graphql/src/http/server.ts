import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import { defaultKeepAliveSeconds } from "@carepanel/app-kit"
import type { Readiness } from "@carepanel/store-sql"
import type { Caller } from "../auth/claims.js"
import type { Verifier } from "../auth/verifier.js"
import type { ServerLog } from "../graphql/masking.js"
import { maskErrorWith } from "../graphql/masking.js"
import type { Yoga } from "../graphql/yoga.js"
import type { Admission, Refusal } from "./admission.js"
import { authenticate, challengeOf } from "./authenticate.js"
import { sendGraphiQLAsset, sendGraphiQLPage } from "./graphiql.js"
import { BodyTooLarge, readBody } from "./readBody.js"
import { noStore, sendError, sendText } from "./respond.js"
import { forwardToYoga } from "./toYoga.js"

/** A plain HTTP route beside GraphQL (CSV reports, the iCalendar feed), authenticated like the API. */
export interface Route {
  readonly matches: (url: URL) => boolean
  readonly handle: (req: IncomingMessage, res: ServerResponse, url: URL, caller: Caller) => Promise<void>
}

/** A route whose address is its own credential (a secret calendar feed): answered before any bearer token is asked for. */
export interface PublicRoute {
  readonly matches: (url: URL) => boolean
  readonly handle: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>
}

export interface HttpOptions {
  readonly yoga: Yoga
  readonly verify: Verifier
  readonly bodyLimitBytes: number
  readonly production: boolean
  readonly routes: ReadonlyArray<Route>
  readonly publicRoutes?: ReadonlyArray<PublicRoute>
  readonly log: ServerLog
  /** `/ready`'s answer: whether the store answers and holds the schema this version expects. */
  readonly ready: () => Promise<Readiness>
  /** Slow clients: how long the request headers, and the whole request (headers and body), may take to arrive. */
  readonly timeouts?: RequestTimeouts
  /** Per-client rate limits and the subscription cap, shared with the other processes on the store. */
  readonly admission: Admission
}

export interface RequestTimeouts {
  readonly headersMs: number
  readonly requestMs: number
  /** How long an idle connection is kept for the client's next request (app-kit's `defaultKeepAliveSeconds` says why). */
  readonly keepAliveMs: number
}

export const defaultTimeouts: RequestTimeouts = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: defaultKeepAliveSeconds * 1000 }

/** The request target as a URL; undefined for one no URL parser accepts (`http://[::1`), which is the client's mistake. */
const targetOf = (target: string | undefined): URL | undefined => {
  try {
    return new URL(target ?? "/", "http://localhost")
  } catch {
    return undefined
  }
}

const wantsEventStream = (req: IncomingMessage) => (req.headers.accept ?? "").includes("text/event-stream")

const sendRefusal = (res: ServerResponse, refusal: Refusal) => sendError(res, 429, refusal.code, refusal.message, refusal.headers)

const wantsGraphiQL = (req: IncomingMessage, url: URL) =>
  req.method === "GET" && url.pathname === "/graphql" && !url.searchParams.has("query") && (req.headers.accept ?? "").includes("text/html")

/**
 * The API over node:http: `/graphql` (GraphQL over HTTP and SSE), the plain routes, `/health`, `/ready`. Every response
 * says `Cache-Control: no-store`; bodies over the limit get 413; a request without a valid token gets 401; a client over
 * its rate limit, or opening one subscription too many, gets 429.
 */
export const createHttpServer = (options: HttpOptions): Server => {
  const { admission } = options
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    noStore(res)
    const url = targetOf(req.url)
    if (url === undefined) return sendError(res, 400, "BAD_REQUEST", "The request line does not name a valid address.", { Connection: "close" })
    if (url.pathname === "/health") return sendText(res, 200, "application/json; charset=utf-8", '{"status":"ok"}')
    if (url.pathname === "/ready") {
      const state = await options.ready()
      return sendText(res, state.ready ? 200 : 503, "application/json; charset=utf-8", JSON.stringify(state))
    }
    if (!options.production && url.pathname.startsWith("/graphiql/") && (await sendGraphiQLAsset(res, url.pathname))) return
    const open = options.publicRoutes?.find((candidate) => candidate.matches(url))
    if (open !== undefined) return open.handle(req, res, url)
    const graphql = url.pathname === "/graphql"
    const route = options.routes.find((candidate) => candidate.matches(url))
    if (!graphql && route === undefined) return sendError(res, 404, "NOT_FOUND", "There is nothing at this address.")
    let body: Buffer
    try {
      body = await readBody(req, options.bodyLimitBytes)
    } catch (error) {
      if (error instanceof BodyTooLarge) return sendError(res, 413, "PAYLOAD_TOO_LARGE", "The request body is too large.", { Connection: "close" })
      throw error
    }
    if (graphql && !options.production && wantsGraphiQL(req, url)) return sendGraphiQLPage(res)
    const auth = await authenticate(req, options.verify)
    if (!auth.ok) {
      const limited = admission.unauthenticated(req.socket.remoteAddress)
      if (limited !== undefined) return sendRefusal(res, limited)
      const status = auth.failure?.status ?? 401
      const message = auth.failure === undefined ? "Authentication required: send a bearer token." : auth.failure.description
      if (status === 503) return sendError(res, 503, "UNAVAILABLE", message, { "Retry-After": "30" })
      return sendError(res, status, status === 403 ? "FORBIDDEN" : "UNAUTHENTICATED", message, { "WWW-Authenticate": challengeOf(auth.failure) })
    }
    const limited = admission.caller(auth.caller)
    if (limited !== undefined) return sendRefusal(res, limited)
    if (!graphql) return route!.handle(req, res, url, auth.caller)
    if (!wantsEventStream(req)) return forwardToYoga(options.yoga, req, res, url, body, { caller: auth.caller })
    const stream = admission.openStream(auth.caller)
    if ("code" in stream) return sendRefusal(res, stream)
    res.once("close", stream.release)
    return forwardToYoga(options.yoga, req, res, url, body, { caller: auth.caller })
  }
  const timeouts = options.timeouts ?? defaultTimeouts
  // node answers 408 and closes the connection when a request is not in by its deadline; it checks every interval.
  const serverOptions = {
    headersTimeout: timeouts.headersMs,
    requestTimeout: Math.max(timeouts.requestMs, timeouts.headersMs),
    connectionsCheckingInterval: Math.min(1_000, timeouts.headersMs)
  }
  const server = createServer(serverOptions, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      const masked = maskErrorWith(options.log)(error)
      if (res.headersSent) return res.end()
      const busy = masked.extensions.http as { readonly status?: number; readonly headers?: Record<string, string> } | undefined
      if (busy?.status === 503) return sendError(res, 503, String(masked.extensions.code), masked.message, busy.headers)
      const correlationId = String((masked as { extensions?: { correlationId?: string } }).extensions?.correlationId)
      sendError(res, 500, "INTERNAL_SERVER_ERROR", `${masked.message} (correlation id ${correlationId})`, { "X-Correlation-Id": correlationId })
    })
  })
  server.keepAliveTimeout = timeouts.keepAliveMs
  return server
}
