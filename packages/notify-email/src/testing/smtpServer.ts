// For tests (this package's and an app's): import from "@carepanel/notify-email/testing". Needs smtp-server and mailparser,
// which are development dependencies: install them beside it.
import type { AddressInfo } from "node:net"
import { Effect } from "effect"
import { type ParsedMail, simpleParser } from "mailparser"
import { SMTPServer, type SMTPServerOptions } from "smtp-server"

export interface Received {
  readonly envelope: { readonly from: string; readonly to: ReadonlyArray<string> }
  readonly user: string | undefined
  readonly mail: ParsedMail
}

export const USER = "carepanel"
export const PASSWORD = "correct horse battery staple"

/**
 * A real SMTP server on a free loopback port, for one test: it asks for the test user and password
 * (over plain text, as it is loopback) and parses every message it accepts. Pass handlers to refuse things.
 */
export const smtpServer = (options: Partial<SMTPServerOptions> = {}) =>
  Effect.gen(function* () {
    const received: Array<Received> = []
    const server = new SMTPServer({
      hideSTARTTLS: true,
      allowInsecureAuth: true,
      authMethods: ["PLAIN", "LOGIN"],
      disableReverseLookup: true,
      logger: false,
      onAuth: (auth, _session, callback) =>
        auth.username === USER && auth.password === PASSWORD
          ? callback(null, { user: auth.username })
          : callback(Object.assign(new Error("Invalid username or password"), { responseCode: 535 })),
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            received.push({
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
                to: session.envelope.rcptTo.map((rcpt) => rcpt.address)
              },
              user: typeof session.user === "string" ? session.user : undefined,
              mail
            })
            callback()
          })
          .catch((error: Error) => callback(error))
      },
      ...options
    })
    const port = yield* Effect.acquireRelease(
      Effect.async<number>((resume) => {
        const net = server.listen(0, "127.0.0.1", () => resume(Effect.succeed((net.address() as AddressInfo).port)))
      }),
      () => Effect.async<void>((resume) => server.close(() => resume(Effect.void)))
    )
    return { port, received, url: `smtp://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}` }
  })

/** A loopback port that nothing listens on (taken, then freed). */
export const closedPort = Effect.async<number>((resume) => {
  const probe = new SMTPServer({ logger: false })
  const net = probe.listen(0, "127.0.0.1", () => {
    const { port } = net.address() as AddressInfo
    probe.close(() => resume(Effect.succeed(port)))
  })
})
