import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { Agendas } from "../../src/agenda/Agendas.js"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { london } from "../fixtures.js"
import { requestOf, sittingsFromJune2027 } from "../readyRequest.js"

const nso = preset("north-somerset")
const staff = staffOf("north-somerset")

describe("a sitting whose only request was withdrawn", () => {
  it.effect("NSO-3: once the only request accepted onto a sitting is withdrawn, the sitting has no papers deadline the administrator cannot meet", () =>
    Effect.gen(function* () {
      const [referrals, sittings, agendas, deadlines] = yield* Effect.all([Referrals, Sittings, Agendas, Deadlines])
      const year = yield* sittingsFromJune2027(nso)
      const sitting = year.find((candidate) => candidate.date === "2027-06-09")!
      // Given a request accepted onto the sitting of Wed 9 Jun, then withdrawn by the social worker
      const ready = yield* requestOf(nso, "edge_of_care_resource", "child-w", true)
      yield* referrals.acceptOntoSitting(staff.administrator, ready.id, sitting.id)
      const papersClock = `${sitting.id}:papers`
      expect((yield* deadlines.forAuthority(staff.administrator)).map((deadline) => deadline.id)).toContain(papersClock)
      yield* referrals.withdraw(staff.socialWorker, ready.id, "The family moved out of the area")
      // Then the agenda offered is empty, and an empty agenda cannot be sent to members (so neither can the papers)
      expect(yield* agendas.propose(staff.administrator, sitting.id)).toEqual([])
      const publish = yield* Effect.flip(sittings.publishAgenda(staff.administrator, sitting.id))
      expect(publish.message).toBe("There is nothing on the agenda to send to members yet.")
      // So no papers deadline runs for the sitting any more (it has no business, like any empty sitting)
      yield* TestClock.setTime(london("2027-06-08", "09:00").epochMillis)
      const running = yield* deadlines.forAuthority(staff.administrator)
      expect(running.filter((deadline) => deadline.about.id === sitting.id).map((deadline) => `${deadline.id} ${deadline.state}`)).toEqual([])
      const every = yield* deadlines.forAuthority(staff.administrator, { includeMet: true })
      expect(every.filter((deadline) => deadline.about.id === sitting.id)).toEqual([])
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )
})
