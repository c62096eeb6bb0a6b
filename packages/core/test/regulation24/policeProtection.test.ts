import { describe, expect, it } from "@effect/vitest"
import { test } from "@fast-check/vitest"
import { DateTime } from "effect"
import fc from "fast-check"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { toDeadline } from "../../src/deadlines/clock.js"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { clockNotifications } from "../../src/notifications/clockNotifications.js"
import { preset } from "../../src/policy/authorities/index.js"
import { isUnderPoliceProtection } from "../../src/regulation24/Placement.js"
import { placementAggregate } from "../../src/regulation24/placementAggregate.js"
import { placementClocks } from "../../src/regulation24/placementClocks.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import type { PlacementEvent } from "../../src/regulation24/PlacementEvents.js"
import { fold } from "../../src/shared/decider.js"
import { AuthorityId, PersonId } from "../../src/shared/ids.js"
import { contextOf, london } from "../fixtures.js"
import { aroundClockChanges, elapsed, hour, placementInstantArb } from "./arbitraries.js"
import { basicTest, carers, cmd, identified, lincolnshire, playOn } from "./fixtures.js"

const since = london("2027-03-25", "22:00")
const underProtection = (): PlacementEvent[] =>
  playOn(identified(), cmd("socialWorker", { _tag: "RecordPolicePowers", underPoliceProtection: true, since }, london("2027-03-26", "08:00")))
const outcome = (body: Record<string, unknown>, when = london("2027-03-26", "12:00")) =>
  cmd("socialWorker", { _tag: "RecordPoliceProtectionOutcome", ...body }, when)
const plus = (instant: DateTime.Utc, millis: number) => DateTime.unsafeMake(DateTime.toEpochMillis(instant) + millis)

describe("police protection (STAT-S46)", () => {
  it("STAT-S46: given police protection and a placement, the child is still under police protection, and the placement's read model says so", () => {
    const history = playOn(underProtection(), cmd("socialWorker", { _tag: "RecordPlacementMade", placedAt: london("2027-03-26", "10:00"), carers }, london("2027-03-26", "10:00")))
    const placement = fold(placementDecider, history)!
    expect(isUnderPoliceProtection(placement)).toBe(true)
    const [row] = placementAggregate.readModels(placement, { streamType: "placement", authorityId: AuthorityId.make("lincolnshire"), id: placement.id })
    expect(row?.index).toMatchObject({ status: "placed", underPoliceProtection: true })
  })

  it("STAT-S46: when an emergency protection order is recorded with its instant, police protection ends then and the clock is met at it", () => {
    const spec = lincolnshire.given(underProtection()).when(outcome({ outcome: "emergency_protection_order", endedAt: london("2027-03-26", "11:30") }))
    expect(spec.events()).toMatchObject([{ _tag: "PoliceProtectionEnded", outcome: "emergency_protection_order", endedAt: london("2027-03-26", "11:30") }])
    expect(isUnderPoliceProtection(spec.state()!)).toBe(false)
  })

  it("STAT-S46: accommodation under s20 ends police protection only once consent is recorded", () => {
    const placedHistory = playOn(underProtection(), cmd("socialWorker", { _tag: "RecordPlacementMade", placedAt: london("2027-03-26", "10:00"), carers }, london("2027-03-26", "10:00")))
    expect(lincolnshire.given(placedHistory).when(outcome({ outcome: "accommodated_s20" })).refusal()).toMatchObject({
      _tag: "PoliceProtectionOutcomeRefused",
      ruleId: "STAT-S46",
      message: "Accommodation under s20 ends police protection only with the recorded consent of a person with parental responsibility: record the s20 accommodation with its consents first (STAT-S46, STAT-S20-CONSENT)."
    })
  })

  it("STAT-S46: refuses an outcome for a child not under police protection, a second outcome, one before it began and one still to come", () => {
    expect(lincolnshire.given(identified()).when(outcome({ outcome: "returned_home" })).refusal()).toMatchObject({
      _tag: "PoliceProtectionOutcomeRefused",
      message: "The child is not recorded as under police protection: record police powers first (STAT-S46)."
    })
    const ended = playOn(underProtection(), outcome({ outcome: "returned_home" }))
    expect(lincolnshire.given(ended).when(outcome({ outcome: "interim_care_order" })).refusal()).toMatchObject({
      message: "Police protection already ended at 12:00 Fri 26 Mar 2027: the child was returned home (STAT-S46)."
    })
    expect(lincolnshire.given(underProtection()).when(outcome({ outcome: "returned_home", endedAt: london("2027-03-25", "21:00") })).refusal()).toMatchObject({
      message: "Police protection began at 22:00 Thu 25 Mar 2027; it cannot have ended before, at 21:00 Thu 25 Mar 2027 (STAT-S46)."
    })
    expect(lincolnshire.given(underProtection()).when(outcome({ outcome: "returned_home", endedAt: london("2027-03-26", "13:00") })).refusal()._tag).toBe("NotYetHappened")
  })

  it("STAT-S46, DEF-S46-WARN-48H: the 48-hour warning and the 72-hour urgent alert reach the team manager, head of service and nominated officer", () => {
    const policy = preset("lincolnshire")
    const placement = fold(placementDecider, underProtection())!
    const at = (now: DateTime.Utc) =>
      clockNotifications(deadlinesOf({ referrals: [], sittings: [], placements: [placement] }, contextOf("lincolnshire"), { now, dueSoonHours: 0 }), now, {
        authorityId: AuthorityId.make("lincolnshire"),
        policy,
        dueSoonHours: 0
      })
    const warning = at(london("2027-03-27", "22:01"))
    expect(warning.map((n) => [n.headline, n.recipients[0]])).toEqual([
      ["Overdue (DEF-S46-WARN-48H, Carepanel default): Regulation 24 placement for child child-1", { _tag: "RoleHolder", role: "team_manager" }],
      ["Overdue (DEF-S46-WARN-48H, Carepanel default): Regulation 24 placement for child child-1", { _tag: "RoleHolder", role: "head_of_service" }],
      ["Overdue (DEF-S46-WARN-48H, Carepanel default): Regulation 24 placement for child child-1", { _tag: "RoleHolder", role: "assistant_director" }]
    ])
    const alert = at(london("2027-03-28", "23:01")).filter((n) => n.facts.ruleId === "STAT-S46")
    expect(alert.map((n) => n.headline)).toEqual(Array(3).fill("Urgent: overdue (STAT-S46): Regulation 24 placement for child child-1"))
  })

  it("STAT-S46: a nominated officer named in the policy is told by name", () => {
    const lincs = preset("lincolnshire")
    const policy = {
      ...lincs,
      regulation24: { ...lincs.regulation24!, nominatedOfficer: { ruleId: "STAT-R25-3" as const, people: [{ personId: PersonId.make("p-iris"), name: "Iris Wendell" }], posts: [] } }
    }
    const now = london("2027-03-29", "09:00")
    const deadlines = deadlinesOf({ referrals: [], sittings: [], placements: [fold(placementDecider, underProtection())!] }, { ...contextOf("lincolnshire"), policy }, { now, dueSoonHours: 0 })
    const sent = clockNotifications(deadlines, now, { authorityId: AuthorityId.make("lincolnshire"), policy })
    expect(sent.filter((n) => n.facts.ruleId === "STAT-S46").map((n) => n.recipients[0])).toEqual([
      { _tag: "RoleHolder", role: "team_manager" },
      { _tag: "RoleHolder", role: "head_of_service" },
      { _tag: "Person", personId: "p-iris", name: "Iris Wendell" }
    ])
  })
})

describe("police protection: properties (STAT-S46)", () => {
  test.prop([fc.oneof(aroundClockChanges, placementInstantArb), fc.integer({ min: -71, max: 200 }), fc.integer({ min: 0, max: 400 })])(
    "STAT-S46: for any placement instant, before or after police protection began, across either clock change, the clock is never met by placement alone",
    (began, placedAfterHours, nowAfterHours) => {
      const policy = preset("lincolnshire")
      const placedAt = plus(began, placedAfterHours * hour)
      const recordedAt = DateTime.max(placedAt, began)
      const history = lincolnshire.play([
        basicTest(undefined, began),
        cmd("socialWorker", { _tag: "RecordPolicePowers", underPoliceProtection: true, since: began }, recordedAt),
        cmd("socialWorker", { _tag: "RecordPlacementMade", placedAt, carers }, recordedAt)
      ])
      const placement = fold(placementDecider, history)!
      const now = plus(recordedAt, nowAfterHours * hour)
      const clock = placementClocks(placement, policy).find((spec) => spec.id === "plc_1:police-protection")!
      const deadline = toDeadline(clock, englandAndWales, { now, dueSoonHours: 48 })
      expect(deadline.state).not.toBe("met")
      expect(elapsed(began, deadline.due)).toBe(72 * hour)
      expect(isUnderPoliceProtection(placement)).toBe(true)
    }
  )

  test.prop([fc.oneof(aroundClockChanges, placementInstantArb), fc.integer({ min: 0, max: 100 * 60 }), fc.constantFrom("returned_home", "emergency_protection_order", "interim_care_order")])(
    "STAT-S46: a recorded outcome meets the clock at the outcome's own instant, late exactly when after 72 elapsed hours",
    (began, endedAfterMinutes, kind) => {
      const endedAt = plus(began, endedAfterMinutes * 60_000)
      const history = lincolnshire.play([
        basicTest(undefined, began),
        cmd("socialWorker", { _tag: "RecordPolicePowers", underPoliceProtection: true, since: began }, began),
        cmd("socialWorker", { _tag: "RecordPoliceProtectionOutcome", outcome: kind, endedAt }, plus(endedAt, hour))
      ])
      const clock = placementClocks(fold(placementDecider, history)!, preset("lincolnshire")).find((spec) => spec.id === "plc_1:police-protection")!
      const deadline = toDeadline(clock, englandAndWales, { now: plus(endedAt, hour), dueSoonHours: 48 })
      expect(deadline).toMatchObject({ state: "met", metAt: endedAt, metLate: endedAfterMinutes > 72 * 60 })
    }
  )
})
