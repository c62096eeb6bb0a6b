import type { ServerResponse } from "node:http"

/** Every response carries `Cache-Control: no-store`: nothing the API says may be kept by a cache or a browser. */
export const noStore = (res: ServerResponse): void => {
  res.setHeader("Cache-Control", "no-store")
}

/** A GraphQL-shaped error body (`{ errors: [{ message, extensions: { code } }] }`) with a status. */
export const sendError = (
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Readonly<Record<string, string>> = {}
): void => {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] })
  noStore(res)
  res.writeHead(status, { ...headers, "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(body) })
  res.end(body)
}

/** A complete body of some type, e.g. CSV or iCalendar. */
export const sendText = (res: ServerResponse, status: number, contentType: string, text: string | Buffer, headers: Readonly<Record<string, string>> = {}): void => {
  noStore(res)
  res.writeHead(status, { ...headers, "Content-Type": contentType, "Content-Length": Buffer.byteLength(text) })
  res.end(text)
}
