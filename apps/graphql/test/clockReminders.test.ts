import { dispatcherConfig, preset } from "@carepanel/core"
import { staffOf } from "@carepanel/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startTestApp, type TestApp } from "./support/harness.js"
import { run } from "./support/scenario.js"

// The API queues the clocks' reminders itself. Before, nothing ran the reminder run: a child's 72 hours of police
// protection ran out (STAT-S46) and nobody was told.

let app: TestApp
const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)
const hour = 3_600_000

beforeAll(async () => {
  app = await startTestApp([policy], { reminderEveryMs: 200, dispatcher: dispatcherConfig({ intervalMs: 100 }) })
})
afterAll(() => app.close())

/** The notifications the API has sent (as log lines, with no SMTP server set up) of this kind, as their headlines. */
const sent = (kind: string) =>
  app.notifications.map((line) => JSON.parse(line).annotations).filter((notice) => notice.kind === kind).map((notice) => notice.headline as string)

const waitFor = async <A>(look: () => A | undefined, ms = 15_000): Promise<A> => {
  const until = Date.now() + ms
  for (;;) {
    const found = look()
    if (found !== undefined) return found
    if (Date.now() > until) throw new Error("timed out")
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe("clock reminders from the running API", () => {
  it("STAT-S46: a child's police protection running past 72 hours is sent to the people it concerns as an urgent alert, once", async () => {
    const since = new Date(app.now().getTime() - 2 * hour).toISOString()
    const placement = await run(app, staff.socialWorker, "recordBasicTest", "... on Placement { id }", {
      childId: "reminded-child-1",
      wouldRefuseToSupportReturnHome: true,
      wouldAskPoliceToUsePoliceProtection: true,
      wouldSeekLegalAdviceToStartCareProceedings: false
    })
    await run(app, staff.socialWorker, "recordPolicePowers", "... on Placement { id }", { placementId: placement.id, underPoliceProtection: true, since })
    expect(sent("clock.overdue")).toEqual([])
    // Three days on: the 72 hours have run out with no outcome recorded.
    app.travelTo(new Date(app.now().getTime() + 72 * hour))
    const urgent = await waitFor(() => {
      const found = sent("clock.overdue").filter((headline) => headline.startsWith("Urgent: overdue (STAT-S46)"))
      return found.length > 0 ? found : undefined
    })
    expect(urgent[0]).toBe("Urgent: overdue (STAT-S46): Regulation 24 placement for child reminded-child-1")
    // Several more runs later, each person has still been sent it once.
    const count = urgent.length
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    expect(sent("clock.overdue").filter((headline) => headline.startsWith("Urgent: overdue (STAT-S46)"))).toHaveLength(count)
  })
})
