import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { ChildReads } from "../../src/access/ChildReads.js"
import { AccessLog, type AccessRecord } from "../../src/ports/AccessLog.js"
import { PersistenceError } from "../../src/shared/errors.js"
import { staffOf } from "../../src/testing/actors.js"

const staff = staffOf("fictional-borough")

/** An access log that is down: every write fails, and each attempt is counted. */
const downLog = () => {
  const attempts: Array<ReadonlyArray<AccessRecord>> = []
  const layer = ChildReads.Default.pipe(
    Layer.provide(
      Layer.succeed(
        AccessLog,
        AccessLog.of({
          record: (entries) => Effect.sync(() => attempts.push(entries)).pipe(Effect.zipRight(Effect.fail(new PersistenceError({ operation: "access log", message: "disk full" })))),
          forChild: () => Effect.succeed([])
        })
      )
    )
  )
  return { attempts, layer }
}

describe("ChildReads: a screen that showed no child's field does not wait on the access log (STAT-GDPR)", () => {
  it.effect("a list that showed nobody, or children with no field, is shown even while the log cannot be written: nothing is written", () => {
    const log = downLog()
    return Effect.gen(function* () {
      const childReads = yield* ChildReads
      yield* childReads.record({ actor: staff.chair, purpose: "ListRequests", reads: [] })
      yield* childReads.record({ actor: staff.chair, purpose: "ListRequests", reads: [{ childId: "child-1", fields: [] }, { childId: "child-2", fields: [] }] })
      expect(log.attempts).toEqual([])
      // The same log down fails a read that did show a field, so that one is withheld.
      expect(yield* Effect.flip(childReads.record({ actor: staff.chair, purpose: "ReadRequest", reads: [{ childId: "child-1", fields: ["fullName"] }] }))).toBeInstanceOf(PersistenceError)
      expect(log.attempts.map((entries) => entries.map((entry) => entry.childId))).toEqual([["child-1"]])
    }).pipe(Effect.provide(log.layer))
  })
})
