import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer, TestClock } from "effect"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { Documents } from "../../src/documents/Documents.js"
import { textOf } from "../../src/documents/DocumentModel.js"
import { preset } from "../../src/policy/authorities/index.js"
import { decodePolicy } from "../../src/policy/loadPolicy.js"
import type { RequestType } from "../../src/policy/RequestType.js"
import type { Referral } from "../../src/referral/Referral.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { ChildId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleDecision } from "../../src/testing/exampleDecision.js"
import { exampleForm } from "../../src/testing/exampleForm.js"
import { InMemoryAccessLog } from "../../src/testing/InMemoryAccessLog.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { requestWithPapers } from "../../src/testing/readyRequest.js"
import { london } from "../fixtures.js"

// LIN-11: outside panel the locality service manager may agree urgent accommodation or legal proceedings, "or tripartite
// funding for a disabled child in a 38-week educational placement". Nothing else. The Lincolnshire preset let the service
// manager agree any expenditure (and any "other" request) outside panel, citing LIN-11: a service manager alone could
// agree GBP 1,800 a year of family support for a child who is not disabled, between sittings, and the decision sheet
// said LIN-11 allowed it. Carepanel cannot tell LIN-11's narrow case from the request (it records neither tripartite
// funding at Lincolnshire nor a 38-week educational placement), so it was then read strictly: every expenditure was
// refused outside panel, and the legitimate tripartite case waited for a sitting. Now whoever records the agreement
// confirms the case (`confirmsCase`): the service manager agrees it, and the record, its sheet and the API say which
// case was confirmed. Without the confirmation the refusal names the case and how to confirm it.

const lin = preset("lincolnshire")
const staff = staffOf("lincolnshire")

const agreeOutsidePanel = (request: Referral, type: RequestType, confirmsCase?: boolean) =>
  Effect.gen(function* () {
    const decisions = yield* Decisions
    return yield* Effect.either(
      decisions.recordOutsidePanel(staff.serviceManager, request.id, {
        content: exampleDecision(lin, type, "approve", { actionsDue: "2027-06-14" as LocalDate, key: request.id }),
        whyOutsidePanel: "The family support worker starts on Monday",
        timescales: "For one year",
        ...(confirmsCase === undefined ? {} : { confirmsCase })
      })
    )
  })

const outcome = (attempt: Effect.Effect.Success<ReturnType<typeof agreeOutsidePanel>>) =>
  attempt._tag === "Right" ? `agreed under ${attempt.right.outsidePanel?.ruleId}, ${attempt.right.status}` : `${attempt.left._tag}: ${attempt.left.message}`

const tripartite = "tripartite funding for a disabled child in a 38-week educational placement"
const narrowCase = `NotApplicable: An agreement outside panel covers expenditure only as ${tripartite} (LIN-11). Carepanel cannot tell that case from the request: if this request is that case, record the agreement confirming it (confirmsCase); if not, bring it to a sitting, or record the rest as its own request.`

describe("expenditure agreed outside panel at Lincolnshire", () => {
  it.effect("LIN-11: a service manager cannot agree, outside panel, expenditure for a child who is not disabled", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(london("2027-06-01", "09:00").epochMillis)
      const request = yield* requestWithPapers(lin, "expenditure", { id: "child-f", name: "Frankie Holt" })
      expect(request.form.children.map((child) => child.disabled)).toEqual([false])
      // Refused on the request's own facts, confirmed or not: it is not asked to confirm a case they rule out.
      for (const confirmsCase of [undefined, true]) {
        expect(outcome(yield* agreeOutsidePanel(request, "expenditure", confirmsCase))).toBe(
          `NotApplicable: The request records no child as disabled, and an agreement outside panel covers expenditure only as ${tripartite} (LIN-11). If a child is disabled, correct the request (return it for changes if it was submitted, mark the child as disabled and submit it again), then record the agreement again; if not, bring it to a sitting.`
        )
      }
    }).pipe(Effect.provide(inMemoryCore(lin)))
  )

  it.effect("LIN-11: nor for a disabled child unless the case is confirmed; an 'other' request is not LIN-11's at all, confirmed or not", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(london("2027-06-01", "09:00").epochMillis)
      const referrals = yield* Referrals
      const form = exampleForm(lin.panels[0].id, "expenditure", { id: "child-g", name: "Gale Ormsby" })
      const disabled = yield* referrals.createDraft(staff.socialWorker, { ...form, children: form.children.map((child) => ({ ...child, disabled: true })) })
      expect(outcome(yield* agreeOutsidePanel(disabled, "expenditure"))).toBe(narrowCase)
      expect(outcome(yield* agreeOutsidePanel(disabled, "expenditure", false))).toBe(narrowCase)
      const other = yield* requestWithPapers(lin, "other", { id: "child-h", name: "Harper Quill" })
      expect(outcome(yield* agreeOutsidePanel(other, "other", true))).toBe(
        "NotApplicable: This authority does not agree these requests outside panel (LIN-11): bring them to a sitting."
      )
      // Legal proceedings stay LIN-11's: the service manager agrees them alone.
      const proceedings = yield* requestWithPapers(lin, "care_proceedings", { id: "child-i", name: "Indy Rask" })
      expect(outcome(yield* agreeOutsidePanel(proceedings, "care_proceedings"))).toBe("agreed under LIN-11, final")
    }).pipe(Effect.provide(inMemoryCore(lin)))
  )

  it.effect("LIN-11: the service manager who confirms the case agrees tripartite funding outside panel alone; the record, its sheet and every later read say which case was confirmed", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(london("2027-06-01", "09:00").epochMillis)
      const [referrals, decisions, documents] = yield* Effect.all([Referrals, Decisions, Documents])
      const form = exampleForm(lin.panels[0].id, "expenditure", { id: "child-j", name: "Jude Penrose" })
      const request = yield* referrals.createDraft(staff.socialWorker, { ...form, children: form.children.map((child) => ({ ...child, disabled: true })) })
      const agreed = yield* agreeOutsidePanel(request, "expenditure", true)
      expect(outcome(agreed)).toBe("agreed under LIN-11, final")
      if (agreed._tag === "Left") return
      const decision = yield* decisions.get(staff.administrator, agreed.right.id)
      expect(decision.outsidePanel?.confirmedCases).toEqual([tripartite])
      expect(decision.outsidePanel?.agreements.map((agreement) => `${agreement.by.name} (${agreement.role})`)).toEqual(["Owen Ellery (service_manager)"])
      const sheet = yield* documents.decisionSheet({ actor: staff.socialWorker, identityGranted: false, purpose: "Sheet" }, decision.id, ChildId.make("child-j"))
      const text = textOf(sheet)
      expect(text[text.indexOf("Agreed only as") + 1]).toBe(`${tripartite}, as Owen Ellery confirmed in recording it (LIN-11)`)

      // Care proceedings with tripartite funding on one request: the service manager's one agreement covers both.
      const proceedingsForm = exampleForm(lin.panels[0].id, "care_proceedings", { id: "child-n", name: "Noor Halden" })
      const both = yield* referrals.createDraft(staff.socialWorker, {
        ...proceedingsForm,
        children: proceedingsForm.children.map((child) => ({ ...child, disabled: true })),
        requestTypes: ["care_proceedings", "expenditure"]
      })
      const [proceedingsAgreed, fundingAgreed] = (["care_proceedings", "expenditure"] as const).map((type) => exampleDecision(lin, type, "approve", { actionsDue: "2027-06-14" as LocalDate, key: both.id }))
      const together = yield* Effect.either(
        decisions.recordOutsidePanel(staff.serviceManager, both.id, {
          content: { ...proceedingsAgreed!, agreed: { ...proceedingsAgreed!.agreed, ...fundingAgreed!.agreed } },
          whyOutsidePanel: "Proceedings are issued tomorrow and the school place starts on Monday",
          timescales: "For the school year",
          confirmsCase: true
        })
      )
      expect(outcome(together)).toBe("agreed under LIN-11, final")

      // A confirmation asked of no type is not kept: legal proceedings are LIN-11's whatever is confirmed.
      const proceedings = yield* requestWithPapers(lin, "care_proceedings", { id: "child-k", name: "Kit Arden" })
      const plain = yield* agreeOutsidePanel(proceedings, "care_proceedings", true)
      expect(plain._tag === "Right" ? plain.right.outsidePanel?.confirmedCases : "refused").toBeUndefined()
    }).pipe(Effect.provide(Documents.Default.pipe(Layer.provideMerge(inMemoryCore(lin)), Layer.provideMerge(InMemoryAccessLog))))
  )

  it.effect("LIN-11: a policy file written before cases could be confirmed (onlyInCasesNotRecorded, no one named to agree expenditure) is still read, and still agrees no expenditure outside panel", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(london("2027-06-01", "09:00").epochMillis)
      const request = yield* requestWithPapers(older, "expenditure", { id: "child-l", name: "Lark Denby" })
      expect(outcome(yield* agreeOutsidePanel(request, "expenditure", true))).toBe(
        "NotApplicable: This authority does not agree these requests outside panel (LIN-11): bring them to a sitting."
      )
    }).pipe(Effect.provide(inMemoryCore(older)))
  )
})

/** Lincolnshire as a file read it before the case could be confirmed: legal proceedings and accommodation only. */
const older = Effect.runSync(
  decodePolicy({
    extends: "lincolnshire",
    outsidePanel: {
      approvers: lin.outsidePanel.approvers.map((entry) => ({ ...entry, forRequestTypes: entry.forRequestTypes?.filter((type) => type !== "expenditure") })),
      onlyInCasesNotRecorded: [{ forRequestTypes: ["expenditure"], onlyAs: tripartite }]
    }
  })
)
