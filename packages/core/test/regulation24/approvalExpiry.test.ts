import { describe, expect, it } from "@effect/vitest"
import { test } from "@fast-check/vitest"
import { DateTime } from "effect"
import fc from "fast-check"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { clockNotifications } from "../../src/notifications/clockNotifications.js"
import { preset } from "../../src/policy/authorities/index.js"
import { approvalStandingAt, currentExpiry } from "../../src/regulation24/Placement.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import type { PlacementEvent } from "../../src/regulation24/PlacementEvents.js"
import { fold } from "../../src/shared/decider.js"
import { AuthorityId } from "../../src/shared/ids.js"
import { contextOf, london } from "../fixtures.js"
import { hour, placementInstantArb } from "./arbitraries.js"
import { basicTest, carers, cmd, lincolnshire, placed, playOn } from "./fixtures.js"

const expiry = london("2027-07-16", "10:00")
const plus = (instant: DateTime.Utc, millis: number) => DateTime.unsafeMake(DateTime.toEpochMillis(instant) + millis)
const clocksAt = (history: ReadonlyArray<PlacementEvent>, now: DateTime.Utc) =>
  deadlinesOf({ referrals: [], sittings: [], placements: [fold(placementDecider, history)!] }, contextOf("lincolnshire"), { now, dueSoonHours: 48 })
const alternative = (history: ReadonlyArray<PlacementEvent>, now: DateTime.Utc) => clocksAt(history, now).find((deadline) => deadline.id === "plc_1:alternative-arrangement")

describe("temporary approval expired (STAT-R25-4)", () => {
  it("STAT-R25-4: once the approval has expired without approval as foster carers, the placement stops showing as approved and a clock asks for the alternative arrangement", () => {
    const placement = fold(placementDecider, placed())!
    expect(approvalStandingAt(placement, london("2027-07-16", "09:59"))).toBe("approved")
    expect(approvalStandingAt(placement, expiry)).toBe("expired")
    expect(alternative(placed(), london("2027-07-16", "09:59"))).toBeUndefined()
    expect(alternative(placed(), london("2027-07-16", "10:01"))).toMatchObject({
      ruleId: "STAT-R25-4",
      state: "overdue",
      title: "The temporary approval has expired: arrange other accommodation, then end the placement (STAT-R25-4)",
      explanation: "due 10:00 Fri 16 Jul 2027 - STAT-R25-4: when the temporary approval ended at 10:00 Fri 16 Jul 2027 without approval as foster carers"
    })
  })

  it("STAT-R25-4: the nominated officer is told at once, with the caseholders", () => {
    const now = london("2027-07-16", "10:30")
    const sent = clockNotifications(clocksAt(placed(), now), now, { authorityId: AuthorityId.make("lincolnshire"), policy: preset("lincolnshire") }).filter(
      (notification) => notification.facts.deadlineId === "plc_1:alternative-arrangement"
    )
    expect(sent.map((notification) => notification.recipients[0])).toEqual([
      { _tag: "RoleHolder", role: "team_manager" },
      { _tag: "RoleHolder", role: "head_of_service" },
      { _tag: "RoleHolder", role: "assistant_director" }
    ])
    expect(sent[0]).toMatchObject({ kind: "clock.overdue", headline: "Overdue (STAT-R25-4): Regulation 24 placement for child child-1" })
  })

  it("STAT-R25-4: ending the placement once the child has moved stops the clock", () => {
    const ended = playOn(placed(), cmd("socialWorker", { _tag: "EndPlacement", reason: "approval_expired_child_moved" }, london("2027-07-17", "09:00")))
    expect(alternative(ended, london("2027-07-18", "09:00"))).toBeUndefined()
    expect(approvalStandingAt(fold(placementDecider, ended)!, london("2027-07-18", "09:00"))).toBe("ended")
  })

  test.prop([placementInstantArb, fc.integer({ min: 0, max: 30 * 7 * 24 })])(
    "STAT-R24, STAT-R25-4: at any instant, across either clock change, the placement shows as approved exactly until the expiry, and the alternative-arrangement clock runs exactly from it",
    (placedAt, hoursOn) => {
      const history = lincolnshire.play([basicTest(undefined, placedAt), cmd("socialWorker", { _tag: "RecordPlacementMade", placedAt, carers }, placedAt)])
      const placement = fold(placementDecider, history)!
      const end = currentExpiry(placement.approval!)!
      const now = plus(placedAt, hoursOn * hour)
      const expired = !DateTime.lessThan(now, end)
      expect(approvalStandingAt(placement, now)).toBe(expired ? "expired" : "approved")
      expect(alternative(history, now) !== undefined).toBe(expired)
    }
  )
})
