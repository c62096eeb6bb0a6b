import { createServer, type IncomingHttpHeaders } from "node:http"
import type { AddressInfo } from "node:net"
import { Effect } from "effect"
import { Webhook } from "standardwebhooks"

export interface Received {
  /** The request's path and query. */
  readonly url: string
  readonly headers: IncomingHttpHeaders
  readonly body: string
  /** What `Webhook.verify` of the official library returned with the receiver's secret. */
  readonly verified: boolean
  /** The status the receiver answered with. */
  readonly status: number
}

export interface Answer {
  readonly status: number
  readonly headers?: Readonly<Record<string, string>>
  readonly delayMs?: number
}

/** Decides the answer to each verified request (the n-th request, 0-based); 401 to any that fails to verify. */
export type Behaviour = (request: { readonly id: string; readonly n: number }) => Answer

/**
 * A real HTTP receiver on a free loopback port that verifies every request as a Standard Webhooks consumer
 * does, knowing only `secret`, and answers as `behaviour` says.
 */
export const receiver = (secret: string, behaviour: Behaviour = () => ({ status: 204 })) =>
  Effect.gen(function* () {
    const received: Array<Received> = []
    let held = 0
    const webhook = new Webhook(secret)
    const server = createServer((request, response) => {
      const chunks: Array<Buffer> = []
      request.on("data", (chunk: Buffer) => chunks.push(chunk))
      request.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8")
        let verified = true
        try {
          webhook.verify(body, request.headers as Record<string, string>)
        } catch {
          verified = false
        }
        const answer = verified
          ? behaviour({ id: String(request.headers["webhook-id"]), n: received.length })
          : { status: 401 }
        received.push({ url: request.url ?? "", headers: request.headers, body, verified, status: answer.status })
        // Held until the answer is written or the sender closes the connection, whichever comes first.
        held++
        const timer = setTimeout(() => response.writeHead(answer.status, answer.headers).end(), answer.delayMs ?? 0)
        response.on("close", () => {
          clearTimeout(timer)
          held--
        })
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
    /** How many requests are waiting for their answer. */
    const heldCount = () => held
    return { port, url: `http://127.0.0.1:${port}/carepanel`, received, held: heldCount }
  })

/** A fresh `whsec_` secret of 32 random bytes. */
export const newSecret = (): string => `whsec_${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64")}`

/** A loopback port that nothing listens on (taken, then freed). */
export const closedPort = Effect.async<number>((resume) => {
  const probe = createServer()
  probe.listen(0, "127.0.0.1", () => {
    const { port } = probe.address() as AddressInfo
    probe.close(() => resume(Effect.succeed(port)))
  })
})
