import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import type { Decision } from "../../src/decision/Decision.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { requestChanged } from "../../src/decision/requestAsItStands.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { ChildId, ReferralId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleDecision } from "../../src/testing/exampleDecision.js"
import { exampleForm } from "../../src/testing/exampleForm.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { london } from "../fixtures.js"

// An urgent agreement outside panel often comes before the paperwork: it may be proposed on a draft, which the social
// worker still edits while the proposal waits for its second agreement (NSO-10: the Assistant Director's). Carepanel
// took the last agreement whatever the request had become, so the record said the panel's decision was about one
// child when the request it heard was about two. Now the agreement is refused, saying what changed and what to do.

const nso = preset("north-somerset")
const staff = staffOf("north-somerset")

const refusalOf = <A, E extends { readonly _tag: string; readonly message: string }, R>(attempt: Effect.Effect<A, E, R>) =>
  Effect.map(Effect.either(attempt), (result) => (result._tag === "Left" ? `${result.left._tag}: ${result.left.message}` : "agreed"))

describe("the last agreement outside panel on a request changed since the proposal (NSO-10)", () => {
  it.effect("is refused naming what it was and what it is now, nothing is written; recorded again on the request as it stands, it is agreed", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(london("2027-06-01", "21:00").epochMillis)
      const [referrals, decisions] = yield* Effect.all([Referrals, Decisions])
      const form = exampleForm(nso.panels[0].id, "care_proceedings", { id: "child-a", name: "Tove Marsh" })
      const draft = yield* referrals.createDraft(staff.socialWorker, form)
      const agreement = {
        content: exampleDecision(nso, "care_proceedings", "approve", { actionsDue: "2027-06-04" as LocalDate, key: "child-a" }),
        whyOutsidePanel: "The children could not wait for the next sitting",
        timescales: "Agreed for two weeks, then reviewed"
      }
      const proposal = yield* decisions.recordOutsidePanel(staff.headOfService, draft.id, agreement)
      expect(proposal.status).toBe("awaiting_agreement")

      // Overnight the social worker adds the child's brother to the draft.
      const brother = { ...form.children[0]!, childId: ChildId.make("child-b"), fullName: "Ansel Marsh" }
      yield* referrals.editDraft(staff.socialWorker, draft.id, { ...form, children: [...form.children, brother] })
      yield* TestClock.setTime(london("2027-06-02", "09:00").epochMillis)
      expect(yield* refusalOf(decisions.agreeOutsidePanel(staff.assistantDirector, proposal.id))).toBe(
        "NotApplicable: The request has changed since this agreement outside panel was proposed: it was for child child-a (care proceedings under section 31), it is now for children child-a and child-b (care proceedings under section 31). Record the agreement again on the request as it stands."
      )
      expect((yield* decisions.get(staff.socialWorker, proposal.id)).status).toBe("awaiting_agreement")
      expect((yield* referrals.get(staff.socialWorker, draft.id)).hearings).toEqual([])

      const again = yield* decisions.recordOutsidePanel(staff.headOfService, draft.id, agreement)
      expect(again.subject.childIds).toEqual(["child-a", "child-b"])
      expect(yield* refusalOf(decisions.agreeOutsidePanel(staff.assistantDirector, again.id))).toBe("agreed")
      expect((yield* referrals.get(staff.socialWorker, draft.id)).hearings.map((hearing) => hearing.decisionId)).toEqual([again.id])
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )

  it("LIN-11: a case agreed only for a disabled child is refused once the request records no child as disabled; the same request as proposed is not", () => {
    const lin = preset("lincolnshire")
    // Only the subject of the proposal is read.
    const proposal = { subject: { referralId: ReferralId.make("ref_9"), childIds: [ChildId.make("child-m")], requestTypes: ["expenditure"] } } as unknown as Decision
    const asProposed = { childIds: [ChildId.make("child-m")], requestTypes: ["expenditure" as const], disabledChildIds: [ChildId.make("child-m")] }
    expect(requestChanged(proposal, asProposed, lin)).toBeUndefined()
    expect(requestChanged(proposal, { ...asProposed, disabledChildIds: [] }, lin)?.message).toBe(
      "The request no longer records a child as disabled, and this agreement outside panel covers tripartite funding for a disabled child in a 38-week educational placement (LIN-11). If a child is disabled, correct the request; if not, bring it to a sitting."
    )
    expect(requestChanged(proposal, { ...asProposed, requestTypes: ["expenditure", "s20_accommodation"] }, lin)?.message).toContain(
      "it was for child child-m (expenditure), it is now for child child-m (expenditure; accommodation under section 20)"
    )
  })
})
