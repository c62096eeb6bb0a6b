import { DateTime, Effect, TestClock, TestContext } from "effect"
import fc from "fast-check"
import { beforeAll, describe, expect, it } from "vitest"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { referralClocks, submissionWindows } from "../../src/deadlines/referralClocks.js"
import { preset } from "../../src/policy/authorities/index.js"
import type { ReferralClockInputs } from "../../src/referral/referralClockInputs.js"
import type { Sitting } from "../../src/sitting/Sitting.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { ChildId, ReferralId } from "../../src/shared/ids.js"
import { london } from "../fixtures.js"

/**
 * `referralClocks` keeps a request's submission clock (LIN-3 here, KNO-6 in the changed policy) per request object while
 * it aims at the same sitting under the same rule. Kept or not, the clock must be the one worked out afresh: the same
 * request object asked about again after its target sitting was cancelled, or under another rule, aims anew.
 */
const policy = preset("lincolnshire")
/** The same authority with another submission rule (KNO-6's, seven calendar days before): another rule object. */
const otherRule = { ...policy, referral: { ...policy.referral, submissionDeadline: preset("knowsley").referral.submissionDeadline } }
const panelId = policy.panels[0].id
let sittings: ReadonlyArray<Sitting> = []

beforeAll(async () => {
  sittings = await Effect.runPromise(
    Effect.gen(function* () {
      yield* TestClock.setTime(london("2027-05-03", "09:00").epochMillis)
      return yield* (yield* Sittings).scheduleYear(staffOf(policy.authority.id).administrator, panelId, 2027)
    }).pipe(Effect.provide(inMemoryCore(policy)), Effect.provide(TestContext.TestContext))
  )
})

const from = DateTime.toEpochMillis(DateTime.unsafeMake("2027-05-03T08:00:00Z"))
const hoursIn = (hours: number) => DateTime.unsafeMake(from + hours * 3_600_000)
const withinSixWeeks = fc.integer({ min: 0, max: 24 * 42 })

/** A request's clock inputs as the read model holds them, older rows without children or hearings included. */
const request = fc.record({
  status: fc.constantFrom("draft", "awaiting_approval", "ready", "accepted", "decided", "withdrawn"),
  created: withinSixWeeks,
  submitted: fc.option(withinSixWeeks, { nil: undefined }),
  ready: fc.option(withinSixWeeks, { nil: undefined }),
  sitting: fc.option(fc.nat(8), { nil: undefined }),
  children: fc.constantFrom<ReadonlyArray<string> | undefined>(undefined, [], ["child-1", "child-2"]),
  heard: fc.constantFrom(undefined, [], [24 * 10], [24 * 3, 24 * 20])
})

/** Each ask: which of the first sittings are cancelled by then (a bit each), and which rule the authority has. */
const asks = fc.array(fc.tuple(fc.nat(63), fc.boolean()), { minLength: 2, maxLength: 8 })

const inputsOf = (made: typeof request extends fc.Arbitrary<infer A> ? A : never): ReferralClockInputs =>
  ({
    id: ReferralId.make("ref_1"),
    status: made.status,
    form: { panelId, ...(made.children === undefined ? {} : { children: made.children.map((childId) => ({ childId: ChildId.make(childId) })) }) },
    createdAt: hoursIn(made.created),
    submittedAt: made.submitted === undefined ? undefined : hoursIn(made.submitted),
    readyAt: made.ready === undefined ? undefined : hoursIn(made.ready),
    sittingId: made.sitting === undefined ? undefined : sittings[made.sitting]!.id,
    ...(made.heard === undefined ? {} : { hearings: made.heard.map((hours) => ({ at: hoursIn(hours) })) })
  }) satisfies ReferralClockInputs

describe("a request's submission clock, kept per request object (LIN-3, KNO-6)", () => {
  it("asked again and again as sittings are cancelled and the rule changes, is the clock a fresh copy of the request gets", () => {
    let aimedElsewhere = 0
    fc.assert(
      fc.property(request, asks, (made, asked) => {
        const kept = inputsOf(made)
        let previous: string | undefined
        for (const [cancelled, changedRule] of asked) {
          const live = sittings.filter((_, i) => i >= 6 || (cancelled & (1 << i)) === 0)
          const withPolicy = changedRule ? otherRule : policy
          const windows = submissionWindows(live, withPolicy, englandAndWales)
          const clocks = referralClocks(kept, windows, withPolicy)
          expect(clocks).toEqual(referralClocks({ ...kept }, windows, withPolicy))
          const id = clocks[0] === undefined ? undefined : `${clocks[0].id} ${clocks[0].rule.ruleId}`
          if (previous !== undefined && id !== undefined && id !== previous) aimedElsewhere++
          previous = id ?? previous
        }
      }),
      { numRuns: 300 }
    )
    // Not vacuous: the same request object was asked about after its clock had to change.
    expect(aimedElsewhere).toBeGreaterThan(20)
  })

  it("names the request's children where its row has them, and only the request where it has none or is an older row", () => {
    const windows = submissionWindows(sittings, policy, englandAndWales)
    const draft = (children: ReadonlyArray<string> | undefined) =>
      referralClocks(inputsOf({ status: "draft", created: 0, submitted: undefined, ready: undefined, sitting: undefined, children, heard: undefined }), windows, policy)[0]!.about
    expect(draft(["child-1"])).toEqual({ kind: "referral", id: "ref_1", childIds: ["child-1"] })
    expect(draft([])).toEqual({ kind: "referral", id: "ref_1" })
    expect(draft(undefined)).toEqual({ kind: "referral", id: "ref_1" })
  })

  it("has no clock when its panel has no sitting to aim at", () => {
    const windows = submissionWindows([], policy, englandAndWales)
    expect(referralClocks(inputsOf({ status: "draft", created: 0, submitted: undefined, ready: undefined, sitting: undefined, children: undefined, heard: undefined }), windows, policy)).toEqual([])
  })

  it("a request decided after it was ready keeps its submission clock, met; one agreed outside panel from its draft, never ready (LIN-11), has none", () => {
    const windows = submissionWindows(sittings, policy, englandAndWales)
    const decided = (ready: number | undefined) =>
      referralClocks(inputsOf({ status: "decided", created: 0, submitted: 2, ready, sitting: undefined, children: undefined, heard: undefined }), windows, policy)
    expect(decided(5)).toMatchObject([{ rule: { ruleId: "LIN-3" }, metAt: hoursIn(5) }])
    expect(decided(undefined)).toEqual([])
  })
})
