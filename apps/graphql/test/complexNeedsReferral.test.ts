import { preset } from "@carepanel/core"
import { staffOf } from "@carepanel/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startTestApp, type TestApp } from "./support/harness.js"
import { mutation } from "./support/documents.js"
import { decide, readyRequest, run, sittingWith, tokenFor } from "./support/scenario.js"

const policy = preset("care-planning")
const staff = staffOf(policy.authority.id)
const onDecision = "... on Decision { id sharedFunding { partners description } complexNeedsReferral { startedAt templateSentAt templateSentBy { name } } }"

let app: TestApp
let decisionId: string

beforeAll(async () => {
  app = await startTestApp([policy])
  const referral = await readyRequest(app, policy, { id: "cnp-child", name: "Rowan Tillbury" })
  const sitting = await sittingWith(app, policy, [referral.id])
  const decision = await decide(app, policy, referral.id, sitting, (content) => ({ ...content, sharedFunding: { partners: ["sen", "health"] } }))
  decisionId = decision.id
})
afterAll(() => app.close())

describe("API: CPR-6, the Complex Needs Panel referral", () => {
  it("CPR-6: a signed decision with shared funding reads back its partners and the referral's start; the administrator records the template sent, once", async () => {
    const query = `query { decision(id: "${decisionId}") { ${onDecision} } }`
    const read = await app.post(await tokenFor(app, staff.administrator), query)
    expect(read.body.errors, read.text).toBeUndefined()
    const decision = read.body.data.decision
    expect(decision.sharedFunding).toEqual({ partners: ["sen", "health"], description: "tripartite funding with Special Educational Needs and Health" })
    expect(decision.complexNeedsReferral).toMatchObject({ templateSentAt: null, templateSentBy: null })
    expect(Date.parse(decision.complexNeedsReferral.startedAt)).toBeGreaterThan(0)

    const sent = await run(app, staff.administrator, "recordComplexNeedsTemplateSent", onDecision, { decisionId, note: "Emailed to the social worker" })
    expect(sent.complexNeedsReferral.templateSentBy).toEqual({ name: staff.administrator.name })
    expect(Math.abs(Date.parse(sent.complexNeedsReferral.templateSentAt) - app.now().getTime())).toBeLessThan(60_000)
    const again = await app.post(
      await tokenFor(app, staff.administrator),
      mutation("recordComplexNeedsTemplateSent", ""),
      { input: { decisionId, note: "Sent again" } }
    )
    expect(again.body.data.recordComplexNeedsTemplateSent.message).toContain("already recorded as sent")
  })

  it("CPR-6: the template clock, which tells that SEN or health funding fits, is not listed to an integrator without the identity scope", async () => {
    const query = "query Clocks { deadlines(includeMet: true) { id ruleId } }"
    const clockIds = async (token: string) => {
      const answer = await app.post(token, query)
      expect(answer.body.errors, answer.text).toBeUndefined()
      return answer.body.data.deadlines.map((deadline: { id: string }) => deadline.id)
    }
    const template = `${decisionId}:complex-needs-template`
    expect(await clockIds(await tokenFor(app, staff.administrator))).toContain(template)
    expect(await clockIds(await app.token(policy.authority.id, ["integrator"], { scopes: ["child.identity.read"] }))).toContain(template)
    const unscoped = await clockIds(await app.token(policy.authority.id, ["integrator"]))
    expect(unscoped).not.toContain(template)
    expect(unscoped.length, "the authority's other clocks are still listed").toBeGreaterThan(0)
  })
})
