import { describe, expect, it } from "@effect/vitest"
import { test } from "@fast-check/vitest"
import fc from "fast-check"
import { PersonId } from "../../src/shared/ids.js"
import { actedBy } from "../../src/shared/authorise.js"
import type { AttendanceStatus, SittingEvent } from "../../src/sitting/SittingEvents.js"
import { as } from "../fixtures.js"
import { at, cmd, confirm, minimumSpec, schedule, staff } from "./minimumQuorum.js"

const spec = minimumSpec(3)

/** Attendance as the administrator records it; `forPerson` links a deputy to the member by their person id. */
const attend = (id: string, name: string, status: AttendanceStatus, stands: { readonly forPerson?: string; readonly forName?: string } = {}) =>
  cmd("administrator", {
    _tag: "RecordAttendance",
    entry: {
      personId: PersonId.make(id),
      name,
      seat: "Member",
      membership: "standing",
      status,
      ...(stands.forPerson === undefined ? {} : { standsInForPersonId: PersonId.make(stands.forPerson) }),
      ...(stands.forName === undefined ? {} : { standsInFor: stands.forName })
    }
  })

const amiraAway = spec.play([schedule, attend("ben-morrow", "Ben Morrow", "present"), attend("amira-patel", "Amira Patel", "apologies")])
const kitForAmira = spec.play([attend("kit-aldous", "Kit Aldous", "deputy", { forPerson: "amira-patel", forName: "Dr A. Patel" })], amiraAway)

describe("a deputy is linked to the member they stand in for by the member's person, not a typed name", () => {
  /**
   * CPR-3: members arrange cover when absent. Kit Aldous was recorded as deputy for "Dr A. Patel" while Amira Patel
   * was away; she then arrived and was recorded present. By name the two did not match and her seat counted twice,
   * so two seats passed a quorum of three.
   */
  it("CPR-3: one seat counts once when the deputy's member arrives, whatever name the deputy gave for her", () => {
    const arrived = spec.play([attend("amira-patel", "Amira Patel", "present")], kitForAmira)
    expect(spec.given(arrived).when(confirm(true)).refusal()).toMatchObject({ _tag: "QuorumNotMet", present: 2, needed: 3 })
    const third = spec.play([attend("lou-marsh", "Lou Marsh", "present")], arrived)
    expect(spec.given(third).when(confirm(true)).events()).toMatchObject([{ _tag: "QuorumConfirmed", enough: true }])
  })

  it("a deputy cannot stand in for themselves; nothing is recorded", () => {
    const refusal = spec.given(amiraAway).when(attend("kit-aldous", "Kit Aldous", "deputy", { forPerson: "kit-aldous", forName: "Kit Aldous" })).refusal()
    expect(refusal).toMatchObject({ _tag: "DeputyCannotStandIn" })
    expect(refusal.message).toBe("Kit Aldous cannot be recorded as a deputy for themselves: a deputy stands in for another member who is away. Choose the member Kit Aldous stands in for.")
  })

  it("a member away has one deputy: a second is refused, naming the first; nothing is recorded", () => {
    const refusal = spec.given(kitForAmira).when(attend("orla-fenwick", "Orla Fenwick", "deputy", { forPerson: "amira-patel" })).refusal()
    expect(refusal).toMatchObject({ _tag: "DeputyCannotStandIn" })
    expect(refusal.message).toBe(
      "Kit Aldous is already recorded as the deputy for Amira Patel: one member's seat has one deputy. If Orla Fenwick covers the seat instead, record Kit Aldous's attendance again first (apologies, if they are not coming)."
    )
    // The same deputy recorded again for the same member is a correction, not a second deputy.
    expect(spec.given(kitForAmira).when(attend("kit-aldous", "Kit Aldous", "deputy", { forPerson: "amira-patel" })).events()).toHaveLength(1)
  })

  it("CPR-3: a deputy is refused for a member recorded as present; the member arriving after their deputy is recorded", () => {
    const amiraHere = spec.play([attend("amira-patel", "Amira Patel", "present")], amiraAway)
    const refusal = spec.given(amiraHere).when(attend("kit-aldous", "Kit Aldous", "deputy", { forPerson: "amira-patel" })).refusal()
    expect(refusal).toMatchObject({ _tag: "DeputyCannotStandIn", ruleId: "CPR-3" })
    expect(refusal.message).toBe(
      "Amira Patel is recorded as present, so Kit Aldous cannot stand in for them: a deputy covers a member who is away (CPR-3). If Amira Patel has sent apologies or left, record that first."
    )
    const arrived = spec.given(kitForAmira).when(attend("amira-patel", "Amira Patel", "present")).state()
    expect(arrived?.attendance.map((entry) => [entry.name, entry.status])).toEqual([
      ["Ben Morrow", "present"],
      ["Kit Aldous", "deputy"],
      ["Amira Patel", "present"]
    ])
  })

  it("CPR-3: a deputy for a member not on the attendance (an outside agency's seat) gives the member's name", () => {
    const refusal = spec.given(amiraAway).when(attend("kit-aldous", "Kit Aldous", "deputy", { forPerson: "police-liaison" })).refusal()
    expect(refusal).toMatchObject({ _tag: "DeputyMustNameSeat", ruleId: "CPR-3" })
    expect(refusal.message).toBe("Say which member the deputy stands in for (CPR-3): the member is not on this sitting's attendance, so give their name.")
    const named = spec.given(amiraAway).when(attend("kit-aldous", "Kit Aldous", "deputy", { forPerson: "police-liaison", forName: "Police liaison officer" }))
    expect(named.state()?.attendance.at(-1)).toMatchObject({ standsInForPersonId: "police-liaison", standsInFor: "Police liaison officer" })
  })

  const members = ["m-0", "m-1", "m-2", "m-3", "m-4", "m-5"]
  const outsideSeats = ["Police liaison", " police LIAISON ", "Health visitor"]
  const entry = fc.record({
    personId: fc.constantFrom(...members),
    status: fc.constantFrom<AttendanceStatus>("present", "apologies", "deputy", "observer", "confirmed"),
    standsFor: fc.oneof(fc.record({ person: fc.constantFrom(...members) }), fc.record({ name: fc.constantFrom(...outsideSeats) })),
    represents: fc.subarray(members)
  })
  const recorded = (entries: ReadonlyArray<typeof entry extends fc.Arbitrary<infer T> ? T : never>): ReadonlyArray<SittingEvent> =>
    entries.map((one) => ({
      _tag: "AttendanceRecorded",
      attendance: {
        personId: PersonId.make(one.personId),
        name: `Member ${one.personId}`,
        seat: "Member",
        membership: "standing",
        status: one.status,
        ...(one.status !== "deputy" ? {} : "person" in one.standsFor ? { standsInForPersonId: PersonId.make(one.standsFor.person) } : { standsInFor: one.standsFor.name }),
        ...(one.status !== "present" || one.represents.length === 0 ? {} : { represents: one.represents.map((id) => PersonId.make(id)) })
      },
      by: actedBy(as(staff.administrator)),
      at
    }))
  const large = minimumSpec(99)
  const scheduled = large.play([schedule])

  test.prop([fc.uniqueArray(entry, { selector: (one) => one.personId, maxLength: members.length })])(
    "DEF-QUORUM-MINIMUM, CPR-3: the members counted are the distinct seats, persons present and members away with a deputy, never more; a member also representing others (KNO-2) counts once, Carepanel's reading",
    (entries) => {
      // Representation is drawn for every member present and left out of the seats expected: it never raises the count.
      const present = entries.filter((one) => one.status === "present").map((one) => one.personId)
      const deputies = entries.filter((one) => one.status === "deputy").map((one) => one.standsFor)
      const covered = deputies.flatMap((stands) => ("person" in stands ? [stands.person] : []))
      const outside = deputies.flatMap((stands) => ("name" in stands ? [stands.name.trim().toLowerCase()] : []))
      const seats = new Set([...present, ...covered]).size + new Set(outside).size
      const refusal = large.given([...scheduled, ...recorded(entries)]).when(confirm(true)).refusal()
      expect(refusal).toMatchObject({ _tag: "QuorumNotMet", present: seats })
    }
  )
})
