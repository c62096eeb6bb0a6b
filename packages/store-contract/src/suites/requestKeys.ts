import { type AuthorityId, EnglandAndWalesCalendar, EventStore, type KeyedChange, preset, Referrals, RequestKeys } from "@carepanel/core"
import { exampleForm, SequentialIds, staffOf, staticPolicies } from "@carepanel/core/testing"
import { Effect, Layer } from "effect"
import { expect, it } from "vitest"
import type { MakeStoreLayer, StorePorts } from "../StoreContractOptions.js"

const policy = preset("support-panels")
const staff = staffOf("support-panels")
const panelId = policy.panels[0]!.id
const requestType = policy.referral.inScope.requestTypes[0]!

/** The store under the one use case these tests change it through (a draft request, appended by the command runner). */
const withReferrals = (makeLayer: MakeStoreLayer) =>
  Referrals.Default.pipe(Layer.provideMerge(Layer.mergeAll(makeLayer(), SequentialIds, staticPolicies(policy), EnglandAndWalesCalendar)))

const run = <A, E>(makeLayer: MakeStoreLayer, program: Effect.Effect<A, E, Referrals | StorePorts>) =>
  Effect.runPromise(program.pipe(Effect.provide(withReferrals(makeLayer)), Effect.scoped))

const change = (overrides: Partial<KeyedChange> = {}): KeyedChange => ({
  authorityId: policy.authority.id as AuthorityId,
  personId: staff.socialWorker.personId,
  key: "9b1d6f3e-2c4a-4e7b-8f0d-5a6c7e8f9a01",
  fingerprint: "createDraft:first",
  ...overrides
})

const createDraft = Effect.flatMap(Referrals, (referrals) =>
  referrals.createDraft(staff.socialWorker, exampleForm(panelId, requestType, { id: "child-k", name: "Kit Ashworth" }))
)

/** The refusal a use case might answer after it has appended (here made up by the test). */
class Refused {
  readonly _tag = "Refused"
}

/** The referral records in the store and their events: how many changes were applied. */
const referralsInStore = Effect.gen(function* () {
  const events = (yield* (yield* EventStore).readAll({ after: 0, limit: 10_000 })).filter((event) => event.stream.streamType === "referral")
  return { records: new Set(events.map((event) => event.stream.id)).size, events: events.length }
})

/**
 * `RequestKeys.once`: a change sent with a key is applied once per sender's key, the key kept exactly when the change
 * is. `changesRollBack`: a change that fails leaves none of its events (false for a store with no transaction around
 * a use case, the in-memory one).
 */
export const requestKeysSuite = (makeLayer: MakeStoreLayer, changesRollBack: boolean) => {
  it("applies a change once: a repeat answers what the first did, names the record it wrote, and runs nothing", () =>
    run(
      makeLayer,
      Effect.gen(function* () {
        const keys = yield* RequestKeys
        const first = yield* keys.once(change(), createDraft)
        expect(first._tag).toBe("Applied")
        const draft = first._tag === "Applied" ? first.value : undefined
        const applied = yield* referralsInStore
        expect(applied.records).toBe(1)

        const repeat = yield* keys.once(change(), createDraft)
        expect(repeat).toEqual({ _tag: "AlreadyApplied", fingerprint: "createDraft:first", appliedAt: expect.any(String), records: [{ streamType: "referral", id: draft?.id }] })
        if (repeat._tag === "AlreadyApplied") expect(new Date(repeat.appliedAt).toISOString()).toBe(repeat.appliedAt)
        expect(yield* referralsInStore).toEqual(applied)
      })
    ))

  it("a key reused for another change answers the first change's fingerprint and runs nothing", () =>
    run(
      makeLayer,
      Effect.gen(function* () {
        const keys = yield* RequestKeys
        yield* keys.once(change(), createDraft)
        const applied = yield* referralsInStore
        let ran = 0
        const reused = yield* keys.once(change({ fingerprint: "createDraft:second" }), Effect.zipRight(Effect.sync(() => ran++), createDraft))
        expect(reused._tag).toBe("AlreadyApplied")
        expect(reused._tag === "AlreadyApplied" && reused.fingerprint).toBe("createDraft:first")
        expect(ran).toBe(0)
        expect(yield* referralsInStore).toEqual(applied)
      })
    ))

  it(`a change that fails after appending leaves its key free${changesRollBack ? " and none of its events" : ""}; the key then applies`, () =>
    run(
      makeLayer,
      Effect.gen(function* () {
        const keys = yield* RequestKeys
        const failure = yield* Effect.flip(keys.once(change(), Effect.zipRight(createDraft, Effect.fail(new Refused()))))
        expect(failure).toBeInstanceOf(Refused)
        if (changesRollBack) expect(yield* referralsInStore).toEqual({ records: 0, events: 0 })
        const before = (yield* referralsInStore).records

        const again = yield* keys.once(change(), createDraft)
        expect(again._tag).toBe("Applied")
        expect((yield* referralsInStore).records).toBe(before + 1)
        expect((yield* keys.once(change(), createDraft))._tag).toBe("AlreadyApplied")
      })
    ))

  it("a key is its sender's own: the same key from another person, or at another authority, applies", () =>
    run(
      makeLayer,
      Effect.gen(function* () {
        const keys = yield* RequestKeys
        expect((yield* keys.once(change(), createDraft))._tag).toBe("Applied")
        expect((yield* keys.once(change({ personId: staff.teamManager.personId }), createDraft))._tag).toBe("Applied")
        expect((yield* keys.once(change({ authorityId: "another-authority" as AuthorityId }), createDraft))._tag).toBe("Applied")
        expect((yield* keys.once(change({ personId: staff.teamManager.personId }), createDraft))._tag).toBe("AlreadyApplied")
        expect((yield* referralsInStore).records).toBe(3)
      })
    ))

  it("20 calls at once with one key apply it once: one Applied, 19 AlreadyApplied, one change in the store", () =>
    run(
      makeLayer,
      Effect.gen(function* () {
        const keys = yield* RequestKeys
        const outcomes = yield* Effect.all(
          // Each yields before it appends (a store's reads would), so the others arrive while it runs, even in memory.
          Array.from({ length: 20 }, () => keys.once(change(), Effect.zipRight(Effect.yieldNow(), createDraft))),
          { concurrency: "unbounded" }
        )
        expect(outcomes.filter((outcome) => outcome._tag === "Applied")).toHaveLength(1)
        expect(outcomes.filter((outcome) => outcome._tag === "AlreadyApplied")).toHaveLength(19)
        expect((yield* referralsInStore).records).toBe(1)
      })
    ))
}
