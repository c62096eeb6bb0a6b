import { decodePolicy, Notifier, preset } from "@carepanel/core"
import { smtpServer } from "@carepanel/notify-email/testing"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { emailNotifierFromEnv } from "../src/index.js"

// Brackenmoor, a fictional council, declares a deadline of its own; the app loads its policy beside a preset's.
const source = "Brackenmoor Children's Resource Panel, terms of reference (2026)"
const words = "Requests reach the panel administrator 5 working days before the sitting."
const brackenmoor = Effect.runSync(
  decodePolicy({
    extends: "lincolnshire",
    authority: { id: "brackenmoor", name: "Brackenmoor Borough Council" },
    ownRules: { source, rules: { "BRK-4": words } },
    referral: { submissionDeadline: { ruleId: "BRK-4", clock: { _tag: "DaysBefore", days: 5, unit: "working", time: "12:00" } } }
  })
)
const administrator = "panel-admin@brackenmoor.example.gov.uk"

describe("the app's email notifier knows each loaded authority's own rules", () => {
  it.scopedLive("BRK-4: a Brackenmoor email's Rules line gives the rule with its source and words", () =>
    Effect.gen(function* () {
      const server = yield* smtpServer()
      const env = {
        SMTP_URL: server.url,
        SMTP_FROM: "Carepanel <panels@brackenmoor.example.gov.uk>",
        CAREPANEL_EMAIL_DIRECTORY: JSON.stringify({ brackenmoor: { roles: { panel_administrator: [administrator] } } })
      }
      const notifier = yield* Effect.provide(Notifier, emailNotifierFromEnv(env, [preset("north-somerset"), brackenmoor])!)
      yield* notifier.deliver({
        id: "ref_1:ready",
        authorityId: brackenmoor.authority.id,
        kind: "referral.ready",
        recipients: [{ _tag: "RoleHolder", role: "panel_administrator" }],
        headline: "Panel request ref_1 is complete and approved, ready for a sitting",
        body: [`Ready at 09:00 Tue 1 Jun 2027; put it on a sitting (BRK-4, ${source}, "${words}").`],
        facts: { referralId: "ref_1" }
      })
      expect(server.received[0]?.mail.text).toContain(`\nRule: BRK-4 (${source}, "${words}").\n`)
    }))
})
