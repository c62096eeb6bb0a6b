import { readFileSync } from "node:fs"
import { preset } from "@carepanel/core"
import { staffOf } from "@carepanel/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { mutation } from "./support/documents.js"
import { startTestApp, type TestApp } from "./support/harness.js"
import { tokenFor } from "./support/scenario.js"

let app: TestApp
const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)
const day = 86_400_000
const iso = (millis: number) => new Date(millis).toISOString()
const onPlacement =
  "... on Placement { id visits { visitedAt visitor seenAlone notSeenAloneReason by { name } } placementPlan { preparedAt by { name } } firstLookedAfterReview { heldAt } clocks { id ruleId due state explanation } }"
const refusals = "... on VisitRefused { ruleId reason field message } ... on PlacementPlanRefused { ruleId reason } ... on FirstReviewRefused { ruleId reason }"

beforeAll(async () => {
  app = await startTestApp([policy])
})
afterAll(() => app.close())

/** A Lincolnshire Regulation 24 placement made at `placedAtMillis`, recorded by the social worker. */
const placed = async (childId: string, placedAtMillis: number) => {
  const worker = await tokenFor(app, staff.socialWorker)
  const tested = await app.post(worker, mutation("recordBasicTest", "... on Placement { id }"), {
    input: { childId, wouldRefuseToSupportReturnHome: true, wouldAskPoliceToUsePoliceProtection: false, wouldSeekLegalAdviceToStartCareProceedings: false }
  })
  const placementId: string = tested.body.data.recordBasicTest.id
  const carers = [{ name: "Della Penrose", relationship: "maternal aunt", hasParentalResponsibility: true }]
  await app.post(worker, mutation("recordPlacementMade", "... on Placement { id }"), { input: { placementId, placedAt: iso(placedAtMillis), carers } })
  return { worker, placementId }
}

type Clock = { id: string; ruleId: string; due: string; state: string; explanation: string }
const clockOf = (placement: { clocks: ReadonlyArray<Clock> }, id: string) => placement.clocks.find((clock) => clock.id === id)

describe("visits and the placement plan over HTTP (STAT-R28, STAT-R9)", () => {
  it("STAT-R28: the docs' example records a visit not seen alone, with why; the first visit clock is met and the next runs; refusals say why and change nothing", async () => {
    const now = Date.now()
    const { worker, placementId } = await placed("visit-child-1", now - 3 * day)
    const docs = readFileSync(new URL("../../../docs/api.md", import.meta.url), "utf8")
    const example = /```graphql\n(mutation Run\(\$input: RecordVisitInput!\)[\s\S]*?)```/.exec(docs)![1]!
    const input = { placementId, visitedAt: iso(now - 2 * day), seenAlone: false, notSeenAloneReason: "She asked for her aunt to stay in the room" }
    const visited = await app.post(worker, example, { input })
    const placement = visited.body.data.recordVisit
    expect(placement, visited.text).toMatchObject({
      __typename: "Placement",
      visits: [{ visitedAt: iso(now - 2 * day), visitor: staff.socialWorker.name, seenAlone: false, notSeenAloneReason: "She asked for her aunt to stay in the room", by: { name: staff.socialWorker.name } }]
    })
    expect(clockOf(placement, `${placementId}:visit:1`)).toMatchObject({ ruleId: "STAT-R28", state: "met" })
    expect(clockOf(placement, `${placementId}:visit:2`)?.explanation).toMatch(/^due .* - STAT-R28: 1 week after the visit at .* \(weekly until the first looked-after review\)$/)

    const record = mutation("recordVisit", `${onPlacement} ${refusals}`)
    const before = await app.post(worker, record, { input: { placementId, visitedAt: iso(now - 4 * day), seenAlone: true } })
    expect(before.body.data.recordVisit, before.text).toMatchObject({ __typename: "VisitRefused", ruleId: "STAT-R28", reason: "before_placement", field: "visitedAt" })
    const future = await app.post(worker, record, { input: { placementId, visitedAt: iso(now + day), seenAlone: true } })
    expect(future.body.data.recordVisit).toMatchObject({ __typename: "VisitRefused", reason: "in_future" })
    const noReason = await app.post(worker, record, { input: { placementId, visitedAt: iso(now - day), seenAlone: false } })
    expect(noReason.body.data.recordVisit).toMatchObject({ __typename: "VisitRefused", reason: "not_seen_alone_without_reason", field: "notSeenAloneReason" })
    const read = await app.post(worker, `query P($id: ID!) { placement(id: $id) { ${onPlacement} } }`, { id: placementId })
    expect(read.body.data.placement.visits).toHaveLength(1)
  })

  it("STAT-R9, STAT-R28, STAT-R33: the placement plan clock is in the deadlines until the plan is recorded; after the child's first looked-after review, the next visit is 4 weeks on", async () => {
    const now = Date.now()
    const { worker, placementId } = await placed("visit-child-2", now - 10 * day)
    const deadlines = await app.post(worker, "query { deadlines(dueWithinDays: 60, includeMet: true) { id ruleId state explanation } }", {})
    const planClock = deadlines.body.data.deadlines.find((clock: Clock) => clock.id === `${placementId}:placement-plan`)
    expect(planClock, deadlines.text).toMatchObject({ ruleId: "STAT-R9", state: "overdue" })
    expect(planClock.explanation).toMatch(/- STAT-R9: 5 working days after the placement at /)

    const planned = await app.post(worker, mutation("recordPlacementPlan", `${onPlacement} ${refusals}`), { input: { placementId, preparedAt: iso(now - 9 * day) } })
    expect(clockOf(planned.body.data.recordPlacementPlan, `${placementId}:placement-plan`), planned.text).toMatchObject({ state: "met" })
    const again = await app.post(worker, mutation("recordPlacementPlan", `${onPlacement} ${refusals}`), { input: { placementId } })
    expect(again.body.data.recordPlacementPlan).toMatchObject({ __typename: "PlacementPlanRefused", ruleId: "STAT-R9", reason: "already_recorded" })

    const record = mutation("recordVisit", `${onPlacement} ${refusals}`)
    await app.post(worker, record, { input: { placementId, visitedAt: iso(now - 5 * day), seenAlone: true, visitor: "Amir Holloway" } })
    const reviewed = await app.post(worker, mutation("recordLookedAfterReview", "... on ChildRecord { childId } ... on DomainError { code message }"), {
      input: { childId: "visit-child-2", heldAt: iso(now - 2 * day), iroName: "Nell Farrant" }
    })
    expect(reviewed.body.data.recordLookedAfterReview, reviewed.text).toMatchObject({ childId: "visit-child-2" })
    const last = await app.post(worker, record, { input: { placementId, visitedAt: iso(now - day), seenAlone: true } })
    const placement = last.body.data.recordVisit
    expect(placement.visits.map((visit: { visitor: string }) => visit.visitor)).toEqual(["Amir Holloway", staff.socialWorker.name])
    expect(clockOf(placement, `${placementId}:visit:3`)?.explanation).toMatch(/^due .* - STAT-R28: 4 weeks after the visit at .* \(at most every 4 weeks after the first looked-after review at .*\)$/)
  })
})
