import { readFileSync } from "node:fs"
import { addDays, Decisions, parsePolicyText, Referrals, Sittings } from "@carepanel/core"
import { exampleDecision, inMemoryCore, staffOf } from "@carepanel/core/testing"
import { expect, it } from "@effect/vitest"
import { DateTime, Effect, FastCheck as fc } from "effect"
import { asOf, childrenHeardNow, demoPolicyFile, ensureSittingInProgress } from "../src/index.js"

const policy = Effect.runSync(parsePolicyText(readFileSync(demoPolicyFile, "utf8"), demoPolicyFile))
const staff = staffOf(policy.authority.id)

/** Start-up at `now`: the sitting under way, then the chair's first decision on it, all at `now`. */
const startUpAt = (now: DateTime.Utc) =>
  asOf(now)(
    Effect.gen(function* () {
      const [sittings, referrals, decisions] = yield* Effect.all([Sittings, Referrals, Decisions])
      const first = yield* ensureSittingInProgress(policy)
      const again = yield* ensureSittingInProgress(policy)
      const item = first.sitting.agenda[0]!
      const referral = yield* referrals.get(staff.administrator, item.referralId)
      const content = exampleDecision(policy, referral.form.requestTypes[0]!, "approve", { actionsDue: addDays(first.sitting.date, 14), key: referral.id })
      const decision = yield* decisions.recordAtPanel(staff.administrator, referral.id, first.sitting.id, content)
      const listed = yield* sittings.list(staff.administrator)
      return { first, again, decision, listed }
    }).pipe(Effect.provide(inMemoryCore(policy)))
  )

// Any instant of 2027 up to 23:45 London time: the sitting runs from ten minutes before it (00:00 at the earliest).
const instants = fc
  .date({ min: new Date("2027-01-01T00:00:00Z"), max: new Date("2027-12-31T23:00:00Z"), noInvalidDate: true })
  .map((date) => DateTime.unsafeMake(date))
  .filter((now) => DateTime.formatIsoZoned(DateTime.setZone(now, DateTime.zoneUnsafeMakeNamed("Europe/London"))).slice(11, 16) < "23:45")

it.live.prop("at any start-up a sitting is under way with two requests waiting, and a decision can be recorded on it", [instants], ([now]) =>
  Effect.gen(function* () {
    const { first, again, decision, listed } = yield* startUpAt(now)
    expect(first.created).toBe(true)
    expect(DateTime.lessThanOrEqualTo(first.sitting.startsAt, now) && DateTime.lessThan(now, first.sitting.endsAt)).toBe(true)
    expect(first.sitting.agenda.map((item) => item.childIds[0])).toEqual(childrenHeardNow.map((child) => child.id))
    expect(first.sitting.quorum?.enough).toBe(true)
    expect(decision.content.outcome).toBe("approve")
    expect(again).toMatchObject({ created: false, sitting: { id: first.sitting.id } })
    expect(listed).toHaveLength(1)
  }),
  // The example: 23:29 London, when a sitting from ten minutes before had room for one child only.
  { fastCheck: { numRuns: 12, examples: [[DateTime.unsafeMake("2027-07-30T22:29:59.995Z")]] }, timeout: 120_000 }
)
