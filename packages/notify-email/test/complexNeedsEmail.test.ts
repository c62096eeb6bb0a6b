import { Notifier } from "@carepanel/core"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { EmailNotifierFromEnv } from "../src/EmailNotifier.js"
import { staticDirectory } from "../src/RecipientDirectory.js"
import { smtpServer } from "../src/testing/smtpServer.js"
import { childNames, complexNeedsNotices } from "./coreNotifications.js"

const FROM = "Carepanel <panels@care-planning.example.gov.uk>"
const CNP_ADMIN = "complex-needs@care-planning.example.gov.uk"
const directory = staticDirectory({ "care-planning": { people: { "complex-needs-panel-administrator": CNP_ADMIN } } })

describe("CPR-6: the Complex Needs Panel notice by email, on a real SMTP server", () => {
  it.scopedLive("reaches the Complex Needs Panel administrator saying what was found and what follows, naming the child in the body only", () =>
    Effect.gen(function* () {
      const [notice, ...others] = yield* complexNeedsNotices
      expect(others).toEqual([])
      const server = yield* smtpServer()
      const notifier = yield* Effect.provide(Notifier, EmailNotifierFromEnv({ env: { SMTP_URL: server.url, SMTP_FROM: FROM }, directory }))
      yield* notifier.deliver(notice!)
      expect(server.received.map((received) => received.envelope.to)).toEqual([[CNP_ADMIN]])
      const { mail } = server.received[0]!
      expect(mail.subject).toBe("[Carepanel] Complex Needs Panel referral to come for child child-a: joint funding with Special Educational Needs (CPR-6)")
      const child = childNames.find((name) => mail.text?.includes(`Child: ${name}, case number`))
      expect(child, "the body names the child with their case number").toBeDefined()
      for (const part of [child!, ...child!.split(" ")]) expect(mail.subject).not.toContain(part)
      const text = mail.text ?? ""
      expect(text).toContain(
        `\nWhat happened\nDecision ${notice!.facts.decisionId} on request ${notice!.facts.referralId} is final and found that joint funding with Special Educational Needs fits (CPR-6): a referral to the Complex Needs Panel will follow.\n`
      )
      expect(text).toContain("\nWhat to do\nKeep the child's name and case number under Details for your records.")
      expect(text).toContain("There is no deadline for this.")
      expect(text).toContain("Rule: CPR-6.")
      expect(mail.html).toContain(`Child: ${child}, case number`)
      expect(mail.headers.get("x-carepanel-kind")).toBe("decision.complex_needs_referral")
    }))
})
