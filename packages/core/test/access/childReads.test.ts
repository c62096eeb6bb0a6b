import { describe, expect, it } from "@effect/vitest"
import { DateTime, Effect, Layer, TestClock } from "effect"
import fc from "fast-check"
import { ChildReads } from "../../src/access/ChildReads.js"
import { accessRecords, type ChildRead } from "../../src/access/ChildRead.js"
import { AccessLog } from "../../src/ports/AccessLog.js"
import { InvalidInput, PersistenceError } from "../../src/shared/errors.js"
import { AuthorityId, ChildId } from "../../src/shared/ids.js"
import { actorAt, staffOf } from "../../src/testing/actors.js"
import { InMemoryAccessLog } from "../../src/testing/InMemoryAccessLog.js"

const authorityId = AuthorityId.make("fictional-borough")
const staff = staffOf(authorityId)
const reads = ChildReads.Default.pipe(Layer.provideMerge(InMemoryAccessLog))
const logged = (childId: string) => Effect.flatMap(AccessLog, (log) => log.forChild(authorityId, ChildId.make(childId)))

describe("ChildReads: the one way an app logs what it showed of a child's record (STAT-GDPR)", () => {
  it.effect("one read is one entry per child, with who, the first role, when and why, and the field names only", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(Date.parse("2027-03-04T09:15:00Z"))
      const reader = actorAt(authorityId)("Ruth Fairholme", "assistant_director", "panel_chair")
      yield* (yield* ChildReads).record({
        actor: reader,
        purpose: "ReadRequest",
        reads: [
          { childId: "child-1", fields: ["fullName", "dateOfBirth"] },
          { childId: "child-2", fields: ["fullName"] },
          { childId: "child-1", fields: ["request.summary", "fullName"] }
        ]
      })
      expect(yield* logged("child-1")).toEqual([
        { authorityId, personId: reader.personId, role: "assistant_director", at: "2027-03-04T09:15:00.000Z", childId: "child-1", fields: ["dateOfBirth", "fullName", "request.summary"], purpose: "ReadRequest" }
      ])
      expect((yield* logged("child-2")).map((entry) => entry.fields)).toEqual([["fullName"]])
    }).pipe(Effect.provide(reads))
  )

  it.effect("each read is its own entry: reading a record twice is logged twice", () =>
    Effect.gen(function* () {
      const childReads = yield* ChildReads
      const shown = { actor: staff.socialWorker, purpose: "tui: Requests", reads: [{ childId: "child-1", fields: ["fullName"] }] }
      yield* childReads.record(shown)
      yield* childReads.record(shown)
      expect(yield* logged("child-1")).toHaveLength(2)
    }).pipe(Effect.provide(reads))
  )

  it.effect("a read that showed no child's field writes nothing", () =>
    Effect.gen(function* () {
      yield* (yield* ChildReads).record({ actor: staff.chair, purpose: "ListRequests", reads: [{ childId: "child-1", fields: [] }] })
      yield* (yield* ChildReads).record({ actor: staff.chair, purpose: "ListRequests", reads: [] })
      expect(yield* logged("child-1")).toEqual([])
    }).pipe(Effect.provide(reads))
  )

  it.effect("a read with no purpose, or a blank child id or field name, is refused by path and writes nothing", () =>
    Effect.gen(function* () {
      const childReads = yield* ChildReads
      const refused = yield* childReads.record({ actor: staff.chair, purpose: " ", reads: [{ childId: "child-1", fields: ["fullName", ""] }] }).pipe(Effect.flip)
      expect(refused).toBeInstanceOf(InvalidInput)
      expect((refused as InvalidInput).problems.map((problem) => problem.path)).toEqual(["purpose", "reads[0].fields[1]"])
      expect(yield* logged("child-1")).toEqual([])
    }).pipe(Effect.provide(reads))
  )

  it("any names: a read is written exactly when its purpose, child ids and field names are all trimmed and not blank", async () => {
    const name = fc.constantFrom("ReadRequest", "child-1", "fullName", "", " ", " child-1", "fullName ", "a b")
    const wellNamed = (text: string) => text.length > 0 && text === text.trim()
    await fc.assert(
      fc.asyncProperty(name, fc.array(fc.record({ childId: name, fields: fc.array(name, { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 3 }), async (purpose, shown) => {
        const valid = wellNamed(purpose) && shown.every((read) => wellNamed(read.childId) && read.fields.every(wellNamed))
        const exit = await Effect.runPromiseExit(Effect.flatMap(ChildReads, (childReads) => childReads.record({ actor: staff.chair, purpose, reads: shown })).pipe(Effect.provide(reads)))
        expect(exit._tag === "Success").toBe(valid)
      }),
      { numRuns: 300 }
    )
  })

  it.effect("a log that cannot be written fails the read, so the app withholds what it would have shown", () =>
    Effect.gen(function* () {
      const failure = yield* (yield* ChildReads).record({ actor: staff.chair, purpose: "ReadRequest", reads: [{ childId: "child-1", fields: ["fullName"] }] }).pipe(Effect.flip)
      expect(failure).toBeInstanceOf(PersistenceError)
    }).pipe(
      Effect.provide(
        ChildReads.Default.pipe(
          Layer.provide(Layer.succeed(AccessLog, AccessLog.of({ record: () => Effect.fail(new PersistenceError({ operation: "access log", message: "disk full" })), forChild: () => Effect.succeed([]) })))
        )
      )
    )
  )

  it("any reads: exactly one entry per child shown a field, with each field it was shown once, sorted", () => {
    const read = fc.record({ childId: fc.constantFrom("child-1", "child-2", "child-3"), fields: fc.array(fc.constantFrom("fullName", "dateOfBirth", "request.summary", "decision.rationale"), { maxLength: 3 }) })
    fc.assert(
      fc.property(fc.array(read, { maxLength: 8 }), (shown: ReadonlyArray<ChildRead>) => {
        const entries = accessRecords({ actor: staff.chair, role: "panel_chair", at: DateTime.unsafeMake(0), purpose: "p" }, shown)
        const expected = new Map<string, Set<string>>()
        for (const { childId, fields } of shown) for (const field of fields) expected.set(childId, (expected.get(childId) ?? new Set()).add(field))
        expect(new Set(entries.map((entry) => entry.childId)).size).toBe(entries.length)
        expect(Object.fromEntries(entries.map((entry) => [entry.childId, entry.fields]))).toEqual(
          Object.fromEntries([...expected].map(([childId, fields]) => [childId, [...fields].sort()]))
        )
      })
    )
  })
})
