import { addDays, preset } from "@carepanel/core"
import { exampleDecision, staffOf } from "@carepanel/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startTestApp, type TestApp } from "./support/harness.js"
import { readyRequest, run, sendMutation, sittingWith } from "./support/scenario.js"

// DEF-CHAIR-SIGNS over the API: the person who chaired has left before signing; Care Planning's vice chair (CPR-1) signs
// for them only with the reason, which reads back on the sign-off.
const policy = preset("care-planning")
const staff = staffOf(policy.authority.id)
const onDecision = `... on Decision { id status signOffs { role ruleId by { name role } forTheChair { chair { personId name } because } } }
  ... on NotTheRightPerson { refusedRule: ruleId }`

let app: TestApp
let decisionId: string

beforeAll(async () => {
  app = await startTestApp([policy])
  const referral = await readyRequest(app, policy, { id: "ftc-child", name: "Robin Ashcombe" })
  const sitting = await sittingWith(app, policy, [referral.id])
  app.travelTo(new Date(Date.parse(sitting.startsAt) + 30 * 60_000))
  await run(app, staff.chair, "confirmQuorum", "... on Sitting { id }", { sittingId: sitting.id, enough: true, note: "The chair and members are present" })
  const content = exampleDecision(policy, policy.referral.inScope.requestTypes[0]!, "approve", { actionsDue: addDays(sitting.date, 14), key: referral.id })
  decisionId = (await run(app, staff.administrator, "recordPanelDecision", onDecision, { referralId: referral.id, sittingId: sitting.id, content })).id
})
afterAll(() => app.close())

describe("API: a decision signed off for the person who chaired, who has left (CPR-11, DEF-CHAIR-SIGNS)", () => {
  it("CPR-11: the vice chair is refused without a reason, told they may sign giving one; with it the decision is final and the sign-off reads back for whom and why", async () => {
    const unexplained = await sendMutation(app, staff.viceChair, "signOffDecision", onDecision, { decisionId })
    expect(unexplained, JSON.stringify(unexplained)).toMatchObject({ __typename: "NotTheRightPerson", refusedRule: "CPR-11" })
    expect(unexplained.message).toMatch(/If Martin Gorsley cannot sign it off, the vice chair may sign it off for them, giving the reason they cannot\./)

    const because = "Martin Gorsley has left the authority"
    const signed = await sendMutation(app, staff.viceChair, "signOffDecision", onDecision, { decisionId, forTheChairBecause: because })
    expect(signed, JSON.stringify(signed)).toEqual({
      __typename: "Decision",
      id: decisionId,
      status: "final",
      signOffs: [
        {
          role: "vice_chair",
          ruleId: "CPR-11",
          by: { name: staff.viceChair.name, role: "vice_chair" },
          forTheChair: { chair: { personId: staff.chair.personId, name: staff.chair.name }, because }
        }
      ]
    })
  })
})
