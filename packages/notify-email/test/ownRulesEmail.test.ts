import { Notifier } from "@carepanel/core"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { EmailNotifierFromEnv } from "../src/EmailNotifier.js"
import { staticDirectory } from "../src/RecipientDirectory.js"
import { smtpServer } from "../src/testing/smtpServer.js"
import { brackenmoor, brackenmoorOwnRules, brackenmoorReadyNotice } from "./coreNotifications.js"

const FROM = "Carepanel <panels@brackenmoor.example.gov.uk>"
const ADMINISTRATOR = "panel-admin@brackenmoor.example.gov.uk"
const directory = staticDirectory({ [brackenmoor.authority.id]: { roles: { panel_administrator: [ADMINISTRATOR] } } })
const ownRulesOf = (authorityId: string) => (authorityId === brackenmoor.authority.id ? brackenmoor.ownRules : undefined)

describe("an authority's own rule on an email's Rules line, on a real SMTP server", () => {
  it.scopedLive("BRK-4: the email telling the administrator a request is ready lists the authority's own rule with its source and words", () =>
    Effect.gen(function* () {
      const notice = yield* brackenmoorReadyNotice
      const server = yield* smtpServer()
      const notifier = yield* Effect.provide(Notifier, EmailNotifierFromEnv({ env: { SMTP_URL: server.url, SMTP_FROM: FROM }, directory, ownRulesOf }))
      yield* notifier.deliver(notice)
      expect(server.received.map((received) => received.envelope.to)).toEqual([[ADMINISTRATOR]])
      const { mail } = server.received[0]!
      const listed = `Rule: BRK-4 (${brackenmoorOwnRules.source}, "${brackenmoorOwnRules.rules["BRK-4"]}").`
      expect(mail.text).toContain(`\nThere is no deadline for this.\n${listed}\n`)
      expect(mail.html).toContain(`<p>Rule: BRK-4 (Brackenmoor Children&#39;s Resource Panel, terms of reference (2026), &quot;Requests reach`)
    }))
})
