import { test } from "@fast-check/vitest"
import { DateTime, Effect, Either } from "effect"
import fc from "fast-check"
import { describe, expect } from "vitest"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { preset } from "../../src/policy/authorities/index.js"
import type { AuthorityPolicy } from "../../src/policy/AuthorityPolicy.js"
import { approvalActiveAt, EndReason, hasExpired, missingExtensionSteps, type Placement } from "../../src/regulation24/Placement.js"
import type { PlacementCommand } from "../../src/regulation24/PlacementCommands.js"
import { type PlacementContext, placementDecider } from "../../src/regulation24/PlacementDecider.js"
import { as } from "../fixtures.js"
import { elapsed, hour, placementInstantArb, week } from "./arbitraries.js"
import { basicTest, carers, cmd, extensionSteps, staff } from "./fixtures.js"

/** Lincolnshire, with temporary approval and extension clocks an authority might (wrongly) set longer than the law. */
const policyArb: fc.Arbitrary<AuthorityPolicy> = fc
  .record({ approvalWeeks: fc.integer({ min: 1, max: 30 }), extensionWeeks: fc.integer({ min: 0, max: 12 }) })
  .map(({ approvalWeeks, extensionWeeks }) => {
    const lincolnshire = preset("lincolnshire")
    return {
      ...lincolnshire,
      regulation24: {
        ...lincolnshire.regulation24!,
        temporaryApproval: { ruleId: "STAT-R24", clock: { _tag: "WeeksAfter", weeks: approvalWeeks } },
        extension: { ruleId: "STAT-R25-1", clock: { _tag: "WeeksAfter", weeks: extensionWeeks } }
      }
    }
  })

const mostlyTrue = fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.boolean(), weight: 1 })

/** One step after the placement: what, how many hours after the placement, and its details. */
const stepArb = fc.record({
  kind: fc.constantFrom("extend", "extend", "extend", "extend", "review", "reconsider", "reconsider", "panel", "panel", "iro", "iro", "end", "viability", "consent"),
  stillMostAppropriate: mostlyTrue,
  /** Who tries to extend: the default nominated officer (a head of service, DEF-R25-NOMINATED-OFFICER) or a team manager. */
  extender: fc.constantFrom("headOfService", "assistantDirector", "teamManager"),
  // Mostly while the original approval runs, sometimes long after.
  hours: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 16 * 7 * 24 }), weight: 3 }, { arbitrary: fc.integer({ min: 0, max: 30 * 7 * 24 }), weight: 1 }),
  weeks: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 8 }), weight: 4 }, { arbitrary: fc.integer({ min: -1, max: 12 }), weight: 1 }, { arbitrary: fc.constant(2.5), weight: 1 }),
  facts: fc.record({ fullAssessmentRefused: mostlyTrue, independentReviewSought: mostlyTrue }),
  reason: fc.constantFrom(...EndReason.literals)
})
type Step = typeof stepArb extends fc.Arbitrary<infer S> ? S : never

const commandOf = (step: Step, at: DateTime.Utc): PlacementCommand => {
  switch (step.kind) {
    case "extend":
      return { _tag: "ExtendApproval", weeks: step.weeks, by: as(staff[step.extender as "headOfService"]), at }
    case "review":
      return { _tag: "ExtendPendingReview", facts: step.facts, by: as(staff[step.extender as "headOfService"]), at }
    case "reconsider":
      return { _tag: "RecordPlacementReconsidered", stillMostAppropriate: step.stillMostAppropriate, reasons: "Settled; the assessment needs longer", by: as(staff.socialWorker), at }
    case "panel":
      return { _tag: "RecordFosteringPanelViewsSought", by: as(staff.socialWorker), at }
    case "iro":
      return { _tag: "RecordIroInformed", iroName: "Nadia Quarrie", by: as(staff.socialWorker), at }
    case "end":
      return { _tag: "EndPlacement", reason: step.reason, by: as(staff.socialWorker), at }
    case "viability":
      return { _tag: "RecordViabilityAssessment", by: as(staff.socialWorker), at }
    default:
      return { _tag: "RecordLookedAfterConsent", by: as(staff.assistantDirector), at }
  }
}

const plus = (instant: DateTime.Utc, millis: number) => DateTime.unsafeMake(DateTime.toEpochMillis(instant) + millis)

/** What must hold of every placement, whatever happened to it. */
const expectWithinTheLaw = (placement: Placement) => {
  const approval = placement.approval
  if (approval === undefined) return
  expect(elapsed(approval.startsAt, approval.originalExpiresAt)).toBeLessThanOrEqual(16 * week + hour)
  expect(elapsed(approval.startsAt, approval.expiresAt)).toBeLessThanOrEqual(24 * week + hour)
  if (approval.extension !== undefined) {
    const { weeks, at } = approval.extension
    expect(Number.isInteger(weeks) && weeks >= 1 && weeks <= 8).toBe(true)
    expect(DateTime.lessThan(at, approval.originalExpiresAt)).toBe(true)
    expect(Math.abs(elapsed(approval.originalExpiresAt, approval.expiresAt) - weeks * week)).toBeLessThanOrEqual(hour)
  }
  // Past 24 weeks (and the hour a clock change may add), only a review extension keeps the approval active.
  for (const beyond of [1, hour, 52 * week]) {
    const probe = plus(approval.startsAt, 24 * week + hour + beyond)
    expect(approvalActiveAt(placement, probe)).toBe(placement.status === "placed" && approval.pendingReview !== undefined)
  }
}

describe("temporary approval limits: random command sequences (STAT-R24, STAT-R25-1, STAT-R25-4)", () => {
  test.prop([policyArb, placementInstantArb, fc.array(stepArb, { maxLength: 12 })], { numRuns: 300 })(
    "STAT-R24, STAT-R25-1, STAT-R25-3: never active past 16 + 8 weeks (+/- 1 hour for a clock change) unless pending a review (STAT-R25-2), and never extended without every step recorded and the nominated officer, whatever the policy and the order of commands",
    (policy, placedAt, steps) => {
      const context: PlacementContext = { policy, calendar: englandAndWales }
      const decide = (state: Placement | undefined, command: PlacementCommand) =>
        Effect.runSync(Effect.either(placementDecider.decide(command, state, context)))
      let state: Placement | undefined = placementDecider.initialState
      for (const command of [basicTest(undefined, placedAt), cmd("socialWorker", { _tag: "RecordPlacementMade", placedAt, carers }, placedAt)]) {
        state = Either.getOrThrow(decide(state, command)).reduce(placementDecider.evolve, state)
      }
      expectWithinTheLaw(state!)

      for (const step of [...steps].sort((a, b) => a.hours - b.hours)) {
        const at = plus(placedAt, step.hours * hour)
        const command = commandOf(step, at)
        const before: Placement = state!
        const outcome = decide(before, command)
        const expiredBefore = before.status === "placed" && before.approval !== undefined && hasExpired(before.approval, at)
        if (command._tag === "ExtendApproval" || command._tag === "ExtendPendingReview") {
          // STAT-R25-4: nothing extends an approval that has run out.
          if (expiredBefore) expect(Either.isLeft(outcome)).toBe(true)
          if (Either.isRight(outcome)) {
            expect(approvalActiveAt(before, at)).toBe(true)
            // STAT-R25-3: every step recorded since the last extension, the placement still the most appropriate, and the nominated officer.
            expect(missingExtensionSteps(before.extensionGrounds)).toEqual([])
            expect(command.by.role === "head_of_service" || command.by.role === "assistant_director").toBe(true)
          }
          if (command._tag === "ExtendApproval" && expiredBefore && before.approval?.extension === undefined && before.approval?.pendingReview === undefined) {
            expect(Either.isLeft(outcome) && outcome.left._tag).toBe("ApprovalExpired")
          }
        }
        if (Either.isRight(outcome)) state = outcome.right.reduce(placementDecider.evolve, before)
        expectWithinTheLaw(state!)
      }
    }
  )

  test.prop([placementInstantArb, fc.integer({ min: 1, max: 8 }), fc.double({ min: 0, max: 1, noNaN: true })])(
    "STAT-R25-1: Lincolnshire's full extension ends 24 weeks +/- 1 hour after the placement; later extensions are refused",
    (placedAt, weeks, when) => {
      const context: PlacementContext = { policy: preset("lincolnshire"), calendar: englandAndWales }
      const placed = [basicTest(undefined, placedAt), cmd("socialWorker", { _tag: "RecordPlacementMade", placedAt, carers }, placedAt)].reduce<Placement | undefined>(
        (state, command) => Either.getOrThrow(Effect.runSync(Effect.either(placementDecider.decide(command, state, context)))).reduce(placementDecider.evolve, state),
        undefined
      )!
      const original = placed.approval!.originalExpiresAt
      // Anywhere from the placement to a week after the original expiry.
      const at = plus(placedAt, Math.floor(when * (elapsed(placedAt, original) + week)))
      const ready = extensionSteps(placedAt).reduce<Placement>(
        (state, command) => Either.getOrThrow(Effect.runSync(Effect.either(placementDecider.decide(command, state, context)))).reduce(placementDecider.evolve, state)!,
        placed
      )
      const outcome = Effect.runSync(Effect.either(placementDecider.decide({ _tag: "ExtendApproval", weeks, by: as(staff.headOfService), at }, ready, context)))
      if (DateTime.lessThan(at, original)) {
        const extended = Either.getOrThrow(outcome).reduce(placementDecider.evolve, ready)!
        expect(Math.abs(elapsed(placedAt, extended.approval!.expiresAt) - (16 + weeks) * week)).toBeLessThanOrEqual(hour)
      } else {
        expect(Either.isLeft(outcome) && outcome.left._tag).toBe("ApprovalExpired")
      }
    }
  )
})
