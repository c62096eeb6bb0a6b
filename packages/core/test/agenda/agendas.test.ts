import { describe, expect, it } from "@effect/vitest"
import { DateTime, Effect } from "effect"
import { Agendas } from "../../src/agenda/Agendas.js"
import { preset } from "../../src/policy/authorities/index.js"
import { SittingId } from "../../src/shared/ids.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { inMemoryCore, playWeek } from "../../src/testing/playWeek.js"

const policy = preset("support-panels")
const staff = staffOf("support-panels")
const run = <A, E, R>(effect: Effect.Effect<A, E, R>) => effect.pipe(Effect.provide(inMemoryCore(policy)))

/** The week played (one request deferred), and the next sitting of the panel. */
const afterWeek = Effect.gen(function* () {
  const [agendas, sittings] = yield* Effect.all([Agendas, Sittings])
  const week = yield* playWeek(policy)
  const next = (yield* sittings.list(staff.administrator, { panelId: week.sitting.panelId })).find((sitting) => DateTime.greaterThan(sitting.startsAt, week.sitting.startsAt))!
  return { agendas, sittings, week, next }
})

describe("the agenda the administrator is offered", () => {
  it.effect("the next sitting is offered the request deferred in the week, and building it in one step puts exactly that on its agenda", () =>
    run(
      Effect.gen(function* () {
        const { agendas, sittings, week, next } = yield* afterWeek
        const offered = yield* agendas.propose(staff.administrator, next.id)
        expect(offered).toEqual([
          {
            referralId: week.deferred.id,
            childIds: week.deferred.form.children.map((child) => child.childId),
            kind: "request",
            summary: expect.stringMatching(/^Request deferred from the sitting on Tue 15 Jun 2027: /)
          }
        ])
        yield* agendas.build(staff.administrator, next.id)
        expect((yield* sittings.get(staff.administrator, next.id)).agenda.map((item) => [item.kind, item.referralId, item.summary])).toEqual(
          offered.map((entry) => [entry.kind, entry.referralId, entry.summary])
        )
      })
    ))

  it.effect("a sitting that is not there is not found, and only the panel administrator may be offered or build an agenda, said in words", () =>
    run(
      Effect.gen(function* () {
        const { agendas, next } = yield* afterWeek
        const missing = yield* Effect.flip(agendas.propose(staff.administrator, SittingId.make("sit_nowhere")))
        expect([missing._tag, missing.message]).toEqual(["NotFound", "No sitting with id sit_nowhere was found."])
        for (const attempt of [Effect.asVoid(agendas.propose(staff.chair, next.id)), Effect.asVoid(agendas.build(staff.socialWorker, next.id))]) {
          const refused = yield* Effect.flip(attempt)
          expect([refused._tag, refused.message]).toEqual(["NotPermitted", "Only a panel administrator can build the agenda."])
        }
      })
    ))
})
