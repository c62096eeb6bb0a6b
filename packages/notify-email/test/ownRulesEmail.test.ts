import { Notifier, PersonId } from "@carepanel/core"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { EmailNotifierFromEnv } from "../src/EmailNotifier.js"
import { staticDirectory } from "../src/RecipientDirectory.js"
import { smtpServer } from "../src/testing/smtpServer.js"
import { brackenmoor, brackenmoorOwnRules, brackenmoorReadyNotice } from "./coreNotifications.js"
import { notification } from "./fixtures.js"

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

describe("the rule in an email's What happened line, cited as core's bodies cite it, on a real SMTP server", () => {
  const BRK_9 = "Panel decisions, and those made outside panel, are recorded and shared as section 9 sets out."
  const ownRules = { ...brackenmoorOwnRules, rules: { ...brackenmoorOwnRules.rules, "BRK-9": BRK_9 } }
  const caseholder = { _tag: "Person", personId: PersonId.make("ines-marlowe"), name: "Ines Marlowe", email: "ines@brackenmoor.example.gov.uk" } as const
  const decisionNotice = (kind: string, ruleId: string, facts: Record<string, string>) =>
    notification({
      id: `dec_9:${kind}`,
      authorityId: brackenmoor.authority.id,
      kind,
      recipients: [caseholder],
      headline: `Urgent decision dec_9 on request ref_9 (${ruleId})`,
      body: [],
      actBy: undefined,
      facts: { referralId: "ref_9", decisionId: "dec_9", ruleId, ...facts }
    })
  /** The refused and the lapsed decision made outside panel under `outsidePanel`, and the Complex Needs Panel notice under `complexNeeds`. */
  const notices = (outsidePanel: string, complexNeeds = outsidePanel) => [
    decisionNotice("decision.agreement_refused", outsidePanel, { refusedRole: "head_of_service" }),
    decisionNotice("decision.lapsed", outsidePanel, {}),
    decisionNotice("decision.complex_needs_referral", complexNeeds, { fundingPartners: "sen" })
  ]
  const delivered = (outsidePanel: string, complexNeeds?: string) =>
    Effect.gen(function* () {
      const server = yield* smtpServer()
      const notifier = yield* Effect.provide(Notifier, EmailNotifierFromEnv({ env: { SMTP_URL: server.url, SMTP_FROM: FROM }, directory, ownRulesOf: () => ownRules }))
      for (const notice of notices(outsidePanel, complexNeeds)) yield* notifier.deliver(notice)
      return server.received.map(({ mail }) => (mail.text ?? "").split("\nWhat happened\n")[1]!.split("\n")[0]!)
    })

  it.scopedLive("BRK-9: a refused, a lapsed and a Complex Needs Panel decision cite the own rule with its source and words", () =>
    Effect.gen(function* () {
      const cited = `(BRK-9, ${ownRules.source}, "${BRK_9}")`
      expect(yield* delivered("BRK-9")).toEqual([
        `The head of service refused to agree the urgent decision on request ref_9 made outside panel ${cited}: it has lapsed.`,
        `The urgent decision on request ref_9 made outside panel lapsed before it was agreed ${cited}: the request was heard again.`,
        `Decision dec_9 on request ref_9 is final and found that joint funding with Special Educational Needs fits ${cited}: a referral to the Complex Needs Panel will follow.`
      ])
    }))

  it.scopedLive("DEF-OUTSIDE-PANEL, CPR-6: a Carepanel default says it is one, as the body does; the seed's rule is cited by its id", () =>
    Effect.gen(function* () {
      const byDefault = "(DEF-OUTSIDE-PANEL, Carepanel default, not in the terms of reference; set by the authority's policy)"
      expect(yield* delivered("DEF-OUTSIDE-PANEL", "CPR-6")).toEqual([
        `The head of service refused to agree the urgent decision on request ref_9 made outside panel ${byDefault}: it has lapsed.`,
        `The urgent decision on request ref_9 made outside panel lapsed before it was agreed ${byDefault}: the request was heard again.`,
        "Decision dec_9 on request ref_9 is final and found that joint funding with Special Educational Needs fits (CPR-6): a referral to the Complex Needs Panel will follow."
      ])
    }))

  it.scopedLive("NSO-10: a catalogue rule is cited by its id alone", () =>
    Effect.gen(function* () {
      const lines = yield* delivered("NSO-10")
      expect(lines.map((line) => line.match(/\(([^)]*)\):/)?.[1])).toEqual(["NSO-10", "NSO-10", "NSO-10"])
    }))
})
