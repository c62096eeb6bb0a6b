import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import { preset } from "../../src/policy/authorities/index.js"
import { ChildId, ReferralId } from "../../src/shared/ids.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { london } from "../fixtures.js"

// CPR-11: the draft record goes to the chair, and the chair returns the final record within 48 hours. Care Planning's
// chair is the Service Director (panel chair), the vice chair deputising (CPR-1). A Head of Service or a service manager
// holds a role that chairs other authorities' panels, but returning this panel's record is not theirs: it would meet
// the "final record back from the chair" clock without the chair having seen it.

const cpr = preset("care-planning")
const staff = staffOf("care-planning")

/** The sitting of Wed 9 Jun 2027 with one child, its draft record with the chair since 14:00. */
const draftWithTheChair = Effect.gen(function* () {
  const sittings = yield* Sittings
  yield* TestClock.setTime(london("2027-06-01", "09:00").epochMillis)
  const sitting = yield* sittings.schedule(staff.administrator, cpr.panels[0].id, "2027-06-09" as LocalDate)
  yield* sittings.buildAgenda(staff.administrator, sitting.id, [{ referralId: ReferralId.make("ref_1"), childIds: [ChildId.make("child-1")], kind: "request", summary: "Placement" }])
  yield* TestClock.setTime(sitting.startsAt.epochMillis)
  yield* sittings.confirmQuorum(staff.chair, sitting.id, true, "Chair and members present")
  yield* TestClock.setTime(london("2027-06-09", "14:00").epochMillis)
  yield* sittings.sendDraftRecordToChair(staff.administrator, sitting.id)
  yield* TestClock.setTime(london("2027-06-10", "10:00").epochMillis)
  return { sittings, sitting }
})

describe("who returns the final record of a Care Planning sitting", () => {
  it.effect("CPR-11: a Head of Service or service manager who is not the panel's chair or deputy cannot return the final record; the clock still waits for the chair", () =>
    Effect.gen(function* () {
      const { sittings, sitting } = yield* draftWithTheChair
      for (const outsider of [staff.headOfService, staff.serviceManager]) {
        const attempt = yield* Effect.either(sittings.returnFinalRecord(outsider, sitting.id))
        expect(attempt._tag === "Left" ? attempt.left : "returned").toMatchObject({
          _tag: "NotTheChair",
          message: "Only the chair or a deputy (panel chair or vice chair) returns the final record (CPR-11)."
        })
      }
      const clock = (yield* (yield* Deadlines).forAuthority(staff.administrator)).find((deadline) => deadline.id === `${sitting.id}:record-final`)
      expect({ state: clock?.state, metAt: clock?.metAt }).toEqual({ state: "due_soon", metAt: undefined })
    }).pipe(Effect.provide(inMemoryCore(cpr)))
  )

  it.effect("CPR-11: the vice chair, deputising, returns it", () =>
    Effect.gen(function* () {
      const { sittings, sitting } = yield* draftWithTheChair
      expect((yield* sittings.returnFinalRecord(staff.viceChair, sitting.id)).record.finalAt).toEqual(london("2027-06-10", "10:00"))
    }).pipe(Effect.provide(inMemoryCore(cpr)))
  )
})
