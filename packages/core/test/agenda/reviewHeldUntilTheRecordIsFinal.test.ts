import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { Agendas } from "../../src/agenda/Agendas.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { london } from "../fixtures.js"
import { sittingsFromJune2027 } from "../readyRequest.js"
import { approvedOnTheNinth, chair, nso, sittingOn, staff } from "./preProceedingsAtNorthSomerset.js"

// NSO-9: children in pre-proceedings are reviewed by panel at 8-10 weeks. Pre-proceedings approved at the sitting of
// Wed 9 Jun 2027 are reviewed at the sitting of 18 Aug. The administrator types up the record of a sitting in the days
// after it (CPR-11 gives 48 hours for the draft and 48 for the chair; NSO-8: the Assistant Director finalises the
// decisions): until then the sitting holds what it heard, and next week's agenda is not offered it again.

const offeredOn = (date: string) =>
  Effect.gen(function* () {
    const agendas = yield* Agendas
    return (yield* agendas.propose(staff.administrator, (yield* sittingOn(date)).id)).map((entry) => [entry.kind, entry.referralId])
  })

/** The review on the published agenda of `date`; the sitting opens with enough members (`enough`) or too few. */
const reviewHeardOn = (enough: boolean, date = "2027-08-18") =>
  Effect.gen(function* () {
    yield* sittingsFromJune2027(nso)
    const review = yield* approvedOnTheNinth
    const [agendas, sittings] = yield* Effect.all([Agendas, Sittings])
    const sitting = yield* sittingOn(date)
    yield* TestClock.setTime(london(date === "2027-08-18" ? "2027-08-12" : "2027-08-05", "09:00").epochMillis)
    // Offered to 18 Aug, the last sitting of its window; the administrator may put it on 11 Aug, the first, instead.
    if (date === "2027-08-18") yield* agendas.build(staff.administrator, sitting.id)
    else yield* sittings.buildAgenda(staff.administrator, sitting.id, yield* agendas.propose(staff.administrator, (yield* sittingOn("2027-08-18")).id))
    yield* sittings.publishAgenda(staff.administrator, sitting.id)
    expect(yield* offeredOn(date === "2027-08-18" ? "2027-08-25" : "2027-08-18")).toEqual([])
    yield* TestClock.setTime(sitting.startsAt.epochMillis)
    yield* sittings.recordAttendance(staff.administrator, sitting.id, { personId: chair.personId, name: chair.name, seat: "Chair", membership: "standing", status: "present" })
    yield* sittings.confirmQuorum(chair, sitting.id, enough, enough ? "Chair and Heads of Service present" : "Only the chair could come")
    return { review, sitting }
  })

describe("NSO-9: a review heard at a sitting whose record is not yet typed up", () => {
  it.effect("NSO-9: is not offered to next week's agenda the morning after, nor while the draft is with the chair", () =>
    Effect.gen(function* () {
      const { sitting: eighteenth } = yield* reviewHeardOn(true)
      const sittings = yield* Sittings
      yield* TestClock.setTime(london("2027-08-19", "09:00").epochMillis)
      expect(yield* offeredOn("2027-08-25")).toEqual([])
      yield* sittings.sendDraftRecordToChair(staff.administrator, eighteenth.id)
      yield* TestClock.setTime(london("2027-08-20", "09:00").epochMillis)
      expect(yield* offeredOn("2027-08-25")).toEqual([])
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )

  it.effect("NSO-9: is offered to the next sitting once the record is final with no decision on it: the sitting did not reach it", () =>
    Effect.gen(function* () {
      const { review, sitting: eighteenth } = yield* reviewHeardOn(true)
      const sittings = yield* Sittings
      yield* TestClock.setTime(london("2027-08-19", "09:00").epochMillis)
      yield* sittings.sendDraftRecordToChair(staff.administrator, eighteenth.id)
      yield* sittings.returnFinalRecord(chair, eighteenth.id)
      expect(yield* offeredOn("2027-08-25")).toEqual([["review", review]])
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )

  it.effect("NSO-1: from a sitting the chair found too few members for, it is offered to the next sitting at once", () =>
    Effect.gen(function* () {
      const { review } = yield* reviewHeardOn(false)
      yield* TestClock.setTime(london("2027-08-19", "09:00").epochMillis)
      expect(yield* offeredOn("2027-08-25")).toEqual([["review", review]])
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )

  it.effect("NSO-9: put on the published agenda of 11 Aug, the first sitting of its window, it is not offered to 18 Aug as well, before or after 11 Aug", () =>
    Effect.gen(function* () {
      const { review, sitting: eleventh } = yield* reviewHeardOn(true, "2027-08-11")
      const sittings = yield* Sittings
      yield* TestClock.setTime(london("2027-08-12", "09:00").epochMillis)
      expect(yield* offeredOn("2027-08-11")).toEqual([["review", review]])
      expect(yield* offeredOn("2027-08-18")).toEqual([])
      yield* sittings.sendDraftRecordToChair(staff.administrator, eleventh.id)
      yield* sittings.returnFinalRecord(chair, eleventh.id)
      expect(yield* offeredOn("2027-08-18")).toEqual([["review", review]])
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )
})
