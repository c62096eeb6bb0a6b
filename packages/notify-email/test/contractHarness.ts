import { type Arrival, contractAuthorityId, type NotifierHarness, type ReceiverAnswer } from "@carepanel/notify-contract"
import { Effect } from "effect"
import { simpleParser } from "mailparser"
import { makeEmailNotifier } from "../src/EmailNotifier.js"
import { staticDirectory } from "../src/RecipientDirectory.js"
import { smtpSettingsFromEnv } from "../src/SmtpConfig.js"
import { closedPort, smtpServer } from "../src/testing/smtpServer.js"

const FROM = "Carepanel <panels@contract.example.gov.uk>"
const directory = staticDirectory({ [contractAuthorityId]: { roles: { panel_administrator: ["panels@contract.example.gov.uk"] } } })

const refusal = (responseCode: number, text: string) => Object.assign(new Error(text), { responseCode })

const notifierAt = (url: string) =>
  Effect.flatMap(Effect.orDie(smtpSettingsFromEnv({ SMTP_URL: url, SMTP_FROM: FROM, SMTP_TIMEOUT_MS: "10000" })), (smtp) =>
    makeEmailNotifier({ smtp, directory })
  )

/**
 * The email notifier against the loopback SMTP server, for the notifier contract: the server answers at the end of
 * DATA (250, 451, 550, or never), and reports the subject and every header line of each message it read.
 */
export const emailHarness = Effect.gen(function* () {
  const arrivals: Array<Arrival> = []
  const heldSessions = new Set<string>()
  let answer: ReceiverAnswer = { _tag: "Accept" }
  const server = yield* smtpServer({
    onData: (stream, session, callback) => {
      simpleParser(stream)
        .then((mail) => {
          const key = String(mail.headers.get("x-carepanel-notification-id"))
          const exposed = [mail.subject ?? "", ...mail.headerLines.map((header) => header.line)]
          arrivals.push({ key, accepted: answer._tag === "Accept", exposed })
          if (answer._tag === "Hang") return heldSessions.add(session.id)
          if (answer._tag === "TemporaryFailure") return callback(refusal(451, "4.3.0 Mailbox busy, try again later"))
          if (answer._tag === "PermanentFailure") return callback(refusal(550, "5.7.1 Message refused by policy"))
          callback()
        })
        .catch((error: Error) => callback(error))
    },
    onClose: (session) => heldSessions.delete(session.id)
  })
  const port = yield* closedPort
  return {
    notifier: yield* notifierAt(server.url),
    unreachable: yield* notifierAt(`smtp://127.0.0.1:${port}`),
    receiver: { answerWith: (next) => (answer = next), arrivals: () => [...arrivals], held: () => heldSessions.size }
  } satisfies NotifierHarness
})
