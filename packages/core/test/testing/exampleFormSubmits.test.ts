import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { preset, presetSlugs } from "../../src/policy/authorities/index.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { DocumentId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleForm } from "../../src/testing/exampleForm.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { london } from "../fixtures.js"

/** The seeds, the demo and the benches build requests with exampleForm for every request type an authority hears. */
describe("the example form can be submitted for every request type of every preset", () => {
  it.effect.each(presetSlugs)("%s: each in-scope request type, with its required papers, is submitted without a gap", (slug) =>
    Effect.gen(function* () {
      const policy = preset(slug)
      const staff = staffOf(policy.authority.id)
      const referrals = yield* Referrals
      // On a day after what the form says happened before it (KNO-4's discussion, CPR-4's input), as the seeds run.
      yield* TestClock.setTime(london("2027-06-01", "09:00").epochMillis)
      for (const [n, requestType] of policy.referral.inScope.requestTypes.entries()) {
        const draft = yield* referrals.createDraft(staff.socialWorker, exampleForm(policy.panels[0]!.id, requestType, { id: `child-${n}`, name: "Ellis Marrow" }))
        const papers = policy.referral.requiredDocuments.filter((doc) => doc.forRequestTypes === undefined || doc.forRequestTypes.includes(requestType))
        for (const [i, doc] of papers.entries()) {
          yield* referrals.recordDocument(staff.socialWorker, draft.id, { documentId: DocumentId.make(`child-${n}-doc-${i}`), kind: doc.kind, title: doc.kind })
        }
        const submitted = yield* Effect.either(referrals.submit(staff.socialWorker, draft.id))
        expect(submitted._tag, `${requestType}: ${JSON.stringify(submitted)}`).toBe("Right")
      }
    }).pipe(Effect.provide(inMemoryCore(preset(slug))))
  )
})
