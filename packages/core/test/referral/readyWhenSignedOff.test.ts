import { describe, expect, it } from "@effect/vitest"
import { london } from "../fixtures.js"
import { referralsAt } from "./fixtures.js"

// A request's "ready at" (the API's readyAt, and the instant its submission clock is met) is set only when the last
// sign-off the policy asks for is given: not at submission while it awaits one, nor at the first of two.

const northSomerset = referralsAt("north-somerset", "care-and-resource")
const papers = ["assessment", "care_plan", "genogram"] as const

describe("NSO-2: ready only once both the team manager and the head of service have approved", () => {
  const submitted = northSomerset.then(northSomerset.draft({}, papers), northSomerset.cmd("socialWorker", { _tag: "Submit" }, london("2027-06-01", "09:00")))
  const teamManagerApproved = northSomerset.then(submitted, northSomerset.cmd("teamManager", { _tag: "Approve" }, london("2027-06-02", "10:00")))

  it("given a request submitted on Tue 1 June, when it waits for the team manager, then it is not ready", () => {
    const state = northSomerset.spec.given(submitted.slice(0, -1)).when(northSomerset.cmd("socialWorker", { _tag: "Submit" })).state()!
    expect(state.status).toBe("awaiting_approval")
    expect(state.readyAt).toBeUndefined()
  })

  it("given the team manager's approval on Wed 2 June, when it waits for the head of service, then it is still not ready", () => {
    const state = northSomerset.spec.given(submitted).when(northSomerset.cmd("teamManager", { _tag: "Approve" }, london("2027-06-02", "10:00"))).state()!
    expect(state).toMatchObject({ status: "awaiting_approval", pendingApprovals: [{ role: "head_of_service", ruleId: "NSO-2" }] })
    expect(state.readyAt).toBeUndefined()
  })

  it("given the head of service's approval on Thu 3 June at 14:00, then it is ready from then", () => {
    const at = london("2027-06-03", "14:00")
    const state = northSomerset.spec.given(teamManagerApproved).when(northSomerset.cmd("headOfService", { _tag: "Approve" }, at)).state()!
    expect(state).toMatchObject({ status: "ready", readyAt: at, pendingApprovals: [] })
    const { teamManager, headOfService } = northSomerset.staff
    expect(state.approvals.map((approval) => `${approval.role}: ${approval.by.name} (${approval.by.role})`)).toEqual([
      `team_manager: ${teamManager.name} (team_manager)`,
      `head_of_service: ${headOfService.name} (head_of_service)`
    ])
  })
})
