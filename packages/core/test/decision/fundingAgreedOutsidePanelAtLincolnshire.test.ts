import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { preset } from "../../src/policy/authorities/index.js"
import type { RequestType } from "../../src/policy/RequestType.js"
import type { Referral } from "../../src/referral/Referral.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleDecision } from "../../src/testing/exampleDecision.js"
import { exampleForm } from "../../src/testing/exampleForm.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { requestWithPapers } from "../../src/testing/readyRequest.js"
import { london } from "../fixtures.js"

// LIN-11: outside panel the locality service manager may agree urgent accommodation or legal proceedings, "or tripartite
// funding for a disabled child in a 38-week educational placement". Nothing else. The Lincolnshire preset let the service
// manager agree any expenditure (and any "other" request) outside panel, citing LIN-11: a service manager alone could
// agree GBP 1,800 a year of family support for a child who is not disabled, between sittings, and the decision sheet
// said LIN-11 allowed it. Carepanel records neither tripartite funding at Lincolnshire (shared funding is refused
// without CPR-6's route) nor a 38-week educational placement, so it cannot tell LIN-11's narrow case: read strictly,
// expenditure is not agreed outside panel there, and the refusal says so; an "other" request is not named by LIN-11.

const lin = preset("lincolnshire")
const staff = staffOf("lincolnshire")

const agreeOutsidePanel = (request: Referral, type: RequestType) =>
  Effect.gen(function* () {
    const decisions = yield* Decisions
    return yield* Effect.either(
      decisions.recordOutsidePanel(staff.serviceManager, request.id, {
        content: exampleDecision(lin, type, "approve", { actionsDue: "2027-06-14" as LocalDate, key: request.id }),
        whyOutsidePanel: "The family support worker starts on Monday",
        timescales: "For one year"
      })
    )
  })

const outcome = (attempt: Effect.Effect.Success<ReturnType<typeof agreeOutsidePanel>>) =>
  attempt._tag === "Right" ? `agreed under ${attempt.right.outsidePanel?.ruleId}, ${attempt.right.status}` : `${attempt.left._tag}: ${attempt.left.message}`

const narrowCase =
  "NotApplicable: An agreement outside panel covers expenditure only as tripartite funding for a disabled child in a 38-week educational placement (LIN-11). Carepanel does not record that case, so it reads the rule strictly and does not agree expenditure outside panel: bring it to a sitting, or record the rest as its own request."

describe("expenditure agreed outside panel at Lincolnshire", () => {
  it.effect("LIN-11: a service manager cannot agree, outside panel, expenditure for a child who is not disabled", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(london("2027-06-01", "09:00").epochMillis)
      const request = yield* requestWithPapers(lin, "expenditure", { id: "child-f", name: "Frankie Holt" })
      expect(request.form.children.map((child) => child.disabled)).toEqual([false])
      expect(outcome(yield* agreeOutsidePanel(request, "expenditure"))).toBe(narrowCase)
    }).pipe(Effect.provide(inMemoryCore(lin)))
  )

  it.effect("LIN-11: nor, read strictly, for a disabled child, the case not being recorded; an 'other' request is not LIN-11's at all", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(london("2027-06-01", "09:00").epochMillis)
      const referrals = yield* Referrals
      const form = exampleForm(lin.panels[0].id, "expenditure", { id: "child-g", name: "Gale Ormsby" })
      const disabled = yield* referrals.createDraft(staff.socialWorker, { ...form, children: form.children.map((child) => ({ ...child, disabled: true })) })
      expect(outcome(yield* agreeOutsidePanel(disabled, "expenditure"))).toBe(narrowCase)
      const other = yield* requestWithPapers(lin, "other", { id: "child-h", name: "Harper Quill" })
      expect(outcome(yield* agreeOutsidePanel(other, "other"))).toBe(
        "NotApplicable: This authority does not agree these requests outside panel (LIN-11): bring them to a sitting."
      )
      // Legal proceedings stay LIN-11's: the service manager agrees them alone.
      const proceedings = yield* requestWithPapers(lin, "care_proceedings", { id: "child-i", name: "Indy Rask" })
      expect(outcome(yield* agreeOutsidePanel(proceedings, "care_proceedings"))).toBe("agreed under LIN-11, final")
    }).pipe(Effect.provide(inMemoryCore(lin)))
  )
})
