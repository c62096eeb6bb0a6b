import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { Agendas } from "../../src/agenda/Agendas.js"
import { preset } from "../../src/policy/authorities/index.js"
import type { Referral } from "../../src/referral/Referral.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { DocumentId } from "../../src/shared/ids.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleForm } from "../../src/testing/exampleForm.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { london } from "../fixtures.js"
import { sittingsByDate } from "../readyRequest.js"

// SUP-3: where a parent has criminal convictions the case goes to panel. The agenda brings such a request by itself to
// the first sitting after it is ready; one whose agenda had already gone out without it must pass it on.

const sup = preset("support-panels")
const staff = staffOf("support-panels")

/** A request about child-v whose father has a conviction (SUP-3), made ready by the team manager at `at`. */
const mustGoToPanel = (at: string) =>
  Effect.gen(function* () {
    const referrals = yield* Referrals
    yield* TestClock.setTime(london(at.slice(0, 10), at.slice(11)).epochMillis)
    const form = {
      ...exampleForm(sup.panels[0].id, "legal_planning_meeting", { id: "child-v", name: "Vale Ashcombe" }),
      presentationReasons: ["parental_convictions" as const],
      parentalHistory: [{ parent: "Dale Ashcombe", kind: "criminal_conviction" as const, date: "2021-02-11", detail: "Assault" }]
    }
    const draft = yield* referrals.createDraft(staff.socialWorker, form as never)
    for (const [i, required] of sup.referral.requiredDocuments.entries()) {
      yield* referrals.recordDocument(staff.socialWorker, draft.id, { documentId: DocumentId.make(`v-doc-${i}`), kind: required.kind, title: required.kind })
    }
    yield* referrals.submit(staff.socialWorker, draft.id)
    const ready: Referral = yield* referrals.approve(staff.teamManager, draft.id)
    return ready.id
  })

describe("SUP-3: a request that goes to panel by itself, ready after its first sitting's agenda went out", () => {
  it.effect("SUP-3: is offered to the next sitting, before and after the one whose agenda went out without it has sat", () =>
    Effect.gen(function* () {
      const on = yield* sittingsByDate(sup)
      const [agendas, sittings, referrals] = yield* Effect.all([Agendas, Sittings, Referrals])
      // Tue 8 June's agenda goes out on Friday 4 June with another child's request on it.
      const other = yield* mustGoToPanel("2027-06-01T09:00")
      yield* referrals.acceptOntoSitting(staff.administrator, other, on("2027-06-08").id)
      yield* TestClock.setTime(london("2027-06-04", "10:00").epochMillis)
      yield* agendas.build(staff.administrator, on("2027-06-08").id)
      yield* sittings.publishAgenda(staff.administrator, on("2027-06-08").id)
      const request = yield* mustGoToPanel("2027-06-07T10:00")
      const offered = (date: string) => Effect.map(agendas.propose(staff.administrator, on(date).id), (entries) => entries.filter((entry) => entry.referralId === request).map((entry) => entry.summary))
      const bySelf = ["Request (goes to panel automatically, SUP-3): a legal planning meeting"]
      expect(yield* offered("2027-06-15")).toEqual(bySelf)
      // 8 June sits without it; the administrator builds 15 June's agenda the day after.
      yield* TestClock.setTime(london("2027-06-09", "09:00").epochMillis)
      expect(yield* offered("2027-06-15")).toEqual(bySelf)
      expect(yield* offered("2027-06-22")).toEqual([])
    }).pipe(Effect.provide(inMemoryCore(sup)))
  )
})
