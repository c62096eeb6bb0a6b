import { DateTime, Effect, TestClock, TestContext } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import { preset, presetSlugs } from "../../src/policy/authorities/index.js"
import { ReadModels } from "../../src/ports/ReadModels.js"
import type { Referral } from "../../src/referral/Referral.js"
import { referralClocksCollection } from "../../src/referral/referralClockInputs.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { DocumentId } from "../../src/shared/ids.js"
import type { Role } from "../../src/shared/roles.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { deadlinesOverWholeReadModels } from "../../src/testing/deadlinesOverWholeReadModels.js"
import { exampleForm } from "../../src/testing/exampleForm.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { london } from "../fixtures.js"

const fates = ["draft", "submitted", "ready", "accepted", "withdrawn"] as const
const request = fc.record({ fate: fc.constantFrom(...fates), hoursAfter: fc.integer({ min: 0, max: 24 * 21 }), sittingIndex: fc.nat(6) })
const history = fc.record({
  slug: fc.constantFrom(...presetSlugs),
  requests: fc.array(request, { minLength: 1, maxLength: 6 }),
  hoursToLook: fc.integer({ min: 0, max: 24 * 42 })
})

type History = typeof history extends fc.Arbitrary<infer A> ? A : never

/** The requests of a random history, each taken as far as its fate on a test clock that moves on between them. */
const play = ({ slug, requests, hoursToLook }: History) =>
  Effect.gen(function* () {
    const policy = preset(slug)
    const staff = staffOf(policy.authority.id)
    const holderOf = (role: Role) => Object.values(staff).find((actor) => actor.roles.includes(role))!
    const referrals = yield* Referrals
    yield* TestClock.setTime(london("2027-05-03", "09:00").epochMillis)
    const sittings = yield* (yield* Sittings).scheduleYear(staff.administrator, policy.panels[0].id, 2027)
    const requestType = policy.referral.inScope.requestTypes[0]!
    for (const [i, { fate, hoursAfter, sittingIndex }] of requests.entries()) {
      yield* TestClock.adjust(`${hoursAfter} hours`)
      const draft = yield* referrals.createDraft(staff.socialWorker, exampleForm(policy.panels[0].id, requestType, { id: `child-${i}`, name: `Sam Example ${i}` }))
      if (fate === "draft") continue
      for (const [n, required] of policy.referral.requiredDocuments.entries()) {
        if (required.forRequestTypes !== undefined && !required.forRequestTypes.includes(requestType)) continue
        yield* referrals.recordDocument(staff.socialWorker, draft.id, { documentId: DocumentId.make(`${draft.id}-doc-${n}`), kind: required.kind, title: required.kind })
      }
      let referral: Referral = yield* referrals.submit(staff.socialWorker, draft.id)
      if (fate === "withdrawn") {
        yield* referrals.withdraw(staff.socialWorker, draft.id, "the family found support elsewhere")
        continue
      }
      if (fate === "submitted") continue
      while (referral.status === "awaiting_approval") referral = yield* referrals.approve(holderOf(referral.pendingApprovals[0]!.role), referral.id)
      const future = sittings.filter((sitting) => DateTime.greaterThan(sitting.startsAt, DateTime.unsafeMake(referral.readyAt ?? referral.createdAt)))
      const target = future[sittingIndex % Math.max(future.length, 1)]
      if (fate === "accepted" && target !== undefined) yield* Effect.either(referrals.acceptOntoSitting(staff.administrator, referral.id, target.id))
    }
    yield* TestClock.adjust(`${hoursToLook} hours`)
    return policy
  })

describe("deadlines from the referralClocks read model (issue 16)", () => {
  it("for any history of requests, gives the very clocks the whole requests give: ids, dues, rules, states, explanations", async () => {
    let clocksCompared = 0
    await fc.assert(
      fc.asyncProperty(history, (given) =>
        Effect.runPromise(
          Effect.gen(function* () {
            const policy = yield* play(given)
            const admin = staffOf(policy.authority.id).administrator
            const fast = yield* (yield* Deadlines).forAuthority(admin, { includeMet: true })
            const whole = yield* deadlinesOverWholeReadModels(policy.authority.id)
            expect(fast).toEqual(whole)
            const rows = yield* (yield* ReadModels).query({ collection: referralClocksCollection, authorityId: policy.authority.id })
            expect(rows).toHaveLength(given.requests.length)
            // A request's clock row is small: the panel of its form and its children's ids, not the form; no documents, no approvals.
            for (const row of rows) {
              const form = (row.doc as { form: { children: ReadonlyArray<object> } }).form
              expect(Object.keys(form)).toEqual(["panelId", "children"])
              for (const child of form.children) expect(Object.keys(child)).toEqual(["childId"])
            }
            for (const row of rows) expect(row.doc).not.toHaveProperty("documents")
            clocksCompared += whole.length
          }).pipe(Effect.provide(inMemoryCore(preset(given.slug))), Effect.provide(TestContext.TestContext))
        )
      ),
      { numRuns: 15 }
    )
    // Not vacuous: the histories had clocks to compare (a run has none when every request was withdrawn).
    expect(clocksCompared).toBeGreaterThan(5)
  }, 60_000)
})
