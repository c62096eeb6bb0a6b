import { AccessLog, ChildId, Referrals, Sittings } from "@carepanel/core"
import { makeRequest } from "@carepanel/demo"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { demoPolicy, keys, press, renderTui, seededCore, staff, type TestCore, waitFor } from "./support/harness.js"

let tui: TestCore
let requestId: string
beforeAll(async () => {
  tui = await seededCore()
  const made = await tui.runtime.runPromise(makeRequest(demoPolicy, staff, { id: "wx-child-10", name: "Ivo Drummond" }, demoPolicy.referral.inScope.requestTypes[0]!, "ready"))
  requestId = made.id
})
afterAll(() => tui.runtime.dispose())

describe("Requests", () => {
  it("logs one read of the children's names each time a request's detail comes into view, once, with no values", async () => {
    const shown = () =>
      tui.runtime
        .runPromise(Effect.flatMap(AccessLog, (log) => log.forChild(staff.administrator.authorityId, ChildId.make("wx-child-10"))))
        .then((entries) => entries.filter((entry) => entry.purpose === "tui: Requests"))
    const before = (await shown()).length
    const { lastFrame, stdin, unmount } = renderTui(tui, { initial: { name: "requests" } })
    await waitFor(lastFrame, new RegExp(`● ready +${requestId}`))
    await press(stdin, "j")
    await waitFor(lastFrame, "Ivo Drummond (wx-child-10)")
    const once = await shown()
    expect(once.slice(before)).toEqual([expect.objectContaining({ personId: staff.administrator.personId, role: "panel_administrator", fields: ["fullName"] })])
    expect(JSON.stringify(once)).not.toContain("Ivo Drummond")
    await press(stdin, "k", "j")
    await waitFor(lastFrame, "Ivo Drummond (wx-child-10)")
    expect(await shown()).toHaveLength(before + 2)
    unmount()
  })

  it("accepts a ready request onto a sitting; a refusal shows the core's words and keeps the form", async () => {
    const { lastFrame, stdin, unmount } = renderTui(tui, { initial: { name: "requests" } })
    await waitFor(lastFrame, new RegExp(`● ready +${requestId}`))
    await press(stdin, "j")
    expect(await waitFor(lastFrame, "Ivo Drummond (wx-child-10)")).toContain("Ready for a sitting")
    await press(stdin, "a")
    await waitFor(lastFrame, `Accept ${requestId} onto a sitting`)
    await press(stdin, keys.enter)
    const refused = await waitFor(lastFrame, "✗ Refused:")
    expect(refused).toContain("‹ Wed 2 Jun 2027 10:00 ›")
    await press(stdin, keys.right, keys.enter)
    await waitFor(lastFrame, `✓ Accepted ${requestId} onto the sitting.`)
    const [request, sittings] = await tui.runtime.runPromise(
      Effect.all([Effect.flatMap(Referrals, (use) => use.get(staff.administrator, requestId as never)), Effect.flatMap(Sittings, (use) => use.list(staff.administrator))])
    )
    expect(request.status).toBe("accepted")
    expect(sittings.find((sitting) => sitting.id === request.sittingId)?.date).toBe("2027-06-09")
    unmount()
  })

  it("returns a request for changes with the reason typed", async () => {
    const { lastFrame, stdin, unmount } = renderTui(tui, { initial: { name: "requests" } })
    await waitFor(lastFrame, "◌ awaiting approval")
    await press(stdin, "r")
    await waitFor(lastFrame, "What must change:")
    await press(stdin, "The chronology is missing", keys.enter)
    await waitFor(lastFrame, "✓ Returned")
    unmount()
  })
})
