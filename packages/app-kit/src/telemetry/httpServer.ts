import type { Server } from "node:http"
import { recordHttpRequest } from "./metrics.js"

/**
 * Measures every request the server answers (`http.server.request.duration`). `routeOf` names the route from the
 * path as a fixed template (`/graphql`, `/webhooks/{authority}/{source}`), so a client cannot invent new labels.
 */
export const observeHttpServer = (server: Server, routeOf: (path: string) => string): void => {
  server.on("request", (request, response) => {
    const started = performance.now()
    const path = (request.url ?? "/").split("?")[0] ?? "/"
    response.once("close", () =>
      recordHttpRequest({ method: request.method, route: routeOf(path), status: response.statusCode, seconds: (performance.now() - started) / 1000 })
    )
  })
}

/**
 * A route namer from the app's fixed paths and path prefixes: `/reports/` names `/reports/…` as `/reports/{…}`, and a
 * path matching none is `unmatched` (a client's made-up path never becomes a label).
 */
export const routeNamer =
  (routes: { readonly exact: ReadonlyArray<string>; readonly prefixes: ReadonlyArray<string> }) =>
  (path: string): string => {
    if (routes.exact.includes(path)) return path
    const prefix = routes.prefixes.find((candidate) => path.startsWith(candidate))
    return prefix === undefined ? "unmatched" : `${prefix}{…}`
  }
