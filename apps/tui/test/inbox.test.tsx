import { type Notification, Outbox } from "@carepanel/core"
import { InMemoryAccessLog } from "@carepanel/core/testing"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { inboxDaysOf } from "../src/config/env.js"
import { demoPolicy, keys, press, renderTui, seededCore, staff, type TestCore, waitFor } from "./support/harness.js"

let tui: TestCore
beforeAll(async () => {
  tui = await seededCore()
})
afterAll(() => tui.runtime.dispose())

const notification = (id: string, role: "panel_administrator" | "panel_chair", headline: string): Notification => ({
  id,
  authorityId: staff.administrator.authorityId,
  kind: "papers_due",
  recipients: [{ _tag: "RoleHolder", role }],
  headline,
  body: ["The papers for the sitting on Wed 2 Jun 2027 have not gone to members.", "Send them from the Sitting screen (p)."],
  actBy: { due: "2027-06-01T11:00:00Z", ruleId: "LIN-3", explanation: "due 12:00 Tue 1 Jun 2027 - LIN-3: the day before the sitting" },
  facts: { referralId: "ref_6" }
})

/** Queued in the store's outbox at `at`, as the API's clock reminders are: no dispatcher runs here, so none is delivered. */
const queue = (sent: Notification, at = "2027-06-01T08:00:00.000Z", into: TestCore = tui) =>
  into.runtime.runPromise(Effect.flatMap(Outbox, (outbox) => outbox.enqueue([sent], at)))

const countIn = (frame: string) => Number(/✉ Inbox \((\d+)\)/.exec(frame)?.[1])

describe("Inbox", () => {
  it("opens with the operator's notifications of the last 14 days, then shows those queued while it is open, whoever delivers them, newest first, with body and act-by", async () => {
    await queue(notification("n-old", "panel_administrator", "Papers for Wed 12 May 2027 are due"), "2027-05-18T07:59:00.000Z")
    await queue(notification("n-sunday", "panel_administrator", "Papers for Wed 26 May 2027 are late"), "2027-05-30T10:00:00.000Z")
    const { lastFrame, stdin, unmount } = renderTui(tui, { initial: { name: "inbox" } })
    const opened = await waitFor(lastFrame, "Papers for Wed 26 May 2027 are late")
    expect(opened).toContain("notifications for you queued in the last 14 days")
    expect(opened).toContain("11:00 Sun 30 May 2027")
    expect(opened).not.toContain("Papers for Wed 12 May 2027")
    const before = countIn(opened)
    await queue(notification("n-1", "panel_administrator", "Papers for Wed 2 Jun 2027 are due"))
    await queue(notification("n-2", "panel_chair", "For the chair only"))
    await queue(notification("n-3", "panel_administrator", "Agenda for Wed 9 Jun 2027 is due"))
    const frame = await waitFor(lastFrame, `✉ Inbox (${before + 2})`)
    expect(frame).toContain(`· ✉ ${before + 2}`)
    expect(frame).not.toContain("For the chair only")
    expect(frame.indexOf("Agenda for Wed 9 Jun")).toBeLessThan(frame.indexOf("Papers for Wed 2 Jun"))
    expect(frame.indexOf("Papers for Wed 2 Jun")).toBeLessThan(frame.indexOf("Papers for Wed 26 May"))
    expect(frame).toContain("! Act by: due 12:00 Tue 1 Jun 2027 - LIN-3")
    expect(frame).toContain("Send them from the Sitting screen (p).")
    await press(stdin, keys.enter)
    await waitFor(lastFrame, "Child, request or decision id: ref_6")
    unmount()
  })

  it("reaches as far back as CAREPANEL_INBOX_DAYS says, for a council that sits monthly, and its heading says how far", async () => {
    const monthly = await seededCore(staff.administrator, demoPolicy, InMemoryAccessLog, inboxDaysOf({ CAREPANEL_INBOX_DAYS: "28" }))
    try {
      // Tue 1 Jun 2027 09:00 in London: 20 days after the first, 29 days after the second.
      await queue(notification("n-20-days", "panel_administrator", "Papers for Wed 16 Jun 2027"), "2027-05-12T08:00:00.000Z", monthly)
      await queue(notification("n-29-days", "panel_administrator", "Papers for Wed 19 May 2027"), "2027-05-03T08:00:00.000Z", monthly)
      const { lastFrame, unmount } = renderTui(monthly, { initial: { name: "inbox" } })
      const frame = await waitFor(lastFrame, "Papers for Wed 16 Jun 2027")
      expect(frame).toContain("notifications for you queued in the last 28 days")
      expect(frame).toContain("09:00 Wed 12 May 2027")
      expect(frame).not.toContain("Papers for Wed 19 May 2027")
      unmount()
    } finally {
      await monthly.runtime.dispose()
    }
  })
})
