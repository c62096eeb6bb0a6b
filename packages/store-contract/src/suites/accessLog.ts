import { AccessLog, type AccessRecord, ChildId, PersonId } from "@carepanel/core"
import { Effect, type Layer } from "effect"
import { expect, it } from "vitest"
import { authority } from "../support/fixtures.js"

const [a, b] = [authority("contract-a"), authority("contract-b")]

const read = (authorityId: typeof a, child: string, person: string, at: string): AccessRecord => ({
  authorityId,
  personId: PersonId.make(person),
  role: "social_worker",
  at,
  childId: ChildId.make(child),
  fields: ["fullName", "dateOfBirth"],
  purpose: `contract read by ${person}`
})

const runLog = <A, E>(layer: Layer.Layer<AccessLog, unknown>, program: Effect.Effect<A, E, AccessLog>) =>
  Effect.runPromise(program.pipe(Effect.provide(layer), Effect.scoped))

export const accessLogSuite = (makeAccessLog: () => Layer.Layer<AccessLog, unknown>) => {
  it("keeps each read of a child's record in the order recorded, with its person, role, fields and purpose", () =>
    runLog(
      makeAccessLog(),
      Effect.gen(function* () {
        const log = yield* AccessLog
        const reads = [
          read(a, "child-1", "p1", "2027-06-01T09:00:00.000Z"),
          read(a, "child-2", "p2", "2027-06-01T09:01:00.000Z"),
          read(a, "child-1", "p3", "2027-06-01T08:00:00.000Z")
        ]
        yield* log.record(reads.slice(0, 2))
        yield* log.record([])
        yield* log.record(reads.slice(2))
        expect(yield* log.forChild(a, ChildId.make("child-1"))).toEqual([reads[0], reads[2]])
        expect(yield* log.forChild(a, ChildId.make("child-9"))).toEqual([])
      })
    ))

  it("answers an authority with its own reads only, even for the same child id", () =>
    runLog(
      makeAccessLog(),
      Effect.gen(function* () {
        const log = yield* AccessLog
        yield* log.record([read(a, "child-1", "p1", "2027-06-01T09:00:00.000Z"), read(b, "child-1", "p2", "2027-06-01T09:00:00.000Z")])
        expect((yield* log.forChild(a, ChildId.make("child-1"))).map((entry) => entry.personId)).toEqual(["p1"])
        expect((yield* log.forChild(b, ChildId.make("child-1"))).map((entry) => entry.personId)).toEqual(["p2"])
      })
    ))
}
