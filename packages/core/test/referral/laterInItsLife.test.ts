import { describe, expect, it } from "@effect/vitest"
import { DocumentId } from "../../src/shared/ids.js"
import { london } from "../fixtures.js"
import { referralsAt, sittingOn } from "./fixtures.js"

const panelId = "care-planning-and-resources"
const { spec, cmd, then, draft } = referralsAt("care-planning", panelId)
const wednesday = sittingOn("sit_9jun", panelId, "2027-06-09", "09:30")
/** The Care Planning panel asks for no sign-off: a complete request is ready when submitted on the Monday morning. */
const ready = then(draft({}, ["referral_form"]), cmd("socialWorker", { _tag: "Submit" }, london("2027-06-07", "10:00")))
const onTheAgenda = then(ready, cmd("administrator", { _tag: "AcceptOntoSitting", sitting: wednesday }, london("2027-06-07", "11:00")))

describe("what may still happen to a request later in its life", () => {
  it("a paper added once the request is on a sitting's agenda is recorded with it", () => {
    const document = { documentId: DocumentId.make("doc-update"), kind: "assessment", title: "Updated assessment" }
    expect(spec.given(onTheAgenda).when(cmd("socialWorker", { _tag: "RecordDocument", document })).state()?.documents).toContainEqual(document)
  })

  it("a request on a sitting's agenda is withdrawn by its social worker when the family moves away", () => {
    expect(spec.given(onTheAgenda).when(cmd("socialWorker", { _tag: "Withdraw", reason: "The family moved out of the area" })).state()).toMatchObject({
      status: "withdrawn",
      closedReason: "The family moved out of the area"
    })
  })

  it("CPR-4: the chair may let a request on late while it is still a draft, for the sitting it is meant for", () => {
    const history = draft({}, ["referral_form"])
    const granted = cmd("chair", { _tag: "GrantLatePermission", sitting: wednesday, reason: "Placement breaking down this week" }, london("2027-06-07", "18:00"))
    expect(spec.given(history).when(granted).state()?.latePermissions).toMatchObject([{ sittingId: "sit_9jun" }])
  })
})
