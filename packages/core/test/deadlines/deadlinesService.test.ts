import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer, TestClock } from "effect"
import { EnglandAndWalesCalendar } from "../../src/calendar/englandAndWales.js"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { DocumentId, PanelId } from "../../src/shared/ids.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleForm } from "../../src/testing/exampleForm.js"
import { InMemoryStoreLayer } from "../../src/testing/InMemoryStore.js"
import { SequentialIds } from "../../src/testing/SequentialIds.js"
import { staticPolicies } from "../../src/testing/StaticPolicies.js"
import { london } from "../fixtures.js"

const core = Layer.mergeAll(Deadlines.Default, Referrals.Default, Sittings.Default).pipe(
  Layer.provideMerge(Layer.mergeAll(InMemoryStoreLayer, SequentialIds, staticPolicies(preset("lincolnshire"), preset("knowsley")), EnglandAndWalesCalendar))
)
const staff = staffOf("lincolnshire")
const setTime = (date: string, time: string) => TestClock.setTime(london(date, time).epochMillis)
const papers = ["chronology", "genogram", "assessment", "direct_work", "family_safety_plan", "signs_of_safety_mapping"] as const

/**
 * Given Lincolnshire's sittings for 2027 and, on Tuesday 1 June, one request left in draft (Alex) and one submitted and
 * approved at once (Jamie): both aim at the sitting on Wed 9 June, due noon on Fri 4 June (LIN-3).
 */
const twoRequests = Effect.gen(function* () {
  const referrals = yield* Referrals
  yield* setTime("2027-06-01", "09:00")
  yield* (yield* Sittings).scheduleYear(staff.administrator, PanelId.make("support-panel"), 2027)
  const draft = yield* referrals.createDraft(staff.socialWorker, exampleForm("support-panel", "s20_accommodation", { id: "child-a", name: "Alex Brook" }))
  const made = yield* referrals.createDraft(staff.socialWorker, exampleForm("support-panel", "s20_accommodation", { id: "child-b", name: "Jamie Fenn" }))
  for (const kind of papers) yield* referrals.recordDocument(staff.socialWorker, made.id, { documentId: DocumentId.make(kind), kind, title: kind })
  yield* referrals.submit(staff.socialWorker, made.id)
  yield* referrals.approve(staff.teamManager, made.id)
  return { draft: draft.id, ready: made.id }
})

describe("Deadlines: what a member of staff sees, at the current time (LIN-3)", () => {
  it.effect("LIN-3: the clocks still running by default; those met too when asked", () =>
    Effect.gen(function* () {
      const { draft, ready } = yield* twoRequests
      const deadlines = yield* Deadlines
      expect((yield* deadlines.forAuthority(staff.member)).map((d) => [d.about.id, d.state])).toEqual([[draft, "pending"]])
      expect((yield* deadlines.forAuthority(staff.member, { includeMet: true })).map((d) => [d.about.id, d.state])).toEqual([
        [draft, "pending"],
        [ready, "met"]
      ])
    }).pipe(Effect.provide(core))
  )

  it.effect("LIN-3: due soon from 48 hours before unless the reader asks for another window; overdue once the clock has passed noon on Friday", () =>
    Effect.gen(function* () {
      yield* twoRequests
      const deadlines = yield* Deadlines
      const stateNow = (dueSoonHours?: number) =>
        Effect.map(deadlines.forAuthority(staff.socialWorker, dueSoonHours === undefined ? {} : { dueSoonHours }), ([deadline]) => deadline!.state)
      yield* setTime("2027-06-02", "13:00")
      expect(yield* stateNow()).toBe("due_soon")
      expect(yield* stateNow(24)).toBe("pending")
      expect(yield* stateNow(80)).toBe("due_soon")
      yield* setTime("2027-06-04", "12:01")
      expect(yield* stateNow()).toBe("overdue")
    }).pipe(Effect.provide(core))
  )

  it.effect("another authority's staff see none of Lincolnshire's clocks", () =>
    Effect.gen(function* () {
      yield* twoRequests
      const deadlines = yield* Deadlines
      expect(yield* deadlines.forAuthority(staffOf("knowsley").administrator, { includeMet: true })).toEqual([])
    }).pipe(Effect.provide(core))
  )
})
