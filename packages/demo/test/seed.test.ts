import { readFileSync } from "node:fs"
import { Effect } from "effect"
import { daysBetween, LocalDate, parsePolicyText, Referrals, Sittings, weekdayOf } from "@carepanel/core"
import { inMemoryCore, staffOf } from "@carepanel/core/testing"
import { expect, it } from "@effect/vitest"
import { demoPolicyFile, isEmpty, seedAuthority } from "../src/index.js"

const policy = Effect.runSync(parsePolicyText(readFileSync(demoPolicyFile, "utf8"), demoPolicyFile))
const staff = staffOf(policy.authority.id)

it.live("seeds the demonstration authority through the use cases: sittings to come, requests waiting", () =>
  Effect.gen(function* () {
    expect(yield* isEmpty(policy.authority.id)).toBe(true)
    expect(yield* seedAuthority(policy)).toMatchObject({ sittings: 5, requests: 8, placements: 1 })
    expect(yield* isEmpty(policy.authority.id)).toBe(false)
    const sittings = yield* Effect.flatMap(Sittings, (use) => use.list(staff.administrator))
    expect(sittings).toHaveLength(5)
    const [, , , next] = sittings
    expect(next!.agenda).toHaveLength(1)
    const referral = yield* Effect.flatMap(Referrals, (use) => use.get(staff.administrator, next!.agenda[0]!.referralId))
    expect(referral.status).toBe("accepted")
  }).pipe(Effect.provide(inMemoryCore(policy)))
)

it.live("a second seed of the same store (another process starting at the same time) writes nothing", () =>
  Effect.gen(function* () {
    yield* seedAuthority(policy)
    const sittings = yield* Effect.flatMap(Sittings, (use) => use.list(staff.administrator))
    expect(yield* seedAuthority(policy)).toBeUndefined()
    expect(yield* Effect.flatMap(Sittings, (use) => use.list(staff.administrator))).toEqual(sittings)
  }).pipe(Effect.provide(inMemoryCore(policy)))
)

it.live("seeds an authority whose panel needs four members present to be quorate: enough of its staff sign in", () => {
  const quorumOfFour = {
    ...policy,
    panels: [{ ...policy.panels[0], quorum: { _tag: "Minimum" as const, members: 4, ruleId: "DEF-QUORUM-MINIMUM" as const } }] as const
  }
  return Effect.gen(function* () {
    expect(yield* seedAuthority(quorumOfFour)).toMatchObject({ sittings: 5, requests: 8, placements: 1 })
    const heard = (yield* Effect.flatMap(Sittings, (use) => use.list(staff.administrator))).filter((sitting) => sitting.quorum !== undefined)
    expect(heard.length).toBeGreaterThan(0)
    for (const sitting of heard) expect(sitting.attendance.filter((entry) => entry.status === "present").length).toBeGreaterThanOrEqual(4)
  }).pipe(Effect.provide(inMemoryCore(quorumOfFour)))
})

it.live("KNO-1: a panel that sits every two weeks is seeded every two weeks, on its weekday and in step with its first date, not weekly", () => {
  const fortnightly = {
    ...policy,
    panels: [{ ...policy.panels[0], schedule: { _tag: "Cadence" as const, everyWeeks: 2, weekday: "thursday" as const, ifClosed: "skip" as const, firstDate: LocalDate.make("2027-01-07") } }] as const
  }
  return Effect.gen(function* () {
    expect(yield* seedAuthority(fortnightly)).toMatchObject({ sittings: 5 })
    const dates = (yield* Effect.flatMap(Sittings, (use) => use.list(staff.administrator))).map((sitting) => sitting.date)
    expect(dates).toHaveLength(5)
    for (const date of dates) {
      expect(weekdayOf(date), date).toBe("thursday")
      expect(((daysBetween(date, LocalDate.make("2027-01-07")) % 14) + 14) % 14, date).toBe(0)
    }
    const gaps = dates.slice(1).map((date, i) => daysBetween(dates[i]!, date))
    expect(gaps.every((gap) => gap >= 14), gaps.join(", ")).toBe(true)
  }).pipe(Effect.provide(inMemoryCore(fortnightly)))
})
