import type { Deadline, Placement } from "@carepanel/core"
import { DateTime } from "effect"
import { describe, expect, it } from "vitest"
import { approvalCountdown, isStatutory, placementStanding, timeLeft } from "../src/data/statutory.js"

const now = DateTime.unsafeMake("2027-06-01T08:00:00Z")
const minute = 60_000
const hour = 60 * minute
const day = 24 * hour
const at = (ms: number) => DateTime.unsafeMake(now.epochMillis + ms)

// Only what the countdown reads of a placement: its status and its temporary approval (STAT-R24, STAT-R25-1).
const placement = (status: Placement["status"], approval?: object) => ({ status, approval }) as unknown as Placement
const approvalUntil = (expiresAt: DateTime.Utc, more: object = {}) => ({ startsAt: now, originalExpiresAt: expiresAt, expiresAt, ...more })

describe("the time left to a statutory clock, as the tracker shows it", () => {
  it("in weeks and days from two weeks on, in days and hours within them, in hours and minutes within the day", () => {
    expect(timeLeft(at(23 * day), now)).toBe("3 weeks 2 days left")
    expect(timeLeft(at(14 * day), now)).toBe("2 weeks 0 days left")
    expect(timeLeft(at(14 * day - minute), now)).toBe("13 days 23 hours left")
    expect(timeLeft(at(day + hour), now)).toBe("1 day 1 hour left")
    expect(timeLeft(at(day), now)).toBe("1 day 0 hours left")
    expect(timeLeft(at(5 * hour + 10 * minute), now)).toBe("5 hours 10 minutes left")
    expect(timeLeft(at(59 * minute + 59_999), now)).toBe("0 hours 59 minutes left")
  })

  it("is overdue from the minute after it falls due, by how long", () => {
    expect(timeLeft(now, now)).toBe("0 hours 0 minutes left")
    expect(timeLeft(at(-minute), now)).toBe("overdue by 0 hours 1 minute")
    expect(timeLeft(at(-(hour + 90_000)), now)).toBe("overdue by 1 hour 1 minute")
    expect(timeLeft(at(-(2 * day + hour)), now)).toBe("overdue by 2 days 1 hour")
    expect(timeLeft(at(-15 * day), now)).toBe("overdue by 2 weeks 1 day")
  })
})

describe("a Regulation 24 placement's temporary approval, as the tracker shows it", () => {
  it("before there is one: not placed yet, or placed without one", () => {
    expect(approvalCountdown(placement("identified"), now)).toBe("not placed yet")
    expect(approvalCountdown(placement("placed"), now)).toBe("no temporary approval")
  })

  it("in weeks and days left, nearer in days and hours, then hours and minutes, as every clock on the tracker; with the weeks an extension added (STAT-R25-1)", () => {
    expect(approvalCountdown(placement("placed", approvalUntil(at(65 * day + hour))), now)).toBe("9 weeks 2 days left of the approval")
    expect(approvalCountdown(placement("placed", approvalUntil(at(8 * day + hour))), now)).toBe("8 days 1 hour left of the approval")
    expect(approvalCountdown(placement("placed", approvalUntil(at(day - minute))), now)).toBe("23 hours 59 minutes left of the approval")
    const extended = approvalUntil(at(20 * day), { extension: { weeks: 8 } })
    expect(approvalCountdown(placement("placed", extended), now)).toBe("2 weeks 6 days left of the approval (extended 8 weeks)")
  })

  it("extended pending an independent review has no expiry to count down to (STAT-R25-2)", () => {
    const pending = approvalUntil(at(-day), { pendingReview: {} })
    expect(approvalCountdown(placement("placed", pending), now)).toBe("extended pending an independent review (STAT-R25-2)")
  })

  it("once it has run out (STAT-R24: 16 weeks at most), how long ago, in whole units gone (3 days and an hour is not 4 days; one of a unit said as one)", () => {
    expect(approvalCountdown(placement("placed", approvalUntil(at(-17 * day))), now)).toBe("‼ approval ran out 2 weeks 3 days ago")
    expect(approvalCountdown(placement("placed", approvalUntil(at(-(3 * day + hour)))), now)).toBe("‼ approval ran out 3 days 1 hour ago")
    expect(approvalCountdown(placement("placed", approvalUntil(at(-hour))), now)).toBe("‼ approval ran out 1 hour 0 minutes ago")
    const extended = approvalUntil(at(-3 * day), { extension: { weeks: 4 } })
    expect(approvalCountdown(placement("placed", extended), now)).toBe("‼ approval ran out 3 days 0 hours ago (extended 4 weeks)")
  })
})

describe("what else the tracker says of a placement, and which clocks it shows", () => {
  it("a child accommodated under s20 while the consent stands (STAT-S20-CONSENT), and police protection (STAT-S46)", () => {
    const s20 = { status: "placed", s20Accommodation: { consents: [], childWishes: {} } } as unknown as Placement
    expect(placementStanding(s20)).toEqual(["✓ s20 on consent"])
    const protectedChild = { status: "identified", policePowers: { underPoliceProtection: true } } as unknown as Placement
    expect(placementStanding(protectedChild)).toEqual(["‼ under police protection (STAT-S46)"])
  })

  it("every clock under a statutory rule, whatever it is about, and every clock of a placement or a child's record", () => {
    const clock = (ruleId: string, kind: string) => ({ ruleId, about: { kind, id: "x" } }) as unknown as Deadline
    expect(isStatutory(clock("STAT-S31", "referral"))).toBe(true)
    expect(isStatutory(clock("DEF-R24-CONSENT-NEXT-WD", "placement"))).toBe(true)
    expect(isStatutory(clock("DEF-S25-WARN-48H", "child"))).toBe(true)
    expect(isStatutory(clock("CPR-11", "sitting"))).toBe(false)
  })
})
