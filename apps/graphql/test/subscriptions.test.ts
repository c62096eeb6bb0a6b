import { AccessLog, AuthorityId, ChildId, type Deadline, preset } from "@carepanel/core"
import { staffOf } from "@carepanel/core/testing"
import { DateTime, Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { changesBetween } from "../src/subscriptions/deadlineWatcher.js"
import { mutation } from "./support/documents.js"
import { startTestApp, type TestApp } from "./support/harness.js"
import { firstEvent as subscribeFirst } from "./support/sse.js"
import { decide, readyRequest, sittingWith, tokenFor } from "./support/scenario.js"

const policy = preset("care-planning")
const staff = staffOf(policy.authority.id)
const other = preset("lincolnshire")
let app: TestApp
beforeAll(async () => {
  app = await startTestApp([policy, other], { deadlinePollMs: 200 })
})
afterAll(() => app.close())

/** Opens an SSE subscription on this file's server. */
const firstEvent = (token: string, query: string, wanted?: (event: any) => boolean) => subscribeFirst(app.url, token, query, wanted)

describe("decisionRecorded over Server-Sent Events", () => {
  it("tells a subscriber of the decision once it is committed, with the position to resume from", async () => {
    const referral = await readyRequest(app, policy, { id: "sse-child", name: "Blair Osgood" })
    const sitting = await sittingWith(app, policy, [referral.id])
    const subscription = await firstEvent(await tokenFor(app, staff.chair), "subscription { decisionRecorded { position decision { id referralId outcome } } }")
    await new Promise((resolve) => setTimeout(resolve, 50))
    const decision = await decide(app, policy, referral.id, sitting)
    const event = await subscription.next
    subscription.close()
    expect(event.data.decisionRecorded.decision).toEqual({ id: decision.id, referralId: referral.id, outcome: "approve" })
    expect(event.data.decisionRecorded.position).toMatch(/^[1-9]\d*$/)
  })

  it("logs each event's read of a child's record once, as it is sent, with the subscription's name and no values", async () => {
    const referral = await readyRequest(app, policy, { id: "sse-logged", name: "Ellis Quarrendon" })
    const sitting = await sittingWith(app, policy, [referral.id])
    const subscription = await firstEvent(await tokenFor(app, staff.chair), "subscription Watch { decisionRecorded { decision { id rationale } } }")
    await new Promise((resolve) => setTimeout(resolve, 50))
    await decide(app, policy, referral.id, sitting)
    const event = await subscription.next
    subscription.close()
    const rationale: string = event.data.decisionRecorded.decision.rationale
    expect(rationale.length).toBeGreaterThan(0)
    const logged = await app.runtime.runPromise(Effect.flatMap(AccessLog, (log) => log.forChild(AuthorityId.make(policy.authority.id), ChildId.make("sse-logged"))))
    const watched = logged.filter((entry) => entry.purpose === "Watch")
    expect(watched).toEqual([expect.objectContaining({ personId: staff.chair.personId, role: "panel_chair", fields: ["decision.rationale"] })])
    expect(JSON.stringify(watched)).not.toContain(rationale)
  })

  it("resumes after a position: the next decision recorded since, not the one before it", async () => {
    const [first, second] = [
      await readyRequest(app, policy, { id: "sse-resume-1", name: "Casey Fenwick" }),
      await readyRequest(app, policy, { id: "sse-resume-2", name: "Devon Hartley" })
    ]
    const sitting = await sittingWith(app, policy, [first.id, second.id])
    const token = await tokenFor(app, staff.chair)
    const live = await firstEvent(token, "subscription { decisionRecorded { position decision { id } } }")
    await new Promise((resolve) => setTimeout(resolve, 50))
    const firstDecision = await decide(app, policy, first.id, sitting)
    const heard = (await live.next).data.decisionRecorded
    live.close()
    expect(heard.decision.id).toBe(firstDecision.id)
    const secondDecision = await decide(app, policy, second.id, sitting)
    // Subscribed after both were recorded: only the decision after the position heard is told, at once.
    const resumed = await firstEvent(token, `subscription { decisionRecorded(after: "${heard.position}") { decision { id referralId } } }`)
    const event = await resumed.next
    resumed.close()
    expect(event.data.decisionRecorded.decision).toEqual({ id: secondDecision.id, referralId: second.id })
  })

  it("refuses a position that is not one, by name, and hears nothing", async () => {
    const refused = await firstEvent(await tokenFor(app, staff.chair), `subscription { decisionRecorded(after: "yesterday") { position } }`)
    const event = await refused.next
    refused.close()
    expect(event.data ?? null).toBeNull()
    expect(event.errors[0].message).toMatch(/after/)
  })
})

describe("deadlineChanged over Server-Sent Events", () => {
  it("tells a subscriber of its own authority's clock going overdue (LIN-16), and nobody else", async () => {
    const lincolnshire = staffOf(other.authority.id)
    const viabilityClock = (event: any) => event.data?.deadlineChanged?.deadline?.ruleId === "LIN-16"
    const mine = await firstEvent(
      await tokenFor(app, lincolnshire.administrator),
      "subscription { deadlineChanged { deadline { aboutKind aboutId ruleId state explanation } previousState } }",
      viabilityClock
    )
    const theirs = await firstEvent(await tokenFor(app, staff.administrator), "subscription { deadlineChanged { deadline { aboutId } } }")
    let foreign: unknown
    theirs.next.then((event) => (foreign = event), () => undefined)
    await new Promise((resolve) => setTimeout(resolve, 400)) // the watcher's first poll takes the baseline

    const worker = await tokenFor(app, lincolnshire.socialWorker)
    const tested = await app.post(worker, mutation("recordBasicTest", "... on Placement { id }"), {
      input: { childId: "sse-child-2", wouldRefuseToSupportReturnHome: true, wouldAskPoliceToUsePoliceProtection: false, wouldSeekLegalAdviceToStartCareProceedings: false }
    })
    const placementId = tested.body.data.recordBasicTest.id
    await app.post(worker, mutation("recordPolicePowers", "... on Placement { id }"), { input: { placementId, underPoliceProtection: false } })
    const placedAt = new Date(Date.now() - 30 * 3_600_000).toISOString() // the 24-hour viability clock (LIN-16) has run out
    const placed = await app.post(worker, mutation("recordPlacementMade", "... on Placement { id }"), {
      input: { placementId, placedAt, carers: [{ name: "Odile Marchbank", relationship: "grandmother", hasParentalResponsibility: false }] }
    })
    expect(placed.body.data.recordPlacementMade.id, placed.text).toBe(placementId)

    const event = await mine.next
    mine.close()
    expect(event.data.deadlineChanged.deadline).toMatchObject({ aboutKind: "placement", aboutId: placementId })
    expect(event.data.deadlineChanged.deadline.state).toBe("overdue")
    expect(event.data.deadlineChanged.deadline.explanation).toMatch(/^due .* - LIN-16: 24 hours after the placement/)
    await new Promise((resolve) => setTimeout(resolve, 600))
    theirs.close()
    expect(foreign).toBeUndefined()
  })
})

describe("deadlineChanged", () => {
  const clock = (id: string, state: Deadline["state"]): Deadline => ({
    id,
    about: { kind: "referral", id: "ref_1" },
    title: "Papers",
    ruleId: "CPR-9",
    due: DateTime.unsafeMake("2027-06-10T12:00:00Z"),
    state,
    explanation: "due ..."
  })

  it("publishes clocks that came due soon or went overdue, or started so, and nothing else", () => {
    const before = new Map<string, Deadline["state"]>([["a", "pending"], ["b", "due_soon"], ["c", "due_soon"], ["d", "pending"]])
    const now = [clock("a", "due_soon"), clock("b", "due_soon"), clock("c", "overdue"), clock("d", "met"), clock("e", "overdue"), clock("f", "pending")]
    expect(changesBetween(before, now).map((change) => [change.deadline.id, change.previousState])).toEqual([
      ["a", "pending"],
      ["c", "due_soon"],
      ["e", null]
    ])
  })
})
