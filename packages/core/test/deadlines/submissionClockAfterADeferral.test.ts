import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { Agendas } from "../../src/agenda/Agendas.js"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { PersonId } from "../../src/shared/ids.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleDecision } from "../../src/testing/exampleDecision.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { holderOf } from "../../src/testing/readyRequest.js"
import { signOffAll } from "../../src/testing/signOffAll.js"
import { london } from "../fixtures.js"
import { requestOf, sittingsFromJune2027 } from "../readyRequest.js"

// North Somerset sits every Wednesday; a request is due complete and approved by 12:00 on the Friday before (NSO-3).

const nso = preset("north-somerset")
const staff = staffOf("north-somerset")

/** The sitting of 9 June hears `request` and defers it, the decision signed. */
const deferredOnTheNinth = (request: string) =>
  Effect.gen(function* () {
    const [sittings, agendas, decisions, referrals] = yield* Effect.all([Sittings, Agendas, Decisions, Referrals])
    const sitting = (yield* sittings.list(staff.administrator, { panelId: nso.panels[0].id })).find((candidate) => candidate.date === "2027-06-09")!
    yield* referrals.acceptOntoSitting(staff.administrator, request as never, sitting.id)
    yield* agendas.build(staff.administrator, sitting.id)
    yield* sittings.publishAgenda(staff.administrator, sitting.id)
    yield* TestClock.setTime(sitting.startsAt.epochMillis)
    yield* sittings.recordAttendance(staff.administrator, sitting.id, { personId: staff.assistantDirector.personId, name: staff.assistantDirector.name, seat: "Chair", membership: "standing", status: "present" })
    yield* sittings.recordAttendance(staff.administrator, sitting.id, { personId: PersonId.make("hos-delia-marsh"), name: "Delia Marsh", seat: "Head of Service", membership: "standing", status: "present" })
    yield* sittings.confirmQuorum(staff.assistantDirector, sitting.id, true, "Chair and a Head of Service present")
    yield* TestClock.setTime(sitting.endsAt.epochMillis)
    const content = exampleDecision(nso, "pre_proceedings", "defer", { actionsDue: "2027-06-30" as LocalDate, key: request })
    const recorded = yield* decisions.recordAtPanel(staff.administrator, request as never, sitting.id, content)
    return yield* signOffAll(recorded, staff.assistantDirector, (role) => holderOf("north-somerset", role))
  })

const submissionClocksOf = (request: string) =>
  Effect.gen(function* () {
    const every = yield* (yield* Deadlines).forAuthority(staff.administrator, { includeMet: true })
    return every.filter((deadline) => deadline.about.kind === "referral" && deadline.about.id === request).map((deadline) => `${deadline.title}: ${deadline.state}`)
  })

describe("the submission clock of a request deferred at a sitting and then returned for changes", () => {
  // A request not on a sitting aims at the first sitting whose deadline had not passed when it was submitted, or, if
  // heard since, at its latest hearing. Before, deferred on 9 June and returned for changes on 10 June, it kept its
  // submission of 1 June, and its clock read "Request complete and approved for the sitting on Wed 9 Jun 2027:
  // overdue": the sitting that heard it, a deadline nothing could meet, and no word of 12:00 Fri 11 Jun for 16 June.
  it.effect("NSO-3: returned after the sitting of 9 June deferred it, it is due for a later sitting, not overdue for the one that heard it", () =>
    Effect.gen(function* () {
      yield* sittingsFromJune2027(nso)
      const request = yield* requestOf(nso, "pre_proceedings", "child-r", true)
      yield* deferredOnTheNinth(request.id)
      // The panel asked for the parents' views first: the team manager returns the request to the social worker.
      yield* TestClock.setTime(london("2027-06-10", "09:00").epochMillis)
      yield* (yield* Referrals).returnForChanges(staff.teamManager, request.id, "Add the parents' views, as the panel asked")
      // Before 12:00 on Friday 11 June, the deadline for the sitting of 16 June.
      yield* TestClock.setTime(london("2027-06-10", "10:00").epochMillis)
      expect(yield* submissionClocksOf(request.id)).toEqual(["Request complete and approved for the sitting on Wed 16 Jun 2027: due_soon"])
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )
})
