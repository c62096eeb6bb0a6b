import { describe, expect, it } from "@effect/vitest"
import { referralNotifications } from "../../src/notifications/referralNotifications.js"
import { RequestType, requestTypeLabel } from "../../src/policy/RequestType.js"
import type { ReferralCommand } from "../../src/referral/ReferralCommands.js"
import { referralDecider } from "../../src/referral/ReferralDecider.js"
import type { ReferralForm } from "../../src/referral/ReferralForm.js"
import { ChildId, DocumentId, ReferralId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { as, completeForm, contextOf, london } from "../fixtures.js"
import { sittingOn } from "../referral/fixtures.js"
import { story } from "./fixtures.js"

const staff = staffOf("north-somerset")
const context = contextOf("north-somerset")
const cmd = (actor: keyof typeof staff, body: Record<string, unknown>, when = london("2027-06-01", "09:00")) =>
  ({ ...body, by: as(staff[actor]), at: when }) as ReferralCommand

const oneChild = completeForm("care-and-resource")
/** Robin and her brother Ash, for accommodation and care proceedings at once. */
const siblings: ReferralForm = {
  ...oneChild,
  children: [oneChild.children[0]!, { ...oneChild.children[0]!, childId: ChildId.make("child-2"), fullName: "Ash Testwood" }],
  requestTypes: ["s20_accommodation", "care_proceedings"]
}

/** A North Somerset request with its papers (NSO-2: team manager, then head of service), told command by command. */
const requestFor = (form: ReferralForm) => {
  const step = story(referralDecider, context)
  step(cmd("socialWorker", { _tag: "CreateDraft", referralId: ReferralId.make("ref_1"), form }))
  for (const kind of ["assessment", "care_plan", "genogram"]) {
    step(cmd("socialWorker", { _tag: "RecordDocument", document: { documentId: DocumentId.make(kind), kind, title: kind } }))
  }
  return (command: ReferralCommand) => {
    const { events, state } = step(command)
    return referralNotifications(events, state, context)
  }
}

const late = (sittingId: string, date: string, reason = "Placement breaking down") =>
  cmd("assistantDirector", { _tag: "GrantLatePermission", sitting: sittingOn(sittingId, "care-and-resource", date, "13:30"), reason })

const siblingsAbout = [
  "Request ref_1: accommodation under section 20; care proceedings under section 31.",
  "2 children (ids child-1, child-2).",
  "Social worker: Priya Ashdown."
]
const siblingsFacts = { referralId: "ref_1", panelId: "care-and-resource", requestTypes: "s20_accommodation,care_proceedings", childIds: "child-1,child-2" }

describe("what a request's notice says", () => {
  it("NSO-2: the approver reads the request's types, its children by id and its social worker, and what to do", () => {
    const submitted = requestFor(siblings)(cmd("socialWorker", { _tag: "Submit" }))
    expect(submitted.map((n) => [n.body, n.facts])).toEqual([
      [
        [...siblingsAbout, "Approve it or return it for changes (NSO-2)."],
        { ...siblingsFacts, approverRole: "team_manager", ruleId: "NSO-2" }
      ]
    ])
  })

  it("a request for one child says '1 child'", () => {
    const submitted = requestFor(oneChild)(cmd("socialWorker", { _tag: "Submit" }))
    expect(submitted[0]?.body.slice(0, 3)).toEqual([
      "Request ref_1: accommodation under section 20.",
      "1 child (id child-1).",
      "Social worker: Priya Ashdown."
    ])
  })

  it("a request type reads without brackets of its own, so a headline's bracketed request types and rule id never nest", () => {
    for (const type of RequestType.literals) expect(requestTypeLabel[type]).not.toMatch(/[()]/)
  })

  it("NSO-3: the administrator reads when the request was ready, and where to put it", () => {
    const notify = requestFor(siblings)
    notify(cmd("socialWorker", { _tag: "Submit" }))
    notify(cmd("teamManager", { _tag: "Approve" }))
    const ready = notify(cmd("headOfService", { _tag: "Approve" }, london("2027-06-02", "10:00")))
    expect(ready.map((n) => [n.headline, n.body, n.facts])).toEqual([
      [
        "Panel request for children child-1 and child-2 (accommodation under section 20; care proceedings under section 31) is complete and approved, ready for a sitting",
        [...siblingsAbout, "Ready at 10:00 Wed 2 Jun 2027; put it on a sitting (NSO-3)."],
        { ...siblingsFacts, readyAt: "2027-06-02T09:00:00.000Z" }
      ]
    ])
  })

  it("the social worker reads who returned the request and why, with neither child named", () => {
    const notify = requestFor(siblings)
    notify(cmd("socialWorker", { _tag: "Submit" }))
    const returned = notify(cmd("teamManager", { _tag: "ReturnForChanges", reason: "Ash Testwood's school report is missing" }))
    expect(returned.map((n) => [n.headline, n.body, n.facts])).toEqual([
      [
        "Panel request for children child-1 and child-2 (accommodation under section 20; care proceedings under section 31) was returned for changes",
        [...siblingsAbout, "Returned by Tom Brackley (team manager): the child's school report is missing"],
        { ...siblingsFacts, returnedAt: "2027-06-01T08:00:00.000Z" }
      ]
    ])
  })

  it("DEF-LATE-PERMISSION: the administrator reads who let the request on, to which sitting and why, and what to do", () => {
    const granted = requestFor(siblings)(late("sit_9jun", "2027-06-09", "Ash Testwood's placement is breaking down"))
    expect(granted.map((n) => [n.body, n.facts])).toEqual([
      [
        [
          ...siblingsAbout,
          "Ruth Fairholme (Assistant Director) let it onto the Care and Resource Panel on Wed 9 Jun 2027 (DEF-LATE-PERMISSION, Carepanel default, not in the terms of reference; set by the authority's policy): the child's placement is breaking down",
          "Accept it onto that sitting's agenda once it is complete and approved."
        ],
        { ...siblingsFacts, sittingId: "sit_9jun", ruleId: "DEF-LATE-PERMISSION" }
      ]
    ])
  })

  it("NSO-2, DEF-LATE-PERMISSION: late permission while the request waits for approval, or once it is ready, asks no one to approve it again nor says again that it is ready", () => {
    const notify = requestFor(oneChild)
    notify(cmd("socialWorker", { _tag: "Submit" }))
    expect(notify(late("sit_9jun", "2027-06-09")).map((n) => n.kind)).toEqual(["referral.late_permission_granted"])
    notify(cmd("teamManager", { _tag: "Approve" }))
    expect(notify(cmd("headOfService", { _tag: "Approve" })).map((n) => n.kind)).toEqual(["referral.ready"])
    expect(notify(late("sit_16jun", "2027-06-16")).map((n) => n.kind)).toEqual(["referral.late_permission_granted"])
  })

  it("CPR-4: where no approval is asked, the submitted request goes straight to the administrator as ready", () => {
    const cpr = staffOf("care-planning")
    const step = story(referralDecider, contextOf("care-planning"))
    const at = london("2027-06-01", "09:00")
    step({ _tag: "CreateDraft", referralId: ReferralId.make("ref_1"), form: completeForm("care-planning"), by: as(cpr.socialWorker), at } as ReferralCommand)
    step({ _tag: "RecordDocument", document: { documentId: DocumentId.make("form"), kind: "referral_form", title: "Referral form" }, by: as(cpr.socialWorker), at } as ReferralCommand)
    const { events, state } = step({ _tag: "Submit", by: as(cpr.socialWorker), at } as ReferralCommand)
    expect(referralNotifications(events, state, contextOf("care-planning")).map((n) => [n.kind, n.body.at(-1)])).toEqual([
      ["referral.ready", "Ready at 09:00 Tue 1 Jun 2027; put it on a sitting (CPR-4)."]
    ])
  })

  it("DEF-LATE-PERMISSION: a draft let on late before it names a type or a child says so", () => {
    const granted = requestFor({ ...oneChild, requestTypes: [], children: [] })(late("sit_9jun", "2027-06-09"))
    expect(granted[0]?.body.slice(0, 2)).toEqual(["Request ref_1: type not given.", "0 children (ids none)."])
  })

  it("a request that was never created tells nobody", () => {
    expect(referralNotifications([], undefined, context)).toEqual([])
  })
})
