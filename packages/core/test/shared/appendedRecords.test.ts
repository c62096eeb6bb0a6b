import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { preset } from "../../src/policy/authorities/index.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { collectingAppended } from "../../src/shared/appendedRecords.js"
import { PanelId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { completeForm, london } from "../fixtures.js"

const core = inMemoryCore(preset("care-planning"))
const cpr = staffOf("care-planning")
const panelId = PanelId.make("care-planning-and-resources")

describe("the records a change wrote to (for the answer to a repeated Idempotency-Key)", () => {
  it.effect("a draft created and then edited is named once, as the request it is; a change that wrote nothing names none", () =>
    Effect.gen(function* () {
      const referrals = yield* Referrals
      yield* TestClock.setTime(london("2027-06-01", "09:00").epochMillis)
      const [draft, records] = yield* collectingAppended(
        Effect.tap(referrals.createDraft(cpr.socialWorker, completeForm(panelId)), (created) => referrals.editDraft(cpr.socialWorker, created.id, completeForm(panelId)))
      )
      expect(records).toEqual([{ streamType: "referral", id: draft.id }])
      const [, none] = yield* collectingAppended(referrals.get(cpr.auditor, draft.id))
      expect(none).toEqual([])
    }).pipe(Effect.provide(core))
  )

  it.effect("outside a collection, and in a change that fails after writing, nothing is kept for later", () =>
    Effect.gen(function* () {
      const referrals = yield* Referrals
      yield* TestClock.setTime(london("2027-06-01", "09:00").epochMillis)
      yield* referrals.createDraft(cpr.socialWorker, completeForm(panelId))
      const failed = yield* Effect.either(collectingAppended(Effect.zipRight(referrals.createDraft(cpr.socialWorker, completeForm(panelId)), Effect.fail("refused"))))
      expect(failed._tag).toBe("Left")
      const [, later] = yield* collectingAppended(Effect.void)
      expect(later).toEqual([])
    }).pipe(Effect.provide(core))
  )
})
