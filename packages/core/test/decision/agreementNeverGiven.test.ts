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
import { requestWithPapers } from "../../src/testing/readyRequest.js"
import { london } from "../fixtures.js"

// NSO-10: an emergency decision outside panel is agreed with the Head of Service AND the Assistant Director. When the
// Assistant Director will not agree, nothing records it: the proposal waits for an agreement for ever. Edits are
// refused once the Head of Service has agreed, amendments until it is final, and no command declines it. If the
// request is then withdrawn (the family found their own arrangement), nothing hears it again, so the proposal never
// lapses (see agreementOvertakenByThePanel.test.ts) and its never-agreed actions stay overdue on the social worker's
// and team manager's lists.
//
// Proposed fix (a product decision, so not built here): a command by which a holder of a pending agreement's role
// declines it, with a reason (e.g. `DeclineOutsidePanel`, event `OutsidePanelAgreementDeclined`, status
// "not_agreed"), which closes the proposal like a lapse (no clocks; AgreeOutsidePanel refused after it); and/or the
// request's withdrawal lapsing its pending proposals, noted on them as later hearings are.

const nso = preset("north-somerset")
const staff = staffOf("north-somerset")

describe("an agreement outside panel the Assistant Director will not give", () => {
  it.effect.fails("NSO-10: once the request is withdrawn, the proposal the Assistant Director never agreed leaves no action overdue", () =>
    Effect.gen(function* () {
      const [referrals, decisions, deadlines] = yield* Effect.all([Referrals, Decisions, Deadlines])
      yield* TestClock.setTime(london("2027-06-01", "09:00").epochMillis)
      const request = yield* requestWithPapers(nso, "care_proceedings", { id: "child-w", name: "Rowan Tilbury" })
      const content = exampleDecision(nso, "care_proceedings", "approve", { actionsDue: "2027-06-04" as LocalDate, key: "proposal" })
      const proposal = yield* decisions.recordOutsidePanel(staff.headOfService, request.id, {
        content,
        whyOutsidePanel: "The child could not wait for the next sitting",
        timescales: "Agreed for two weeks, then reviewed"
      })
      expect(proposal.status).toBe("awaiting_agreement")

      // The Assistant Director does not agree; neither an edit nor an amendment can take the actions off.
      yield* TestClock.setTime(london("2027-06-02", "09:00").epochMillis)
      const edit = yield* Effect.either(decisions.edit(staff.assistantDirector, proposal.id, { ...content, actions: [] }))
      expect(edit._tag === "Left" ? edit.left._tag : "edited").toBe("DecisionIsFinal")
      const amend = yield* Effect.either(decisions.amend(staff.assistantDirector, proposal.id, { content: { ...content, actions: [] }, whatChanged: "Actions", why: "Not agreed" }))
      expect(amend._tag === "Left" ? amend.left._tag : "amended").toBe("DecisionNotFinal")
      yield* referrals.withdraw(staff.socialWorker, request.id, "The children's aunt is caring for them; no proceedings are needed")

      // A month on, nothing the panel or an approver agreed is owed.
      yield* TestClock.setTime(london("2027-07-05", "09:00").epochMillis)
      const overdue = (yield* deadlines.forAuthority(staff.administrator)).filter((deadline) => deadline.about.kind === "action")
      expect(overdue.map((deadline) => `${deadline.title}: ${deadline.state}`)).toEqual([])
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )
})
