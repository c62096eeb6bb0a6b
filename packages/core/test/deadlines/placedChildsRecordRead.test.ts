import { describe, expect, it } from "@effect/vitest"
import { DateTime, Effect, TestClock } from "effect"
import { ChildRecords } from "../../src/childRecord/ChildRecords.js"
import { openDeadlines } from "../../src/deadlines/computeDeadlines.js"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Placements } from "../../src/regulation24/Placements.js"
import { ChildId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { connectedPlacement } from "../../src/testing/connectedPlacement.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"

const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)

describe("the running deadlines read the record of each child placed, whatever it still waits for", () => {
  it.effect("STAT-R28: visits counted from the review on the child's record, after its looked-after status is recorded ended", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(Date.parse("2027-06-01T09:00:00Z"))
      const [childRecords, placements, deadlines] = yield* Effect.all([ChildRecords, Placements, Deadlines])
      const visit = Effect.flatMap(DateTime.now, (visitedAt) => placements.recordVisit(staff.socialWorker, placement.id, { visitedAt, seenAlone: true }))
      // Given Kit Marlow placed with her aunt, visited at six days, reviewed on her record at ten, visited at twelve,
      // then recorded as no longer looked after (the placement goes on)
      const placement = yield* connectedPlacement(staff, "child-kit")
      yield* TestClock.adjust("6 days")
      yield* visit
      yield* TestClock.adjust("4 days")
      yield* childRecords.recordLookedAfterReview(staff.socialWorker, ChildId.make("child-kit"), yield* DateTime.now, "Nadia Quarrie")
      yield* TestClock.adjust("2 days")
      const lastVisit = yield* DateTime.now
      yield* visit
      yield* childRecords.recordLookedAfterEnded(staff.socialWorker, ChildId.make("child-kit"), "Returned to her mother's care", yield* DateTime.now)
      // Then the running visits are those worked out from every record: monthly after the review, not weekly
      const running = yield* deadlines.forAuthority(staff.administrator)
      const every = yield* deadlines.forAuthority(staff.administrator, { includeMet: true })
      const visits = running.filter((deadline) => deadline.id.startsWith(`${placement.id}:visit:`))
      expect(visits.length).toBe(1)
      expect(DateTime.distance(lastVisit, visits[0]!.due)).toBeGreaterThan(21 * 86_400_000)
      expect(running).toEqual(openDeadlines(every))
    }).pipe(Effect.provide(inMemoryCore(policy)))
  )
})
