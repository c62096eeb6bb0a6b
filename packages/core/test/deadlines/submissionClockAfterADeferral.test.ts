import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { london } from "../fixtures.js"
import { heardOn, nso, staff } from "../agenda/preProceedingsAtNorthSomerset.js"
import { requestOf, sittingsFromJune2027 } from "../readyRequest.js"

// North Somerset sits every Wednesday; a request is due complete and approved by 12:00 on the Friday before (NSO-3).


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
      yield* heardOn("2027-06-09", request.id, "defer")
      // The panel asked for the parents' views first: the team manager returns the request to the social worker.
      yield* TestClock.setTime(london("2027-06-10", "09:00").epochMillis)
      yield* (yield* Referrals).returnForChanges(staff.teamManager, request.id, "Add the parents' views, as the panel asked")
      // Before 12:00 on Friday 11 June, the deadline for the sitting of 16 June.
      yield* TestClock.setTime(london("2027-06-10", "10:00").epochMillis)
      expect(yield* submissionClocksOf(request.id)).toEqual(["Request complete and approved for the sitting on Wed 16 Jun 2027: due_soon"])
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )
})
