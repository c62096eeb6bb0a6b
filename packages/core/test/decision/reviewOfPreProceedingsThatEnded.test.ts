import { describe, expect, it } from "@effect/vitest"
import { type DateTime, Effect, TestClock } from "effect"
import { Agendas } from "../../src/agenda/Agendas.js"
import { ChildRecords } from "../../src/childRecord/ChildRecords.js"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import { Decisions } from "../../src/decision/Decisions.js"
import type { Actor } from "../../src/shared/actor.js"
import { ChildId, type ReferralId } from "../../src/shared/ids.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { london } from "../fixtures.js"
import { sittingsFromJune2027 } from "../readyRequest.js"
import { approvedOnTheNinth, approvedTogetherOnTheNinth, nso, sittingOn, staff } from "../agenda/preProceedingsAtNorthSomerset.js"

// NSO-9: children IN pre-proceedings are reviewed by panel at 8-10 weeks. Pre-proceedings approved on Wed 9 Jun 2027
// are due back between 4 and 18 Aug. When the child's record shows them over (stepped down, or care proceedings
// issued, STAT-PLO), there is nothing left to review: the child's record tells the child's decisions still waiting on
// the review in the same transaction (`PreProceedingsOverNoted`), the review's clock is met at that instant, and the
// agenda no longer offers it. Before, the clock fell overdue on 18 Aug and the August sittings were offered the review.

const childP = ChildId.make("child-p")

/** Child-p's letter before proceedings the day after the approval. */
const letterOnTheTenth = Effect.gen(function* () {
  yield* TestClock.setTime(london("2027-06-10", "10:00").epochMillis)
  yield* (yield* ChildRecords).recordLetterBeforeProceedings(staff.socialWorker, childP, london("2027-06-10", "09:00"))
})

/** On Fri 20 Aug: the NSO-9 clocks (met or not) and what the sitting of Wed 25 Aug is offered of these requests. */
const onTheTwentieth = (requests: ReadonlyArray<ReferralId>) =>
  Effect.gen(function* () {
    yield* TestClock.setTime(london("2027-08-20", "09:00").epochMillis)
    const reviews = (yield* (yield* Deadlines).forAuthority(staff.administrator, { includeMet: true })).filter((deadline) => deadline.ruleId === "NSO-9")
    const offered = (yield* (yield* Agendas).propose(staff.administrator, (yield* sittingOn("2027-08-25")).id)).filter((entry) => requests.includes(entry.referralId))
    return {
      overdue: reviews.filter((deadline) => deadline.state === "overdue").map((deadline) => deadline.about.id),
      met: reviews.filter((deadline) => deadline.state === "met").map((deadline) => ({ id: deadline.about.id, metAt: deadline.metAt?.epochMillis })),
      offered: offered.map((entry) => entry.referralId)
    }
  })

/** Pre-proceedings approved on 9 June, the letter on the 10th, stepped down at `endedAt` (recorded at `recordedAt` by `by`): what 20 August shows. */
const steppedDown = (endedAt: DateTime.Utc, recordedAt: DateTime.Utc, by: Actor) =>
  Effect.gen(function* () {
    yield* sittingsFromJune2027(nso)
    const requestId = yield* approvedOnTheNinth
    yield* letterOnTheTenth
    yield* TestClock.setTime(recordedAt.epochMillis)
    yield* (yield* ChildRecords).endPreProceedings(by, childP, endedAt)
    const seen = yield* onTheTwentieth([requestId])
    return { overdue: seen.overdue, offered: seen.offered, metAt: seen.met.map((met) => met.metAt) }
  })

describe("an NSO-9 review of pre-proceedings that have since ended", () => {
  it.effect("NSO-9: once the child's record shows pre-proceedings stepped down, no review is overdue nor offered to the August sittings", () =>
    Effect.gen(function* () {
      const seen = yield* steppedDown(london("2027-07-14", "09:00"), london("2027-07-14", "10:00"), staff.teamManager)
      expect(seen).toEqual({ overdue: [], offered: [], metAt: [london("2027-07-14", "09:00").epochMillis] })
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )

  it.effect("NSO-9: pre-proceedings stepped down once the review's window has opened (10 Aug, in 4-18 Aug) stop its clock there too", () =>
    Effect.gen(function* () {
      const seen = yield* steppedDown(london("2027-08-10", "11:00"), london("2027-08-10", "12:00"), staff.socialWorker)
      expect(seen).toEqual({ overdue: [], offered: [], metAt: [london("2027-08-10", "11:00").epochMillis] })
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )

  it.effect("NSO-9: care proceedings issued from pre-proceedings (STAT-S31) end the review as a step-down does: met at the issue, not offered", () =>
    Effect.gen(function* () {
      yield* sittingsFromJune2027(nso)
      const [approval] = yield* approvedTogetherOnTheNinth([{ type: "pre_proceedings", childId: "child-p" }])
      yield* letterOnTheTenth
      yield* TestClock.setTime(london("2027-07-21", "16:00").epochMillis)
      yield* (yield* ChildRecords).recordProceedingsIssued(staff.practiceSupervisor, childP, london("2027-07-21", "14:30"))

      const seen = yield* onTheTwentieth([approval!.subject.referralId])
      const decision = yield* (yield* Decisions).get(staff.administrator, approval!.id)
      expect({ overdue: seen.overdue, offered: seen.offered, metAt: seen.met.map((met) => met.metAt), how: decision.preProceedingsOver?.how }).toEqual({
        overdue: [],
        offered: [],
        metAt: [london("2027-07-21", "14:30").epochMillis],
        how: "issued"
      })
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )

  it.effect("NSO-9: child-p's step-down leaves child-q's review running and offered, and child-p's edge-of-care approval (no review) untold", () =>
    Effect.gen(function* () {
      yield* sittingsFromJune2027(nso)
      const [ofP, ofQ, edgeOfCare] = yield* approvedTogetherOnTheNinth([
        { type: "pre_proceedings", childId: "child-p" },
        { type: "pre_proceedings", childId: "child-q" },
        { type: "edge_of_care_resource", childId: "child-p" }
      ])
      yield* letterOnTheTenth
      yield* TestClock.setTime(london("2027-07-14", "10:00").epochMillis)
      yield* (yield* ChildRecords).endPreProceedings(staff.teamManager, childP, london("2027-07-14", "09:00"))

      const seen = yield* onTheTwentieth([ofP!.subject.referralId, ofQ!.subject.referralId, edgeOfCare!.subject.referralId])
      const told = yield* Effect.forEach([ofP!, ofQ!, edgeOfCare!], (decision) =>
        Effect.map(Decisions, (decisions) => decisions.get(staff.administrator, decision.id)).pipe(Effect.flatten, Effect.map((after) => after.preProceedingsOver !== undefined))
      )
      expect({ overdue: seen.overdue, met: seen.met.map((met) => met.id), offered: seen.offered, told }).toEqual({
        overdue: [ofQ!.id],
        met: [ofP!.id],
        offered: [ofQ!.subject.referralId],
        told: [true, false, false]
      })
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )
})
