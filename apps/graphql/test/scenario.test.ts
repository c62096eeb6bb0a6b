import { preset, presetSlugs } from "@carepanel/core"
import { staffOf } from "@carepanel/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { deadlines, openActions } from "./support/documents.js"
import { startTestApp, type TestApp } from "./support/harness.js"
import { decide, readyRequest, sittingWith, tokenFor } from "./support/scenario.js"

let app: TestApp
beforeAll(async () => {
  app = await startTestApp(presetSlugs.map(preset))
})
afterAll(() => app.close())

describe.each(presetSlugs)("the %s preset over HTTP", (slug) => {
  const policy = preset(slug)
  const staff = staffOf(policy.authority.id)

  it("submits, approves, builds the agenda, decides, and shows the actions and deadlines", async () => {
    const referral = await readyRequest(app, policy, { id: `${slug}-child-1`, name: "Robin Ashgrove" })
    const sitting = await sittingWith(app, policy, [referral.id])
    expect(sitting.agenda.map((item: { referralId: string }) => item.referralId)).toContain(referral.id)

    const decision = await decide(app, policy, referral.id, sitting)
    expect(decision.status).toBe("final")
    expect(decision.outcome).toBe("approve")

    const token = await tokenFor(app, staff.administrator)
    const actions = await app.post(token, openActions)
    const mine = actions.body.data.actions.filter((action: { decisionId: string }) => action.decisionId === decision.id)
    expect(mine.length).toBe(decision.actions.length)
    for (const action of mine) expect(action.clock.explanation).toContain(action.clock.ruleId)

    const clocks = await app.post(token, deadlines, { days: 400 })
    expect(clocks.body.data.deadlines.length).toBeGreaterThan(0)
    for (const clock of clocks.body.data.deadlines) {
      expect(clock.ruleId).toMatch(/^[A-Z]+(-[A-Z0-9]+)+$/)
      expect(clock.explanation).toMatch(/^due .* - /)
    }

    const heard = await app.post(token, `query R($id: ID!) { referral(id: $id) { ... on Referral { status hearings { outcome } decisions { id } } } }`, { id: referral.id })
    expect(heard.body.data.referral.hearings).toEqual([{ outcome: "approve" }])
    expect(heard.body.data.referral.decisions).toEqual([{ id: decision.id }])
  })
})
