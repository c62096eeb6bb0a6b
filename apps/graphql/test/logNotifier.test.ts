import type { AuthorityId, Notification, PersonId } from "@carepanel/core"
import { Notifier } from "@carepanel/core"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { jsonLoggerTo } from "../src/app/jsonLog.js"
import { LogNotifier } from "../src/app/logNotifier.js"
import { emailOffNotice } from "../src/app/notifier.js"

const notification = {
  id: "ntf-1",
  authorityId: "wexcombe" as AuthorityId,
  kind: "referral.ready",
  recipients: [{ _tag: "Person", personId: "p-1" as PersonId, name: "Robin Ashby" }],
  headline: "Panel request for child wx-child-01 (accommodation under section 20) is complete and approved, ready for a sitting",
  body: [],
  facts: {}
} as unknown as Notification

describe("notifications written as log lines (no SMTP server configured)", () => {
  it("are written once, to the notifier's own output, not also to the app's log", async () => {
    const notices: Array<string> = []
    const appLog: Array<string> = []
    await Effect.runPromise(
      Effect.flatMap(Notifier, (notifier) => notifier.deliver(notification)).pipe(
        Effect.provide(LogNotifier((line) => notices.push(line))),
        // As in the running API: its runtime logs JSON lines to stderr.
        Effect.provide(jsonLoggerTo((line) => appLog.push(line)))
      )
    )
    expect(notices).toHaveLength(1)
    expect(JSON.parse(notices[0]!).annotations.kind).toBe("referral.ready")
    expect(appLog).toEqual([])
  })

  it("leave the app's own log lines where they were", async () => {
    const notices: Array<string> = []
    const appLog: Array<string> = []
    await Effect.runPromise(
      Effect.flatMap(Notifier, (notifier) => Effect.zipRight(notifier.deliver(notification), Effect.logInfo("after the notice"))).pipe(
        Effect.provide(LogNotifier((line) => notices.push(line))),
        Effect.provide(jsonLoggerTo((line) => appLog.push(line)))
      )
    )
    expect(appLog.map((line) => JSON.parse(line).message)).toEqual(["after the notice"])
    expect(notices).toHaveLength(1)
  })

  it("are announced under the start's banner when no SMTP server is set up: logged, counted as sent, never emailed later", () => {
    for (const env of [{}, { SMTP_URL: " ", SMTP_HOST: "" }]) {
      expect(emailOffNotice(env)).toBe(
        "Email is off (neither SMTP_URL nor SMTP_HOST is set): each notification is written to this log as a JSON line and counted as sent, so setting up SMTP later does not email it."
      )
    }
    expect(emailOffNotice({ SMTP_URL: "smtp://127.0.0.1:2525" })).toBeUndefined()
    expect(emailOffNotice({ SMTP_HOST: "mail.wexcombe.example" })).toBeUndefined()
  })
})
