import { test } from "@fast-check/vitest"
import { DateTime } from "effect"
import fc from "fast-check"
import { describe, expect } from "vitest"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { toDeadline } from "../../src/deadlines/clock.js"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { clockNotifications } from "../../src/notifications/clockNotifications.js"
import { preset } from "../../src/policy/authorities/index.js"
import type { AuthorityPolicy } from "../../src/policy/AuthorityPolicy.js"
import { currentExpiry, type Placement } from "../../src/regulation24/Placement.js"
import { placementClocks } from "../../src/regulation24/placementClocks.js"
import type { PlacementCommand } from "../../src/regulation24/PlacementCommands.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import { fold } from "../../src/shared/decider.js"
import { AuthorityId } from "../../src/shared/ids.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { aroundClockChanges, elapsed, hour, placementInstantArb, week } from "./arbitraries.js"
import { basicTest, carers, cmd, extensionSteps } from "./fixtures.js"

const plus = (instant: DateTime.Utc, millis: number) => DateTime.unsafeMake(DateTime.toEpochMillis(instant) + millis)

/** Lincolnshire, warning the given number of days ahead. */
const warningDays = (days: number): AuthorityPolicy => {
  const lincolnshire = preset("lincolnshire")
  return { ...lincolnshire, regulation24: { ...lincolnshire.regulation24!, warnDaysBeforeExpiry: days } }
}

const played = (policy: AuthorityPolicy, commands: ReadonlyArray<PlacementCommand>): Placement =>
  fold(placementDecider, deciderSpec(placementDecider, { policy, calendar: englandAndWales }).play(commands))!

/** Placed at `placedAt`; extended by `extension` weeks a fraction of the way to the original expiry, if given. */
const placement = (policy: AuthorityPolicy, placedAt: DateTime.Utc, extension?: { readonly weeks: number; readonly when: number }) => {
  const placed = played(policy, [basicTest(undefined, placedAt), cmd("socialWorker", { _tag: "RecordPlacementMade", placedAt, carers }, placedAt)])
  if (extension === undefined) return placed
  const at = plus(placedAt, Math.floor(extension.when * (elapsed(placedAt, placed.approval!.originalExpiresAt) - 1)))
  return played(policy, [
    basicTest(undefined, placedAt),
    cmd("socialWorker", { _tag: "RecordPlacementMade", placedAt, carers }, placedAt),
    ...extensionSteps(at),
    cmd("headOfService", { _tag: "ExtendApproval", weeks: extension.weeks }, at)
  ])
}

const extensionArb = fc.option(fc.record({ weeks: fc.integer({ min: 1, max: 8 }), when: fc.double({ min: 0, max: 1, noNaN: true }) }), { nil: undefined })

describe("Regulation 24 clocks: properties (STAT-S46, STAT-R24, STAT-R25-1)", () => {
  test.prop([fc.oneof(aroundClockChanges, placementInstantArb), fc.integer({ min: 0, max: 71 })])(
    "STAT-S46: police protection ends 72 elapsed hours after it began, across a clock change, however late it is recorded",
    (since, recordedAfterHours) => {
      const policy = preset("lincolnshire")
      const recordedAt = plus(since, recordedAfterHours * hour)
      const recorded = played(policy, [
        basicTest(undefined, since),
        cmd("socialWorker", { _tag: "RecordPolicePowers", underPoliceProtection: true, since }, recordedAt)
      ])
      const spec = placementClocks(recorded, policy).find((clock) => clock.id === "plc_1:police-protection")!
      const deadline = toDeadline(spec, englandAndWales, { now: recordedAt, dueSoonHours: 48 })
      expect(deadline.ruleId).toBe("STAT-S46")
      expect(elapsed(since, deadline.due)).toBe(72 * hour)
    }
  )

  test.prop([placementInstantArb, fc.integer({ min: 1, max: 56 }), extensionArb])(
    "STAT-R24, STAT-R25-1: the expiry warning falls due before the approval in force ends, never on or after it",
    (placedAt, days, extension) => {
      const policy = warningDays(days)
      const placed = placement(policy, placedAt, extension)
      const expiry = currentExpiry(placed.approval!)!
      const spec = placementClocks(placed, policy).find((clock) => clock.id === "plc_1:approval-warning")!
      const warning = toDeadline(spec, englandAndWales, { now: placedAt, dueSoonHours: 48 })
      expect(warning.ruleId).toBe("DEF-R24-EXPIRY-WARNING")
      expect(DateTime.lessThan(warning.due, expiry)).toBe(true)
      // At least the days asked for, less the hour a clock change may take.
      expect(elapsed(warning.due, expiry)).toBeGreaterThanOrEqual(days * 24 * hour - hour)
    }
  )

  test.prop([placementInstantArb, extensionArb, fc.integer({ min: 0, max: 30 * 7 * 24 })])(
    "STAT-R24, STAT-R25-1: reminders warn of the approval's end only before it; after it only the end's own clock reminds",
    (placedAt, extension, hoursOn) => {
      const policy = preset("lincolnshire")
      const placed = placement(policy, placedAt, extension)
      const expiry = currentExpiry(placed.approval!)!
      const now = plus(placedAt, hoursOn * hour)
      const deadlines = deadlinesOf({ referrals: [], sittings: [], placements: [placed] }, { policy, calendar: englandAndWales }, { now, dueSoonHours: 48 })
      const sent = clockNotifications(deadlines, now, { authorityId: AuthorityId.make("lincolnshire"), policy })
      const warnings = sent.filter((notification) => notification.facts.deadlineId === "plc_1:approval-warning")
      if (!DateTime.lessThan(now, expiry)) {
        expect(warnings).toEqual([])
        const end = extension === undefined ? "plc_1:temporary-approval" : "plc_1:extended-approval"
        // A clock is overdue after its due instant, not at it (seed -1087525961 found the instant itself).
        if (DateTime.greaterThan(now, expiry)) expect(sent.some((notification) => notification.facts.deadlineId === end && notification.kind === "clock.overdue")).toBe(true)
      }
      // Within the policy's warning (and the reminder's 48 hours before it), a warning goes out before the end.
      const warningDue = deadlines.find((deadline) => deadline.id === "plc_1:approval-warning")!.due
      if (DateTime.lessThan(now, expiry) && !DateTime.lessThan(now, plus(warningDue, -48 * hour))) expect(warnings.length).toBeGreaterThan(0)
      expect(elapsed(placedAt, expiry)).toBeLessThanOrEqual(24 * week + hour)
    }
  )
})
