import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer, TestClock } from "effect"
import { EnglandAndWalesCalendar } from "../../src/calendar/englandAndWales.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { PanelId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { InMemoryStoreLayer } from "../../src/testing/InMemoryStore.js"
import { SequentialIds } from "../../src/testing/SequentialIds.js"
import { staticPolicies } from "../../src/testing/StaticPolicies.js"
import { completeForm, london } from "../fixtures.js"

const core = Referrals.Default.pipe(
  Layer.provideMerge(Layer.mergeAll(InMemoryStoreLayer, SequentialIds, staticPolicies(preset("care-planning")), EnglandAndWalesCalendar))
)
const cpr = staffOf("care-planning")
const panelId = PanelId.make("care-planning-and-resources")

describe("reading a request back", () => {
  it.effect("given Priya's new draft for Robin, when the panel's auditor opens it, then it is the request Priya started, under a request's id", () =>
    Effect.gen(function* () {
      const referrals = yield* Referrals
      yield* TestClock.setTime(london("2027-06-01", "09:00").epochMillis)
      const draft = yield* referrals.createDraft(cpr.socialWorker, completeForm(panelId))
      expect(draft.id).toBe("ref_1")
      const read = yield* referrals.get(cpr.auditor, draft.id)
      expect(read).toMatchObject({ id: "ref_1", status: "draft", form: { children: [{ fullName: "Robin Testwood" }] } })
    }).pipe(Effect.provide(core))
  )
})
