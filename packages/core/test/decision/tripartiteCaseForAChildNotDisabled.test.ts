import { describe, expect, it } from "@effect/vitest"
import { Effect, FastCheck as fc, TestClock } from "effect"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { preset } from "../../src/policy/authorities/index.js"
import type { RequestType } from "../../src/policy/RequestType.js"
import type { Referral } from "../../src/referral/Referral.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { ChildId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleDecision } from "../../src/testing/exampleDecision.js"
import { exampleForm } from "../../src/testing/exampleForm.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { requestWithPapers } from "../../src/testing/readyRequest.js"
import { london } from "../fixtures.js"

// LIN-11 lets expenditure be agreed outside panel only as "tripartite funding for a disabled child in a 38-week
// educational placement"; whoever records the agreement confirms that case (confirmsCase). Carepanel accepted the
// confirmation even where the request recorded no child as disabled, so the record, which may be read in court, said
// the agreement was for a disabled child against the request's own facts. It is now refused: the request is corrected
// (returned for changes if it was submitted, the child marked as disabled, submitted again) or brought to a sitting.
// Urgent accommodation and legal proceedings are LIN-11's whether or not a child is disabled.

const lin = preset("lincolnshire")
const staff = staffOf("lincolnshire")
const tripartite = "tripartite funding for a disabled child in a 38-week educational placement"

/** The service manager records an agreement outside panel on `request`, confirming LIN-11's case. */
const recordConfirmed = (request: Referral) =>
  Effect.gen(function* () {
    const [first, ...rest] = request.form.requestTypes.map((type) => exampleDecision(lin, type, "approve", { actionsDue: "2027-06-14" as LocalDate, key: request.id }))
    const agreed = Object.assign({}, first!.agreed, ...rest.map((content) => content.agreed))
    const attempt = yield* Effect.either(
      (yield* Decisions).recordOutsidePanel(staff.serviceManager, request.id, {
        content: { ...first!, agreed },
        whyOutsidePanel: "The school place starts on Monday",
        timescales: "For the school year",
        confirmsCase: true
      })
    )
    return attempt._tag === "Left" ? `${attempt.left._tag}: ${attempt.left.message}` : `agreed under ${attempt.right.outsidePanel?.ruleId}, ${attempt.right.status}`
  })

const notDisabled = (rest = "") =>
  `NotApplicable: The request records no child as disabled, and an agreement outside panel covers expenditure only as ${tripartite} (LIN-11). If a child is disabled, correct the request (return it for changes if it was submitted, mark the child as disabled and submit it again), then record the agreement again; if not, bring it to a sitting${rest}.`

/** A draft for `types` about one fictional child per flag, each recorded as disabled or not as its flag says. */
const draftFor = (types: readonly [RequestType, ...Array<RequestType>], disabled: ReadonlyArray<boolean>) => {
  const form = { ...exampleForm(lin.panels[0].id, types[0], { id: "child-p0", name: "Marlo Quint" }), requestTypes: types }
  const names = ["Marlo Quint", "Ives Harrow", "Tamar Kell", "Oren Vale"]
  const children = disabled.map((flag, i) => ({ ...form.children[0]!, childId: ChildId.make(`child-p${i}`), fullName: names[i]!, disabled: flag }))
  return Effect.flatMap(Referrals, (referrals) => referrals.createDraft(staff.socialWorker, { ...form, children }))
}

describe("tripartite funding confirmed for a child the request does not record as disabled (LIN-11)", () => {
  it.effect("is refused, naming the request's fact, and nothing is recorded; once the request is corrected the same agreement is recorded", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(london("2027-06-01", "09:00").epochMillis)
      const referrals = yield* Referrals
      const request = yield* requestWithPapers(lin, "expenditure", { id: "child-m", name: "Marlo Quint" })
      expect(request.form.children.map((child) => child.disabled)).toEqual([false])
      expect(yield* recordConfirmed(request)).toBe(notDisabled())
      const untouched = yield* referrals.get(staff.socialWorker, request.id)
      expect({ status: untouched.status, hearings: untouched.hearings }).toEqual({ status: "ready", hearings: [] })

      // The correction the refusal names: returned for changes, the child marked as disabled, submitted and approved again.
      yield* referrals.returnForChanges(staff.serviceManager, request.id, "Marlo is disabled: please record it on the request")
      yield* referrals.editDraft(staff.socialWorker, request.id, { ...request.form, children: request.form.children.map((child) => ({ ...child, disabled: true })) })
      yield* referrals.submit(staff.socialWorker, request.id)
      const corrected = yield* referrals.approve(staff.teamManager, request.id)
      expect(yield* recordConfirmed(corrected)).toBe("agreed under LIN-11, final")
    }).pipe(Effect.provide(inMemoryCore(lin)))
  )

  it.effect("legal proceedings and urgent accommodation are agreed outside panel for a child not recorded as disabled; tripartite funding beside them is not", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(london("2027-06-01", "09:00").epochMillis)
      const proceedings = yield* requestWithPapers(lin, "care_proceedings", { id: "child-q", name: "Quin Ashby" })
      expect(yield* recordConfirmed(proceedings)).toBe("agreed under LIN-11, final")
      const accommodation = yield* requestWithPapers(lin, "s20_accommodation", { id: "child-r", name: "Rue Calder" })
      const agreed = yield* (yield* Decisions).recordOutsidePanel(staff.assistantDirector, accommodation.id, {
        content: exampleDecision(lin, "s20_accommodation", "approve", { actionsDue: "2027-06-14" as LocalDate, key: accommodation.id }),
        whyOutsidePanel: "Mother was admitted to hospital overnight",
        timescales: "Accommodation for 6 weeks",
        placedAt: london("2027-06-01", "07:00"),
        confirmsCase: true
      })
      expect(`agreed under ${agreed.outsidePanel?.ruleId}, ${agreed.status}`).toBe("agreed under LIN-11, final")

      const both = yield* draftFor(["care_proceedings", "expenditure"], [false])
      expect(yield* recordConfirmed(both)).toBe(notDisabled(", or record the rest as its own request"))
    }).pipe(Effect.provide(inMemoryCore(lin)))
  )

  it.effect.prop(
    "for any children with any disabled flags, the confirmed tripartite case is agreed exactly when the request records one as disabled",
    [fc.array(fc.boolean(), { minLength: 1, maxLength: 4 })],
    ([disabled]) =>
      Effect.gen(function* () {
        yield* TestClock.setTime(london("2027-06-01", "09:00").epochMillis)
        const request = yield* draftFor(["expenditure"], disabled)
        expect(yield* recordConfirmed(request)).toBe(disabled.includes(true) ? "agreed under LIN-11, final" : notDisabled())
      }).pipe(Effect.provide(inMemoryCore(lin))),
    { fastCheck: { numRuns: 30 } }
  )
})
