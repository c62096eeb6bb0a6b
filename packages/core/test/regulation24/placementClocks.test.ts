import { describe, expect, it } from "@effect/vitest"
import { test } from "@fast-check/vitest"
import { DateTime } from "effect"
import fc from "fast-check"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { addDays } from "../../src/calendar/LocalDate.js"
import { londonDateOf, londonTimeOf } from "../../src/calendar/londonTime.js"
import { type Now, toDeadline } from "../../src/deadlines/clock.js"
import { preset } from "../../src/policy/authorities/index.js"
import { EndReason } from "../../src/regulation24/Placement.js"
import { placementClocks } from "../../src/regulation24/placementClocks.js"
import type { PlacementEvent } from "../../src/regulation24/PlacementEvents.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import { fold } from "../../src/shared/decider.js"
import { london } from "../fixtures.js"
import { elapsed, hour, placementInstantArb, week } from "./arbitraries.js"
import { playOn, allNo, readyToExtend, authorised, basicTest, carers, cmd, identified, lincolnshire, placed, placedAt } from "./fixtures.js"

const policy = preset("lincolnshire")
const at = (now: DateTime.Utc): Now => ({ now, dueSoonHours: 48 })
const deadlines = (events: ReadonlyArray<PlacementEvent>, now = london("2027-03-26", "12:00")) =>
  placementClocks(fold(placementDecider, events)!, policy).map((spec) => toDeadline(spec, englandAndWales, at(now)))
const byRule = (events: ReadonlyArray<PlacementEvent>, now?: DateTime.Utc) =>
  Object.fromEntries(deadlines(events, now).map((deadline) => [deadline.id.split(":")[1], deadline]))
const extend = (weeks: number, when = london("2027-07-01", "09:00")) =>
  cmd("headOfService", { _tag: "ExtendApproval", weeks }, when)
const placedOn = (instant: DateTime.Utc) =>
  lincolnshire.play([basicTest(undefined, instant), cmd("socialWorker", { _tag: "RecordPlacementMade", placedAt: instant, carers }, instant)])

describe("placement clocks: explained", () => {
  it("LIN-16, LIN-18, STAT-R24: viability 24 hours, kinship referral 48 hours across the clock change, approval 16 weeks, warned 14 days ahead", () => {
    const clocks = byRule(placed())
    expect(clocks.viability).toMatchObject({ ruleId: "LIN-16", state: "due_soon", explanation: "due 10:00 Sat 27 Mar 2027 - LIN-16: 24 hours after the placement at 10:00 Fri 26 Mar 2027" })
    expect(clocks["kinship-referral"]).toMatchObject({ ruleId: "LIN-18", explanation: "due 11:00 Sun 28 Mar 2027 - LIN-18: 48 hours after the placement at 10:00 Fri 26 Mar 2027 (elapsed hours; the clocks went forward on 28 Mar)" })
    expect(clocks["temporary-approval"]).toMatchObject({ ruleId: "STAT-R24", explanation: "due 10:00 Fri 16 Jul 2027 - STAT-R24: 16 weeks after the placement at 10:00 Fri 26 Mar 2027" })
    expect(clocks["approval-warning"]).toMatchObject({
      ruleId: "DEF-R24-EXPIRY-WARNING",
      explanation: "due 10:00 Fri 2 Jul 2027 - DEF-R24-EXPIRY-WARNING, Carepanel default, not in the terms of reference; set by the authority's policy: 14 days before the end of the temporary approval at 10:00 Fri 16 Jul 2027"
    })
    expect(Object.keys(clocks)).toEqual(["looked-after-consent", "viability", "kinship-referral", "temporary-approval", "approval-warning"])
  })

  it("LIN-16, LIN-18: met by the viability assessment and the kinship referral; a late one says so", () => {
    const sent = playOn(authorised(), cmd("socialWorker", { _tag: "RecordKinshipReferral", bacsFormSigned: true }, london("2027-03-29", "09:00")))
    const clocks = byRule(sent, london("2027-03-29", "10:00"))
    expect(clocks.viability).toMatchObject({ state: "met", metLate: false })
    expect(clocks["kinship-referral"]).toMatchObject({ state: "met", metLate: true })
    expect(clocks["kinship-referral"]!.explanation).toMatch(/; met late, at 09:00 Mon 29 Mar 2027$/)
  })

  it("STAT-R25-1: after an extension, the original expiry is met and the extended one runs 8 weeks from it, warned ahead", () => {
    const clocks = byRule(playOn(readyToExtend(), extend(8)), london("2027-07-01", "10:00"))
    expect(clocks["temporary-approval"]!.state).toBe("met")
    expect(clocks["extended-approval"]).toMatchObject({
      ruleId: "STAT-R25-1",
      state: "pending",
      explanation: "due 10:00 Fri 10 Sep 2027 - STAT-R25-1: 8 weeks after the original end of the temporary approval at 10:00 Fri 16 Jul 2027"
    })
    expect(clocks["approval-warning"]).toMatchObject({ ruleId: "DEF-R24-EXPIRY-WARNING", state: "pending", due: london("2027-08-27", "10:00") })
  })

  it("STAT-R25-2: running until a review's outcome meets every expiry clock", () => {
    const pending = playOn(readyToExtend(playOn(readyToExtend(), extend(8)), london("2027-08-30", "09:00")), cmd("assistantDirector", { _tag: "ExtendPendingReview", facts: { fullAssessmentRefused: true, independentReviewSought: true } }, london("2027-09-01", "09:00")))
    const clocks = byRule(pending, london("2027-12-01", "09:00"))
    expect([clocks["temporary-approval"]!.state, clocks["extended-approval"]!.state, clocks["approval-warning"]!.state]).toEqual(["met", "met", "met"])
  })

  it("DEF-R24-EXPIRY-WARNING: a warning on a Sunday comes on the Friday before, cited as Carepanel's, not regulation 24's", () => {
    const warning = byRule(placedOn(london("2027-05-02", "10:00")))["approval-warning"]!
    expect(warning.explanation).toBe(
      "due 10:00 Fri 6 Aug 2027 - DEF-R24-EXPIRY-WARNING, Carepanel default, not in the terms of reference; set by the authority's policy: 14 days before the end of the temporary approval at 10:00 Sun 22 Aug 2027 (moved to Fri 6 Aug 2027 because Sun 8 Aug 2027 is a Sunday)"
    )
  })

  it("LIN-15, STAT-S46, DEF-S46-WARN-48H: police protection runs at most 72 hours from when it began, warned at 48; placing the child does not meet it", () => {
    const history = playOn(identified(), cmd("socialWorker", { _tag: "RecordPolicePowers", underPoliceProtection: true, since: london("2027-03-25", "22:00") }, london("2027-03-26", "08:00")))
    expect(deadlines(history)).toMatchObject([
      { ruleId: "DEF-S46-WARN-48H", state: "due_soon", explanation: "due 22:00 Sat 27 Mar 2027 - DEF-S46-WARN-48H, Carepanel default, not in the terms of reference; set by the authority's policy: 48 hours after police protection began at 22:00 Thu 25 Mar 2027" },
      { ruleId: "STAT-S46", state: "pending", explanation: "due 23:00 Sun 28 Mar 2027 - STAT-S46: 72 hours after police protection began at 22:00 Thu 25 Mar 2027 (elapsed hours; the clocks went forward on 28 Mar)" },
      { ruleId: "DEF-R24-CONSENT-NEXT-WD", state: "pending" }
    ])
    const placedThen = playOn(history, cmd("socialWorker", { _tag: "RecordPlacementMade", placedAt, carers }))
    expect(byRule(placedThen)["police-protection"]!.state).toBe("pending")
    expect(byRule(placedThen, london("2027-03-29", "08:00"))["police-protection"]!.state).toBe("overdue")
    const ordered = playOn(placedThen, cmd("socialWorker", { _tag: "RecordPoliceProtectionOutcome", outcome: "emergency_protection_order", endedAt: london("2027-03-28", "15:00") }, london("2027-03-28", "16:00")))
    expect(byRule(ordered)["police-protection"]).toMatchObject({ state: "met", metAt: london("2027-03-28", "15:00"), metLate: false })
    expect(byRule(ordered)["police-protection-warning"]).toMatchObject({ state: "met", metLate: true })
  })

  it("STAT-S46: police protection's clock outlives the placement's ending until an outcome is recorded", () => {
    const history = playOn(identified(), cmd("socialWorker", { _tag: "RecordPolicePowers", underPoliceProtection: true, since: london("2027-03-25", "22:00") }, london("2027-03-26", "08:00")))
    const moved = playOn(
      playOn(history, cmd("socialWorker", { _tag: "RecordPlacementMade", placedAt, carers })),
      cmd("socialWorker", { _tag: "EndPlacement", reason: "child_moved" }, london("2027-03-26", "11:00"))
    )
    expect(Object.keys(byRule(moved))).toEqual(["police-protection-warning", "police-protection"])
    const returned = playOn(moved, cmd("socialWorker", { _tag: "RecordPoliceProtectionOutcome", outcome: "returned_home" }, london("2027-03-26", "12:00")))
    expect(deadlines(returned)).toEqual([])
  })

  it("before a placement only the consent's clock (LIN-14); none for a child that is not a Regulation 24 placement, or after the ending (STAT-R25-4)", () => {
    expect(deadlines(identified()).map((deadline) => deadline.ruleId)).toEqual(["DEF-R24-CONSENT-NEXT-WD"])
    expect(deadlines(lincolnshire.play([basicTest(allNo)]))).toEqual([])
    expect(deadlines(playOn(placed(), cmd("socialWorker", { _tag: "EndPlacement", reason: "child_moved" }, london("2027-04-01", "09:00"))))).toEqual([])
  })
})

describe("placement clocks: properties", () => {
  const clocksFor = (instant: DateTime.Utc) => byRule(placedOn(instant), instant)

  test.prop([placementInstantArb])("LIN-16, LIN-18: exactly 24 and 48 elapsed hours from the placement, across either clock change", (instant) => {
    const clocks = clocksFor(instant)
    expect(elapsed(instant, clocks.viability!.due)).toBe(24 * hour)
    expect(elapsed(instant, clocks["kinship-referral"]!.due)).toBe(48 * hour)
  })

  test.prop([placementInstantArb])("STAT-R24: 16 weeks later on the London calendar, 16 weeks +/- 1 hour in elapsed time", (instant) => {
    const expiry = clocksFor(instant)["temporary-approval"]!.due
    const drift = elapsed(instant, expiry) - 16 * week
    expect([-hour, 0, hour]).toContain(drift)
    expect(londonDateOf(expiry)).toBe(addDays(londonDateOf(instant), 112))
    // Same wall time, unless that time did not exist on the day (the spring gap): then an hour on.
    if (londonTimeOf(expiry) !== londonTimeOf(instant)) expect(drift).toBe(0)
  })

  test.prop([placementInstantArb, fc.integer({ min: 1, max: 8 })])(
    "STAT-R25-1: an extension of n weeks ends n weeks after the original expiry (+/- 1 hour), never past 24 weeks + 1 hour",
    (instant, weeks) => {
      const history = placedOn(instant)
      const original = fold(placementDecider, history)!.approval!.originalExpiresAt
      const before = DateTime.unsafeMake(DateTime.toEpochMillis(original) - hour)
      const clocks = byRule(playOn(readyToExtend(history, before), extend(weeks, before)), instant)
      const extended = clocks["extended-approval"]!.due
      expect(Math.abs(elapsed(original, extended) - weeks * week)).toBeLessThanOrEqual(hour)
      expect(elapsed(instant, extended)).toBeLessThanOrEqual(24 * week + hour)
      expect(clocks["approval-warning"]!.due.epochMillis).toBeLessThan(extended.epochMillis)
    }
  )

  test.prop([placementInstantArb, fc.constantFrom(...EndReason.literals)])("no clocks after the placement ended, whatever the reason", (instant, reason) => {
    const history = placedOn(instant)
    const when = DateTime.unsafeMake(DateTime.toEpochMillis(instant) + 30 * week)
    const ended = playOn(history, cmd("socialWorker", { _tag: "EndPlacement", reason }, when))
    expect(placementClocks(fold(placementDecider, ended)!, policy)).toEqual([])
  })
})

describe("placement clocks: the Assistant Director's consent (LIN-14)", () => {
  it("LIN-14, DEF-R24-CONSENT-NEXT-WD: a basic test that says Regulation 24 starts a clock for the consent, met when it is given", () => {
    const consent = byRule(identified())["looked-after-consent"]
    expect(consent).toMatchObject({ ruleId: "DEF-R24-CONSENT-NEXT-WD", state: "pending", due: london("2027-03-30", "17:00") })
    expect(consent!.explanation).toContain("Carepanel default")
    expect(consent!.explanation).toContain("the basic test at")
    const given = playOn(identified(), cmd("assistantDirector", { _tag: "RecordLookedAfterConsent" }, london("2027-03-29", "11:00")))
    expect(byRule(given)["looked-after-consent"]).toMatchObject({ state: "met", metLate: false, metAt: london("2027-03-29", "11:00") })
  })

  it("LIN-14: no clock when the basic test answers no, nor at an authority whose policy sets none", () => {
    expect(byRule(lincolnshire.play([basicTest(allNo)]))["looked-after-consent"]).toBeUndefined()
    expect(placementClocks(fold(placementDecider, identified())!, preset("support-panels")).map((spec) => spec.id)).not.toContain("plc_1:looked-after-consent")
  })
})
