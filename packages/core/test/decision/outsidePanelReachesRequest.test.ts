import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { atLondon, type TimeOfDay } from "../../src/calendar/londonTime.js"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { PanelId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleDecision } from "../../src/testing/exampleDecision.js"
import { exampleForm } from "../../src/testing/exampleForm.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"

const nso = preset("north-somerset")
const staff = staffOf("north-somerset")

describe("an urgent agreement outside panel reaches its request only once everyone needed has agreed", () => {
  it.effect("NSO-10: care proceedings agreed by the Head of Service wait for the Assistant Director; then the request is decided, at no sitting", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(atLondon("2027-06-01" as LocalDate, "09:00" as TimeOfDay).epochMillis)
      const referrals = yield* Referrals
      const decisions = yield* Decisions
      // Given Morgan Vale's request for care proceedings, agreed outside panel by the Head of Service
      const request = yield* referrals.createDraft(
        staff.socialWorker,
        exampleForm(PanelId.make(nso.panels[0]!.id), "care_proceedings", { id: "child-u", name: "Morgan Vale" })
      )
      const recorded = yield* decisions.recordOutsidePanel(staff.headOfService, request.id, {
        content: exampleDecision(nso, "care_proceedings", "approve", { actionsDue: "2027-06-21" as LocalDate, key: request.id }),
        whyOutsidePanel: "The child could not wait for the next sitting",
        timescales: "Agreed for two weeks, then reviewed"
      })
      // Then, while the Assistant Director has not agreed, the request has heard nothing
      expect(recorded.status).toBe("awaiting_agreement")
      expect((yield* referrals.get(staff.administrator, request.id)).hearings).toEqual([])

      // When the Assistant Director agrees
      const agreed = yield* decisions.agreeOutsidePanel(staff.assistantDirector, recorded.id)
      // Then the request is decided by that agreement, heard at no sitting
      expect(agreed.status).toBe("final")
      const decided = yield* referrals.get(staff.administrator, request.id)
      expect(decided).toMatchObject({ status: "decided", hearings: [{ decisionId: recorded.id, outcome: "approve" }] })
      expect(decided.hearings[0]!.sittingId).toBeUndefined()
      expect(decided.sittingId).toBeUndefined()
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )
})
