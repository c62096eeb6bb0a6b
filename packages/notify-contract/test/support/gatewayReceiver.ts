import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { Effect } from "effect"
import type { Arrival, ReceiverAnswer } from "../../src/index.js"

const statusOf = { Accept: 202, TemporaryFailure: 503, PermanentFailure: 422 } as const

/** A secure-email gateway's HTTP API on a loopback port: takes JSON with an Idempotency-Key, answers as told. */
export const gatewayReceiver = Effect.gen(function* () {
  const arrivals: Array<Arrival> = []
  let answer: ReceiverAnswer = { _tag: "Accept" }
  let held = 0
  const server = createServer((request, response) => {
    const chunks: Array<Buffer> = []
    request.on("data", (chunk: Buffer) => chunks.push(chunk))
    request.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { readonly subject: string }
      const exposed = [request.url ?? "", ...request.rawHeaders, body.subject]
      const key = String(request.headers["idempotency-key"])
      if (answer._tag === "Hang") {
        held++
        response.on("close", () => held--)
        arrivals.push({ key, accepted: false, exposed })
        return
      }
      arrivals.push({ key, accepted: answer._tag === "Accept", exposed })
      const retryAfter = answer._tag === "TemporaryFailure" && answer.retryAfterSeconds !== undefined ? { "retry-after": String(answer.retryAfterSeconds) } : {}
      response.writeHead(statusOf[answer._tag], retryAfter).end()
    })
  })
  const port = yield* Effect.acquireRelease(
    Effect.async<number>((resume) => {
      server.listen(0, "127.0.0.1", () => resume(Effect.succeed((server.address() as AddressInfo).port)))
    }),
    () =>
      Effect.async<void>((resume) => {
        server.closeAllConnections()
        server.close(() => resume(Effect.void))
      })
  )
  return {
    url: `http://127.0.0.1:${port}/v1/messages`,
    probe: { answerWith: (next: ReceiverAnswer) => (answer = next), arrivals: () => [...arrivals], held: () => held }
  }
})

/** A loopback port that nothing listens on (taken, then freed). */
export const closedPort = Effect.async<number>((resume) => {
  const probe = createServer()
  probe.listen(0, "127.0.0.1", () => {
    const { port } = probe.address() as AddressInfo
    probe.close(() => resume(Effect.succeed(port)))
  })
})
