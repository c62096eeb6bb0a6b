import * as http from "node:http"
import * as https from "node:https"
import type { LookupFunction } from "node:net"

export interface HttpAnswer {
  readonly status: number
  readonly retryAfter: string | undefined
}

/**
 * POSTs a body with node:http(s), through the given DNS lookup, and answers with the status once the
 * response headers arrive (the response body is read and dropped). Redirects are not followed.
 */
export const httpPost = (
  url: URL,
  body: string,
  headers: Readonly<Record<string, string>>,
  options: { readonly lookup: LookupFunction; readonly signal: AbortSignal }
): Promise<HttpAnswer> =>
  new Promise((resolve, reject) => {
    const request = (url.protocol === "https:" ? https : http).request(url, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) },
      lookup: options.lookup,
      signal: options.signal
    })
    request.on("error", reject)
    request.on("response", (response) => {
      response.resume()
      response.on("error", () => undefined)
      const retryAfter = response.headers["retry-after"]
      resolve({ status: response.statusCode ?? 0, retryAfter })
    })
    request.end(body)
  })
