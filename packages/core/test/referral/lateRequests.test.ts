import { describe, expect, it } from "@effect/vitest"
import { london } from "../fixtures.js"
import { referralsAt, sittingOn } from "./fixtures.js"

const panelId = "care-planning-and-resources"
const { spec, cmd, then, draft, staff } = referralsAt("care-planning", panelId)
const wednesday = sittingOn("sit_9jun", panelId, "2027-06-09", "09:30")
const nextWednesday = sittingOn("sit_16jun", panelId, "2027-06-16", "09:30")

/** The Care Planning panel asks for no sign-off before panel: a complete request is ready when submitted. */
const readyAt = (date: string, time: string) => then(draft({}, ["referral_form"]), cmd("socialWorker", { _tag: "Submit" }, london(date, time)))
const permitted = (history: ReturnType<typeof readyAt>, by: keyof typeof staff, sitting = wednesday) =>
  then(history, cmd(by, { _tag: "GrantLatePermission", sitting, reason: "Placement breaking down this week" }, london("2027-06-08", "09:00")))
const accept = (sitting = wednesday, when = london("2027-06-08", "10:00")) => cmd("administrator", { _tag: "AcceptOntoSitting", sitting }, when)

describe("late requests on the Care Planning & Resources Panel (CPR-4)", () => {
  it("CPR-4: a request ready by 17:00 on the Monday is accepted onto Wednesday's sitting", () => {
    const events = spec.given(readyAt("2027-06-07", "16:59")).when(accept()).events()
    expect(events).toMatchObject([{ _tag: "AcceptedOntoSitting", sittingId: "sit_9jun", late: false }])
  })

  it("CPR-4: a request ready after 17:00 on the Monday is refused, naming the deadline and who may let it on", () => {
    const refusal = spec.given(readyAt("2027-06-07", "17:01")).when(accept()).refusal()
    expect(refusal).toMatchObject({ _tag: "LateRequest", ruleId: "CPR-4" })
    expect(refusal.message).toBe(
      "This request was ready at 17:01 Mon 7 Jun 2027, after the deadline of 17:00 Mon 7 Jun 2027 " +
        "(CPR-4: 17:00 on the Monday before the sitting on Wed 9 Jun 2027). It needs the permission of the panel chair or vice chair to be heard then."
    )
  })

  it("CPR-4: with the chair's or the vice chair's permission for that sitting, a late request is accepted and marked late", () => {
    for (const by of ["chair", "viceChair"] as const) {
      const state = spec.given(permitted(readyAt("2027-06-07", "18:00"), by)).when(accept()).state()
      expect(state).toMatchObject({ status: "accepted", acceptedLate: true, sittingId: "sit_9jun", latePermissions: [{ sittingId: "sit_9jun" }] })
    }
  })

  it("CPR-4: permission for one sitting does not carry to another", () => {
    const history = permitted(readyAt("2027-06-07", "18:00"), "chair", nextWednesday)
    expect(spec.given(history).when(accept()).refusal()._tag).toBe("LateRequest")
  })

  it("CPR-4: nobody but the chair or vice chair may let a late request on", () => {
    const refusal = spec
      .given(readyAt("2027-06-07", "18:00"))
      .when(cmd("headOfService", { _tag: "GrantLatePermission", sitting: wednesday, reason: "x" }))
      .refusal()
    expect(refusal).toMatchObject({
      _tag: "LatePermissionNotAllowed",
      message: "Only the panel chair or vice chair can let a late request onto the agenda (CPR-4)."
    })
  })

  it("CPR-4: late permission is for a sitting of the request's panel that has not been cancelled or started", () => {
    const history = readyAt("2027-06-07", "18:00")
    const grant = (sitting: typeof wednesday, when = london("2027-06-08", "09:00")) =>
      spec.given(history).when(cmd("chair", { _tag: "GrantLatePermission", sitting, reason: "x" }, when)).refusal()
    expect(grant({ ...wednesday, panelId: sittingOn("x", "another-panel", "2027-06-09", "09:30").panelId }).message).toBe(
      "That sitting belongs to another panel than the one this request is for."
    )
    const cancelled = { ...wednesday, cancelled: { reason: "No business", by: { personId: staff.chair.personId, name: "Martin Gorsley", role: "panel_chair" as const } } }
    expect(grant(cancelled)).toMatchObject({ _tag: "WrongSitting", message: "The sitting on Wed 9 Jun 2027 was cancelled: choose another sitting for this request." })
    expect(grant(wednesday, london("2027-06-09", "09:30")).message).toBe("The sitting on Wed 9 Jun 2027 has already started, so its agenda can no longer change.")
  })

  it("CPR-4: a request goes only onto a live sitting whose agenda can still change", () => {
    const history = readyAt("2027-06-07", "12:00")
    const cancelled = { ...wednesday, cancelled: { reason: "Chair ill", by: { personId: staff.chair.personId, name: "Martin Gorsley", role: "panel_chair" as const } } }
    expect(spec.given(history).when(accept(cancelled)).refusal().message).toBe(
      "The sitting on Wed 9 Jun 2027 was cancelled: choose another sitting for this request."
    )
    expect(spec.given(history).when(accept(wednesday, london("2027-06-09", "09:30"))).refusal()._tag).toBe("WrongSitting")
  })
})
