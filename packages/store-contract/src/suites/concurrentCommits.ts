import { type AuthorityId, type Commit, EventStore, Outbox, ReadModels, streamIdOf } from "@carepanel/core"
import { Cause, Effect, Exit, Option } from "effect"
import fc from "fast-check"
import { expect, it } from "vitest"
import type { MakeStoreLayer } from "../StoreContractOptions.js"
import { authority, commit, event, notification, row, streamOf, throwingRow, unique } from "../support/fixtures.js"
import { openStore, runWith } from "../support/runStore.js"

/** What one of several commits sent at the same moment does: commit, expect a stale version, or throw mid-write. */
type Member = "commits" | "conflicts" | "throws"

const memberArbitrary = fc.constantFrom<Member>("commits", "commits", "commits", "conflicts", "throws")

/**
 * Sends one commit per member at once (a store that groups commits puts them in one transaction), then checks that
 * exactly the members that should fail did, each with its own error, and that the others are all in the store:
 * their events at gapless positions right after what was there before, their read-model rows, their notifications.
 */
const sendTogether = (members: ReadonlyArray<Member>) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    const readModels = yield* ReadModels
    const outbox = yield* Outbox
    const a: AuthorityId = authority(unique("together"))
    const streams = members.map((_, i) => streamOf(a, `m${i}`))
    // Every conflicting member's stream already holds one event; the marker says where the log stood before.
    for (const [i, member] of members.entries()) {
      if (member === "conflicts") yield* store.append(commit(streams[i]!, 0, { events: [event("Earlier", i)] }))
    }
    const marker = yield* store.append(commit(streamOf(a, "marker"), 0))
    const before = marker.positions[0]!
    const commits: ReadonlyArray<Commit> = members.map((member, i) =>
      commit(streams[i]!, 0, {
        events: [event("Together", i), event("AlsoTogether", i)],
        readModels: [row(a, `m${i}`, {}, { i }), ...(member === "throws" ? [throwingRow(a)] : [])],
        notifications: [notification(a, `${a}-m${i}`)]
      })
    )
    const exits = yield* Effect.all(
      commits.map((c) => Effect.exit(store.append(c))),
      { concurrency: "unbounded" }
    )

    for (const [i, member] of members.entries()) {
      const exit = exits[i]!
      if (member === "commits") {
        expect(Exit.isSuccess(exit) ? exit.value.version : Cause.pretty(exit.cause), `member ${i} commits`).toBe(2)
      } else {
        expect(Exit.isFailure(exit), `member ${i} ${member} and fails`).toBe(true)
      }
      if (member === "conflicts" && Exit.isFailure(exit)) {
        expect(Option.getOrUndefined(Cause.failureOption(exit.cause))).toMatchObject({
          _tag: "ConcurrencyConflict",
          streamId: streamIdOf(streams[i]!),
          expectedVersion: 0,
          actualVersion: 1
        })
      }
      const written = (yield* store.readStream(streams[i]!)).map((e) => e.type)
      expect(written, `member ${i}'s stream`).toEqual(
        member === "commits" ? ["Together", "AlsoTogether"] : member === "conflicts" ? ["Earlier"] : []
      )
      const doc = (yield* readModels.get("contract-rows", a, `m${i}`))?.doc
      expect(doc, `member ${i}'s read-model row`).toEqual(member === "commits" ? { i } : undefined)
      const told = yield* outbox.get("email", `${a}-m${i}`)
      expect(told?.state, `member ${i}'s notification`).toBe(member === "commits" ? "pending" : undefined)
    }
    // Nothing of a failed member holds a position: the log continues without a gap.
    const after = yield* store.readAll({ after: before, limit: 10_000 })
    expect(after.map((e) => e.position)).toEqual(after.map((_, i) => before + 1 + i))
    expect(after).toHaveLength(2 * members.filter((member) => member === "commits").length)
  })

const ten = (odd: Member): ReadonlyArray<Member> => Array.from({ length: 10 }, (_, i) => (i === 4 ? odd : "commits"))

export const concurrentCommitsSuite = (makeLayer: MakeStoreLayer, runs: number) => {
  it("commits sent together where one expects a stale version: only that one fails, the other nine commit", () =>
    runWith(makeLayer(), sendTogether(ten("conflicts"))))

  it("commits sent together where one's read-model write throws: only that one fails, the other nine commit", () =>
    runWith(makeLayer(), sendTogether(ten("throws"))))

  it(`commits sent together fail alone, whatever the mix (${runs} generated runs)`, async () => {
    const runtime = openStore(makeLayer())
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(memberArbitrary, { minLength: 1, maxLength: 12 }), (members) =>
          runtime.runPromise(sendTogether(members))
        ),
        { numRuns: runs }
      )
    } finally {
      await runtime.dispose()
    }
  })
}
