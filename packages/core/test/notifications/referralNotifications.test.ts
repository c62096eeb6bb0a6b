import { describe, expect, it } from "@effect/vitest"
import { referralNotifications } from "../../src/notifications/referralNotifications.js"
import type { ReferralCommand } from "../../src/referral/ReferralCommands.js"
import { referralDecider } from "../../src/referral/ReferralDecider.js"
import { DocumentId, ReferralId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { as, completeForm, contextOf, london } from "../fixtures.js"
import { sittingOn } from "../referral/fixtures.js"
import { story, who } from "./fixtures.js"

const staff = staffOf("north-somerset")
const context = contextOf("north-somerset")
const cmd = (actor: keyof typeof staff, body: Record<string, unknown>, when = london("2027-06-01", "09:00")) =>
  ({ ...body, by: as(staff[actor]), at: when }) as ReferralCommand

/** A North Somerset request with its papers, told command by command (NSO-2: team manager, then head of service). */
const northSomersetRequest = () => {
  const step = story(referralDecider, context)
  step(cmd("socialWorker", { _tag: "CreateDraft", referralId: ReferralId.make("ref_1"), form: completeForm("care-and-resource") }))
  for (const kind of ["assessment", "care_plan", "genogram"]) {
    step(cmd("socialWorker", { _tag: "RecordDocument", document: { documentId: DocumentId.make(kind), kind, title: kind } }))
  }
  return (command: ReferralCommand) => {
    const { events, state } = step(command)
    return referralNotifications(events, state, context)
  }
}

describe("referral notifications", () => {
  it("NSO-2: a submitted request goes to the team manager named on the form, then to the head of service", () => {
    const notify = northSomersetRequest()
    const submitted = notify(cmd("socialWorker", { _tag: "Submit" }))
    expect(who(submitted)).toEqual([
      { id: "ref_1:approval:2027-06-01T08:00:00.000Z:0:team_manager", kind: "referral.awaiting_approval", to: "person:tom-brackley", ruleId: undefined }
    ])
    expect(submitted[0]).toMatchObject({
      authorityId: "north-somerset",
      headline: "Panel request for child child-1 (accommodation under section 20) is waiting for the team manager's approval (NSO-2)",
      facts: { referralId: "ref_1", approverRole: "team_manager", ruleId: "NSO-2", childIds: "child-1", requestTypes: "s20_accommodation" }
    })
    const approved = notify(cmd("teamManager", { _tag: "Approve" }, london("2027-06-01", "11:00")))
    expect(who(approved)).toEqual([
      { id: "ref_1:approval:2027-06-01T08:00:00.000Z:1:head_of_service", kind: "referral.awaiting_approval", to: "role:head_of_service", ruleId: undefined }
    ])
  })

  it("SUP-4, NSO-3: once the last approval is in, the administrator hears the request is ready for a sitting", () => {
    const notify = northSomersetRequest()
    notify(cmd("socialWorker", { _tag: "Submit" }))
    notify(cmd("teamManager", { _tag: "Approve" }))
    const ready = notify(cmd("headOfService", { _tag: "Approve" }, london("2027-06-02", "10:00")))
    expect(who(ready)).toEqual([{ id: "ref_1:ready:2027-06-02T09:00:00.000Z:panel_administrator", kind: "referral.ready", to: "role:panel_administrator", ruleId: undefined }])
    expect(ready[0]?.body.join("\n")).toContain("(NSO-3)")
  })

  it("a request returned for changes goes back to its social worker, and a second submission asks the approver again", () => {
    const notify = northSomersetRequest()
    const first = notify(cmd("socialWorker", { _tag: "Submit" }))
    const returned = notify(cmd("teamManager", { _tag: "ReturnForChanges", reason: "Robin Testwood's school report is missing" }))
    expect(who(returned)).toEqual([
      { id: "ref_1:returned:2027-06-01T08:00:00.000Z:social_worker", kind: "referral.returned", to: "person:priya-ashdown", ruleId: undefined }
    ])
    expect(returned[0]?.body.join("\n")).toContain("the child's school report is missing")
    expect(returned[0]?.body.join("\n")).not.toContain("Robin")
    const again = notify(cmd("socialWorker", { _tag: "Submit" }, london("2027-06-03", "09:00")))
    expect(again[0]?.id).not.toBe(first[0]?.id)
    expect(again[0]?.id).toBe("ref_1:approval:2027-06-03T08:00:00.000Z:0:team_manager")
  })

  it("DEF-LATE-PERMISSION: late permission granted goes to the administrator with the rule that allows it", () => {
    const notify = northSomersetRequest()
    const granted = notify(cmd("assistantDirector", { _tag: "GrantLatePermission", sitting: sittingOn("sit_9jun", "care-and-resource", "2027-06-09", "13:30"), reason: "Placement breaking down" }))
    expect(who(granted)).toEqual([
      { id: "ref_1:late-permission:sit_9jun:panel_administrator", kind: "referral.late_permission_granted", to: "role:panel_administrator", ruleId: undefined }
    ])
    expect(granted[0]?.facts).toMatchObject({ sittingId: "sit_9jun", ruleId: "DEF-LATE-PERMISSION" })
    expect(granted[0]?.headline).toBe("Late panel request for child child-1 (accommodation under section 20) may be heard at the Care and Resource Panel on Wed 9 Jun 2027 (DEF-LATE-PERMISSION, Carepanel default)")
  })

  it("a draft edit or a document tells nobody", () => {
    const notify = northSomersetRequest()
    expect(notify(cmd("socialWorker", { _tag: "EditDraft", form: completeForm("care-and-resource") }))).toEqual([])
  })

  it("the same commit always gives the same notifications", () => {
    const run = () => {
      const notify = northSomersetRequest()
      return [...notify(cmd("socialWorker", { _tag: "Submit" })), ...notify(cmd("teamManager", { _tag: "Approve" }))]
    }
    expect(run()).toEqual(run())
  })
})
