import { connect } from "node:net"
import { type AuthorityId, type Notification, Notifier, type PersonId, preset } from "@carepanel/core"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { LogNotifier } from "../../src/app/logNotifier.js"
import { maskErrorWith } from "../../src/graphql/masking.js"
import { startTestApp, type TestApp } from "../support/harness.js"

/** Every C0 control, DEL, the Unicode line separators, and text shaped like a forged log line. */
const hostile = [
  ...Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)),
  "\u007f",
  "\u2028",
  "\u2029",
  '\r\n{"level":"INFO","message":"notification","forged":true}\n',
  "[notify] forged -> everyone: approved\r\n",
  "Ada\u0000Lovelace\r\n\r\n"
]

/** A file's worth of log output, split the way a log shipper splits it. */
const linesOf = (written: ReadonlyArray<string>) => (written.length === 0 ? [] : written.join("\n").split(/\r\n|\n|\r/))

const notificationWith = (text: string, n: number): Notification => ({
  id: `n-${n}-${text}`,
  authorityId: "lincolnshire" as AuthorityId,
  kind: `kind ${text}`,
  recipients: [{ _tag: "Person", personId: `p-${text}` as PersonId, name: `Staff ${text} Name` }, { _tag: "RoleHolder", role: "panel_chair" }],
  headline: `Headline ${text}`,
  body: [text],
  facts: { note: text }
})

describe("log lines cannot be forged through free text", () => {
  it("writes one JSON object per notification, whatever its names and headline hold, and reads each back exactly", async () => {
    const written: Array<string> = []
    const notifications = hostile.map(notificationWith)
    await Effect.runPromise(
      Effect.forEach(notifications, (notification) => Effect.flatMap(Notifier, (notifier) => notifier.deliver(notification))).pipe(
        Effect.provide(LogNotifier((line) => written.push(line)))
      )
    )
    const lines = linesOf(written)
    expect(lines).toHaveLength(notifications.length)
    lines.forEach((line, i) => {
      const entry = JSON.parse(line) as { message: string; logLevel: string; annotations: Record<string, unknown> }
      const sent = notifications[i]!
      expect(entry.message).toBe("notification")
      expect(entry.logLevel).toBe("INFO")
      expect(entry.annotations).toEqual({
        correlationId: sent.id,
        authorityId: sent.authorityId,
        kind: sent.kind,
        recipients: [{ personId: `p-${hostile[i]}`, name: `Staff ${hostile[i]} Name` }, { role: "panel_chair" }],
        headline: sent.headline
      })
    })
  })

  it("writes an unexpected error as one JSON object with its correlation id, whatever its message and stack hold", () => {
    const written: Array<string> = []
    const ids = hostile.map((text) => {
      const masked = maskErrorWith((line) => written.push(line))(new Error(`disk full ${text} at ${text}`))
      return (masked.extensions as { correlationId: string }).correlationId
    })
    const lines = linesOf(written)
    expect(lines).toHaveLength(hostile.length)
    lines.forEach((line, i) => {
      const entry = JSON.parse(line) as { message: string; logLevel: string; annotations: { correlationId: string; detail: string } }
      expect(entry).toMatchObject({ message: "unexpected error", logLevel: "ERROR", annotations: { correlationId: ids[i] } })
      expect(entry.annotations.detail).toContain(`disk full ${hostile[i]} at ${hostile[i]}`)
    })
  })
})

describe("a malformed request line", () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp([preset("lincolnshire")])
  })
  afterAll(() => app.close())

  const raw = (requestLine: string) =>
    new Promise<string>((resolve, reject) => {
      const { hostname, port } = new URL(app.url)
      const socket = connect(Number(port), hostname, () => socket.write(`${requestLine}\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`))
      let answer = ""
      socket.on("data", (chunk) => (answer += chunk.toString()))
      socket.on("end", () => resolve(answer))
      socket.on("error", reject)
    })

  it.each(["GET http://[::1 HTTP/1.1", "GET http://[::1/graphql HTTP/1.1", "POST http://%zz@[x/graphql HTTP/1.1"])("%s answers 400, without a stack", async (line) => {
    const answer = await raw(line)
    expect(answer).toMatch(/^HTTP\/1\.1 400 /)
    expect(answer).not.toMatch(/Error:|\n\s+at /)
    for (const logged of linesOf(app.logs)) expect(() => JSON.parse(logged)).not.toThrow()
  })
})
