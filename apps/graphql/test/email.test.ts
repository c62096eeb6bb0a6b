import { dispatcherConfig, preset } from "@carepanel/core"
import { exampleForm, staffOf } from "@carepanel/core/testing"
import { PASSWORD, type Received, smtpServer } from "@carepanel/notify-email/testing"
import { Effect, Exit, Scope } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { notifierFromEnv } from "../src/app/notifier.js"
import { onReferral } from "./support/documents.js"
import { startTestApp, type TestApp } from "./support/harness.js"
import { run } from "./support/scenario.js"

const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)
const child = { id: "mail-child-1", name: "Wren Kittering" }
const teamManagerAddress = "tom.brackley@wexcombe.example.gov.uk"
const directory = JSON.stringify({ [policy.authority.id]: { people: { [staff.teamManager.personId]: teamManagerAddress } } })

let scope: Scope.CloseableScope
let server: { readonly url: string; readonly port: number; readonly received: Array<Received> }
let app: TestApp

beforeAll(async () => {
  scope = Effect.runSync(Scope.make())
  server = await Effect.runPromise(Scope.extend(smtpServer(), scope))
  const env = { SMTP_URL: server.url, SMTP_FROM: "Carepanel <panels@wexcombe.example.gov.uk>", CAREPANEL_EMAIL_DIRECTORY: directory }
  app = await startTestApp([policy], { notifier: notifierFromEnv(env, [policy], () => undefined), dispatcher: dispatcherConfig({ intervalMs: 100 }) })
})
afterAll(async () => {
  await app.close()
  await Effect.runPromise(Scope.close(scope, Exit.void))
})

const arrived = async (to: string) => {
  for (let tries = 0; tries < 100; tries++) {
    const mail = server.received.find((message) => message.envelope.to.includes(to))
    if (mail !== undefined) return mail
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`no email to ${to}; received: ${JSON.stringify(server.received.map((message) => message.envelope))}`)
}

describe("notifications by email, when SMTP is configured", () => {
  it("tells the team manager a request waits for their approval, with no child's name in the subject", async () => {
    const draft = await run(app, staff.socialWorker, "createReferralDraft", onReferral, {
      form: exampleForm(policy.panels[0].id, policy.referral.inScope.requestTypes[0]!, child)
    })
    for (const [i, required] of policy.referral.requiredDocuments.entries()) {
      await run(app, staff.socialWorker, "recordReferralDocument", onReferral, {
        referralId: draft.id,
        document: { documentId: `${draft.id}-doc-${i}`, kind: required.kind, title: required.kind }
      })
    }
    await run(app, staff.socialWorker, "submitReferral", onReferral, { referralId: draft.id })

    const mail = await arrived(teamManagerAddress)
    expect(mail.user).toBe("carepanel")
    expect(mail.mail.subject).not.toContain("Wren")
    expect(mail.mail.text).toContain(draft.id)
    expect(mail.mail.html).toBeTruthy()
  })

  it("stops the server from starting, naming the setting, when the SMTP server refuses the password", async () => {
    const wrong = server.url.replace(encodeURIComponent(PASSWORD), "not-the-password")
    const attempt = startTestApp([policy], { notifier: notifierFromEnv({ SMTP_URL: wrong, SMTP_FROM: "panels@wexcombe.example.gov.uk" }, [policy], () => undefined) })
    await expect(attempt).rejects.toMatchObject({ setting: expect.stringMatching(/^SMTP_/) })
  })
})
