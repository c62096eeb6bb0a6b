import { createServer, type IncomingHttpHeaders } from "node:http"
import type { AddressInfo } from "node:net"
import { Webhook } from "standardwebhooks"

/** One webhook the case system was sent. */
export interface Received {
  readonly headers: IncomingHttpHeaders
  readonly body: string
}

/** A webhook's body once its signature is verified by the specification's official library. */
export interface VerifiedWebhook {
  readonly type: string
  readonly data: Record<string, any>
}

/** The case system's side: a real HTTP endpoint on 127.0.0.1 that keeps what it was sent and answers 204. */
export const startCaseSystem = async () => {
  const received: Array<Received> = []
  const server = createServer((request, response) => {
    let body = ""
    request.on("data", (chunk) => {
      body += chunk
    })
    request.on("end", () => {
      received.push({ headers: request.headers, body })
      response.writeHead(204).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const waitFor = async <A>(find: (webhooks: ReadonlyArray<Received>) => A | undefined, ms = 30_000): Promise<A> => {
    const until = Date.now() + ms
    for (;;) {
      const found = find(received)
      if (found !== undefined) return found
      if (Date.now() > until) throw new Error(`nothing arrived in time; received ${received.map((r) => r.body).join("\n")}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/carepanel-outcomes`,
    received,
    waitFor,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

/** Verifies a webhook as the case system would (throws when the signature does not match) and returns its body. */
export const verifyWebhook = (webhook: Received, secret: string): VerifiedWebhook =>
  new Webhook(secret).verify(webhook.body, {
    "webhook-id": String(webhook.headers["webhook-id"]),
    "webhook-timestamp": String(webhook.headers["webhook-timestamp"]),
    "webhook-signature": String(webhook.headers["webhook-signature"])
  }) as VerifiedWebhook

/** The sources file of the tests with mosaic's outcomes going to `url`, signed with `outboundSecret`. */
export const withOutbound = (sources: { readonly authorities: { readonly wexcombe: { readonly sources: Record<string, object> } } }, url: string, outboundSecret: string) => ({
  authorities: {
    wexcombe: {
      sources: {
        ...sources.authorities.wexcombe.sources,
        mosaic: { ...sources.authorities.wexcombe.sources.mosaic, outbound: { url, secrets: [outboundSecret], allowPrivateNetwork: true } }
      }
    }
  }
})
