import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { Agendas } from "../../src/agenda/Agendas.js"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import { Referrals } from "../../src/referral/Referrals.js"
import type { ReferralId } from "../../src/shared/ids.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { london } from "../fixtures.js"
import { requestOf, sittingsFromJune2027 } from "../readyRequest.js"
import { approvedOnTheNinth, nso, sittingOn, staff } from "./preProceedingsAtNorthSomerset.js"

// NSO-9: children in pre-proceedings are reviewed by panel at 8-10 weeks. Pre-proceedings approved at the sitting of
// Wed 9 Jun 2027 (ending 16:30) are reviewed between Wed 4 Aug and Wed 18 Aug 16:30: at the sittings of 11 and 18 Aug.

/** Nine other children's requests, ready on 1 June and accepted onto the sitting on `date`: as many as its hours hold at 20 minutes each. */
const nineAcceptedOnto = (date: string) =>
  Effect.gen(function* () {
    const referrals = yield* Referrals
    const sitting = yield* sittingOn(date)
    const accepted: ReferralId[] = []
    for (let i = 1; i <= 9; i++) {
      const request = yield* requestOf(nso, "edge_of_care_resource", `child-${i}`, true)
      yield* referrals.acceptOntoSitting(staff.administrator, request.id, sitting.id)
      accepted.push(request.id)
    }
    return accepted
  })

const offeredOn = (date: string) =>
  Effect.gen(function* () {
    const agendas = yield* Agendas
    return (yield* agendas.propose(staff.administrator, (yield* sittingOn(date)).id)).map((entry) => [entry.kind, entry.referralId, entry.summary])
  })

describe("NSO-9: a review the last sitting of its window could not take", () => {
  it.effect("NSO-9: left off the full agenda of 18 Aug (the sitting of 11 Aug went by with none), it is offered to 25 Aug while its clock runs overdue", () =>
    Effect.gen(function* () {
      yield* sittingsFromJune2027(nso)
      const others = yield* nineAcceptedOnto("2027-08-18")
      const review = yield* approvedOnTheNinth
      const [agendas, sittings, deadlines] = yield* Effect.all([Agendas, Sittings, Deadlines])
      const eighteenth = yield* sittingOn("2027-08-18")
      // Nothing came in for 11 Aug: it went by with no agenda. On 12 Aug the administrator builds 18 Aug's agenda.
      yield* TestClock.setTime(london("2027-08-12", "09:00").epochMillis)
      expect((yield* offeredOn("2027-08-18")).map(([kind, referralId]) => [kind, referralId])).toEqual([["review", review], ...others.map((id) => ["request", id])])
      const full = yield* Effect.flip(agendas.build(staff.administrator, eighteenth.id))
      expect(full.message).toContain("Only 9 children fit in this sitting at 20 minutes each")
      expect(full.message).toContain("10 were asked for. Move some to the next sitting.")
      // The requests accepted onto it keep their places; the review is moved to the next sitting, as the refusal says.
      const entries = (yield* agendas.propose(staff.administrator, eighteenth.id)).filter((entry) => entry.kind === "request")
      yield* sittings.buildAgenda(staff.administrator, eighteenth.id, entries)
      yield* sittings.publishAgenda(staff.administrator, eighteenth.id)
      expect(yield* offeredOn("2027-08-25")).toEqual([["review", review, "Review (NSO-9) of starting pre-proceedings"]])
      expect(yield* offeredOn("2027-09-01")).toEqual([])
      // After 18 Aug the review is overdue, and 25 Aug is still where it is offered.
      yield* TestClock.setTime(london("2027-08-19", "09:00").epochMillis)
      const clock = (yield* deadlines.forAuthority(staff.administrator)).find((deadline) => deadline.ruleId === "NSO-9" && deadline.title === "Review by panel")
      expect(clock).toMatchObject({ state: "overdue" })
      expect(yield* offeredOn("2027-08-25")).toEqual([["review", review, "Review (NSO-9) of starting pre-proceedings"]])
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )

  it.effect("NSO-9: on the published agenda of 18 Aug it is not offered to 25 Aug as well", () =>
    Effect.gen(function* () {
      yield* sittingsFromJune2027(nso)
      const review = yield* approvedOnTheNinth
      const [agendas, sittings] = yield* Effect.all([Agendas, Sittings])
      const eighteenth = yield* sittingOn("2027-08-18")
      yield* TestClock.setTime(london("2027-08-12", "09:00").epochMillis)
      yield* agendas.build(staff.administrator, eighteenth.id)
      yield* sittings.publishAgenda(staff.administrator, eighteenth.id)
      expect(yield* offeredOn("2027-08-18")).toEqual([["review", review, "Review (NSO-9) of starting pre-proceedings"]])
      expect(yield* offeredOn("2027-08-25")).toEqual([])
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )
})
