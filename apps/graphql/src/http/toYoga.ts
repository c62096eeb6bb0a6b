import type { IncomingMessage, ServerResponse } from "node:http"
import type { ServerContext } from "../graphql/context.js"
import type { Yoga } from "../graphql/yoga.js"
import { noStore } from "./respond.js"

const headersOf = (req: IncomingMessage): Record<string, string> => {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    headers[name] = Array.isArray(value) ? value.join(", ") : value
  }
  return headers
}

/**
 * Hands a request whose body is already read (and size-checked) to yoga as a Fetch Request, and streams its
 * Response back: whole JSON bodies and Server-Sent Events alike. A client that goes away ends the stream.
 */
export const forwardToYoga = async (yoga: Yoga, req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer, context: ServerContext) => {
  const aborted = new AbortController()
  // "close" also follows every finished response: only a client gone before the end is an abort (and worth an error).
  res.on("close", () => {
    if (!res.writableFinished) aborted.abort()
  })
  const method = req.method ?? "GET"
  // yoga's own Request class: a global Request would be converted to it, body stream and all, on every request.
  const request = new yoga.fetchAPI.Request(url, {
    method,
    headers: headersOf(req),
    ...(method === "GET" || method === "HEAD" ? {} : { body: body.toString("utf8") }),
    signal: aborted.signal
  })
  const response = await yoga.handleRequest(request, context)
  response.headers.forEach((value, name) => {
    res.setHeader(name, value)
  })
  noStore(res)
  res.writeHead(response.status)
  if (response.body === null) {
    res.end()
    return
  }
  if (!(response.headers.get("content-type") ?? "").startsWith("text/event-stream")) {
    res.end(Buffer.from(await response.arrayBuffer()))
    return
  }
  const reader = response.body.getReader()
  aborted.signal.addEventListener("abort", () => void reader.cancel().catch(() => undefined))
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      res.write(value)
    }
  } catch {
    // the client went away mid-stream
  } finally {
    res.end()
  }
}
