import { preset, type Role } from "@carepanel/core"
import { exampleForm, staffOf } from "@carepanel/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { onDecision, onReferral, onSitting } from "./support/documents.js"
import { startTestApp, type TestApp } from "./support/harness.js"
import { decide, holderOf, readyRequest, run, sittingDate, sittingWith, tokenFor } from "./support/scenario.js"

const policy = preset("care-planning")
const staff = staffOf(policy.authority.id)
let app: TestApp
let done: { id: string; actions: ReadonlyArray<{ actionId: string }> }
let open: { id: string; actions: ReadonlyArray<{ actionId: string }> }
let draftId: string

interface Clock {
  readonly id: string
  readonly state: string
}

beforeAll(async () => {
  app = await startTestApp([policy])
  const first = await readyRequest(app, policy, { id: "running-child-1", name: "Ottilie Marsh" })
  const second = await readyRequest(app, policy, { id: "running-child-2", name: "Bram Keeling" })
  const sitting = await sittingWith(app, policy, [first.id, second.id])
  done = await decide(app, policy, first.id, sitting)
  open = await decide(app, policy, second.id, sitting)
  const { actions } = await query<{ actions: ReadonlyArray<{ actionId: string; decisionId: string; ownerRole: Role }> }>("{ actions(state: all) { actionId decisionId ownerRole } }")
  for (const action of actions.filter((candidate) => candidate.decisionId === done.id)) {
    await run(app, holderOf(staff, action.ownerRole), "completeAction", onDecision, { decisionId: done.id, actionId: action.actionId, evidence: "Done as agreed at panel" })
  }
  // A later sitting for the draft to aim at (its submission clock runs against it).
  await run(app, staff.administrator, "scheduleSitting", onSitting, { panelId: policy.panels[0].id, date: sittingDate(app, policy) })
  draftId = (await run(app, staff.socialWorker, "createReferralDraft", onReferral, { form: exampleForm(policy.panels[0].id, policy.referral.inScope.requestTypes[0]!, { id: "running-child-3", name: "Nell Arden" }) })).id
}, 120_000)

afterAll(async () => {
  await app?.close()
})

const query = async <A>(text: string): Promise<A> => {
  const response = await app.post(await tokenFor(app, staff.administrator), text)
  expect(response.body.errors, response.text).toBeUndefined()
  return response.body.data as A
}

describe("the running deadlines over the API", () => {
  it("are every clock less the met ones: the open decision's actions and the draft's submission, not the done decision's actions", async () => {
    const { running, every } = await query<{ running: ReadonlyArray<Clock>; every: ReadonlyArray<Clock> }>(
      "{ running: deadlines { id state } every: deadlines(includeMet: true) { id state } }"
    )
    expect(running).toEqual(every.filter((clock) => clock.state !== "met"))
    const ids = running.map((clock) => clock.id)
    for (const action of open.actions) expect(ids).toContain(`${open.id}:action:${action.actionId}`)
    for (const action of done.actions) expect(ids).not.toContain(`${done.id}:action:${action.actionId}`)
    expect(ids.some((id) => id.startsWith(`${draftId}:submission:`))).toBe(true)
    expect(every.length).toBeGreaterThan(running.length)
  })

  it("open actions are those of decisions with an action not done; all actions include the done ones", async () => {
    const { openActions, allActions } = await query<{ openActions: ReadonlyArray<{ actionId: string }>; allActions: ReadonlyArray<{ actionId: string }> }>(
      "{ openActions: actions(state: open) { actionId } allActions: actions(state: all) { actionId } }"
    )
    const idsOf = (list: ReadonlyArray<{ actionId: string }>) => list.map((action) => action.actionId).sort()
    expect(idsOf(openActions)).toEqual(idsOf(open.actions))
    expect(idsOf(allActions)).toEqual(idsOf([...open.actions, ...done.actions]))
  })
})
