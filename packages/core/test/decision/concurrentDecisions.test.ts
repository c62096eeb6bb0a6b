import { describe, expect, it } from "@effect/vitest"
import { DateTime, Effect, TestClock } from "effect"
import { Agendas } from "../../src/agenda/Agendas.js"
import { addDays } from "../../src/calendar/LocalDate.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { preset } from "../../src/policy/authorities/index.js"
import { EventStore } from "../../src/ports/EventStore.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleDecision } from "../../src/testing/exampleDecision.js"
import { YieldingInMemoryStoreLayer } from "../../src/testing/InMemoryStore.js"
import { inMemoryCore, playWeek } from "../../src/testing/playWeek.js"

const policy = preset("support-panels")
const staff = staffOf("support-panels")

/** Every decision recorded on the request, whether or not a use case acknowledged it. */
const decisionsRecordedOn = (referralId: string) =>
  EventStore.pipe(
    Effect.flatMap((store) => store.readAll({ after: 0, limit: 1_000_000 })),
    Effect.map((events) =>
      events.filter((event) => event.type === "DecisionRecorded" && (event.data as { subject: { referralId: string } }).subject.referralId === referralId)
    )
  )

describe("two people record a decision on one request at the same time", () => {
  it.effect("CPR-8: on a store whose reads and appends yield, exactly one decision is written; the other is refused as AlreadyHeard", () =>
    Effect.gen(function* () {
      const [decisions, referrals, sittings, agendas] = yield* Effect.all([Decisions, Referrals, Sittings, Agendas])
      const week = yield* playWeek(policy)
      const [next] = (yield* sittings.list(staff.administrator, { panelId: week.sitting.panelId })).filter((sitting) =>
        DateTime.greaterThan(sitting.startsAt, week.sitting.startsAt)
      )
      yield* agendas.build(staff.administrator, next!.id)
      yield* TestClock.setTime(next!.endsAt.epochMillis)
      yield* sittings.confirmQuorum(staff.chair, next!.id, true, "Chair and members present")
      const content = (key: string, outcome: "approve" | "decline") =>
        exampleDecision(policy, policy.referral.inScope.requestTypes[0]!, outcome, { actionsDue: addDays(next!.date, 14), key })

      const [first, second] = yield* Effect.all(
        [
          Effect.either(decisions.recordAtPanel(staff.administrator, week.deferred.id, next!.id, content("first", "approve"))),
          Effect.either(decisions.recordAtPanel(staff.chair, week.deferred.id, next!.id, content("second", "decline")))
        ],
        { concurrency: 2 }
      )

      const won = [first, second].filter((result) => result._tag === "Right")
      const refused = [first, second].flatMap((result) => (result._tag === "Left" ? [result.left] : []))
      expect(won).toHaveLength(1)
      expect(refused).toHaveLength(1)
      expect(refused[0]).toMatchObject({ _tag: "AlreadyHeard" })
      const recorded = yield* decisionsRecordedOn(week.deferred.id)
      const atNext = recorded.filter((event) => (event.data as { sittingId: string }).sittingId === next!.id)
      expect(atNext).toHaveLength(1)
      const request = yield* referrals.get(staff.administrator, week.deferred.id)
      expect(request.hearings.filter((hearing) => hearing.sittingId === next!.id)).toHaveLength(1)
    }).pipe(Effect.provide(inMemoryCore(policy, YieldingInMemoryStoreLayer)))
  )
})
