import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleDecision } from "../../src/testing/exampleDecision.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { london } from "../fixtures.js"
import { requestOf, sittingsFromJune2027 } from "../readyRequest.js"

const lin = preset("lincolnshire")
const staff = staffOf("lincolnshire")

describe("a request agreed outside panel while still a draft", () => {
  it.effect("LIN-3, LIN-11: once the service manager has agreed the draft's LPM outside panel, no submission deadline stays running that nobody can meet", () =>
    Effect.gen(function* () {
      const [referrals, decisions, deadlines] = yield* Effect.all([Referrals, Decisions, Deadlines])
      yield* sittingsFromJune2027(lin)
      // Given a draft asking for a Legal Planning Meeting, agreed outside panel by the locality service manager (LIN-11)
      const draft = yield* requestOf(lin, "legal_planning_meeting", "child-d", false)
      const agreed = yield* decisions.recordOutsidePanel(staff.serviceManager, draft.id, {
        content: exampleDecision(lin, "legal_planning_meeting", "approve", { actionsDue: "2027-06-21" as LocalDate, key: draft.id }),
        whyOutsidePanel: "A parent was arrested; the child could not wait for the next sitting",
        timescales: "LPM this week"
      })
      expect(agreed.status).toBe("final")
      expect((yield* referrals.get(staff.socialWorker, draft.id)).status).toBe("decided")
      // Then the social worker cannot submit it any more...
      const submit = yield* Effect.flip(referrals.submit(staff.socialWorker, draft.id))
      expect(submit.message).toBe("You cannot submit this request: this request has been decided.")
      // ...and, three weeks on, no submission clock of the request is running (overdue) for it
      yield* TestClock.setTime(london("2027-06-22", "09:00").epochMillis)
      const running = yield* deadlines.forAuthority(staff.administrator)
      expect(running.filter((deadline) => deadline.about.kind === "referral" && deadline.about.id === draft.id).map((deadline) => `${deadline.id} ${deadline.state}`)).toEqual([])
      const every = yield* deadlines.forAuthority(staff.administrator, { includeMet: true })
      expect(every.filter((deadline) => deadline.about.kind === "referral" && deadline.about.id === draft.id && deadline.state !== "met")).toEqual([])
    }).pipe(Effect.provide(inMemoryCore(lin)))
  )
})
