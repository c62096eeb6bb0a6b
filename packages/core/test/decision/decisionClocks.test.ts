import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { describe, expect, it } from "@effect/vitest"
import { test } from "@fast-check/vitest"
import { DateTime } from "effect"
import fc from "fast-check"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { londonDateOf } from "../../src/calendar/londonTime.js"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { decisionClocks } from "../../src/decision/decisionClocks.js"
import type { Decision } from "../../src/decision/Decision.js"
import { decisionDecider } from "../../src/decision/DecisionDecider.js"
import { fold } from "../../src/shared/decider.js"
import { ActionId, SittingId } from "../../src/shared/ids.js"
import { contextOf, london } from "../fixtures.js"
import { content, decisionId, decisionsAt, subject } from "./fixtures.js"

const lin = decisionsAt("lincolnshire")
const at = (now: DateTime.Utc) => ({ now, dueSoonHours: 48 })
const noSlot = { nextSittingStartsAt: undefined, presentedAt: undefined }
const decisionOf = (events: ReturnType<typeof lin.signed>) => fold(decisionDecider, events) as Decision

describe("decision clocks", () => {
  it("LIN-9: an FGC referral not received escalates at 5 and then 7 working days after the sitting", () => {
    const clocks = deadlinesOf({ referrals: [], sittings: [], decisions: [decisionOf(lin.signed())] }, contextOf("lincolnshire"), at(london("2027-06-17", "09:00")))
    const fgc = clocks.filter((deadline) => deadline.ruleId === "LIN-9")
    expect(fgc.map((deadline) => [deadline.state, deadline.explanation])).toEqual([
      ["overdue", "due 17:00 Wed 16 Jun 2027 - LIN-9: 17:00, 5 working days after the sitting on Wed 9 Jun 2027"],
      ["due_soon", "due 17:00 Fri 18 Jun 2027 - LIN-9: 17:00, 7 working days after the sitting on Wed 9 Jun 2027"]
    ])
  })

  it("LIN-6: the actions case note is due a month after the sitting; CPR-8 / LIN-5 actions on the date the panel set", () => {
    const clocks = deadlinesOf({ referrals: [], sittings: [], decisions: [decisionOf(lin.signed())] }, contextOf("lincolnshire"), at(london("2027-06-10", "09:00")))
    expect(clocks.find((deadline) => deadline.ruleId === "LIN-6")!.explanation).toBe("due 13:00 Fri 9 Jul 2027 - LIN-6: 1 month after the sitting on Wed 9 Jun 2027")
    expect(clocks.find((deadline) => deadline.about.id === "act_2")!.explanation).toBe(
      "due 17:00 Fri 11 Jun 2027 - LIN-5: the date set for this action at the sitting on Wed 9 Jun 2027"
    )
  })

  it("LIN-5, LIN-7: the return to panel is met by a later hearing or closed by a case note", () => {
    const decision = decisionOf(lin.signed({ returnToPanel: { withinWeeks: 6, ruleId: "LIN-7" } }))
    const returnClock = (hearings: ReadonlyArray<{ referralId: string; heardAt: DateTime.Utc }>) =>
      decisionClocks(decision, contextOf("lincolnshire"), hearings, noSlot).find((clock) => clock.id.endsWith(":return"))!
    expect(returnClock([]).metAt).toBeUndefined()
    expect(returnClock([{ referralId: "ref_1", heardAt: london("2027-07-07", "13:00") }]).metAt).toBeDefined()
    expect(returnClock([{ referralId: "ref_other", heardAt: london("2027-07-07", "13:00") }]).metAt).toBeUndefined()
  })

  it("NSO-9: an approved start of pre-proceedings is reviewed by panel between 8 and 10 weeks, and the explanation shows the window", () => {
    const nso = decisionsAt("north-somerset")
    const decision = decisionOf(nso.recorded({ minutes: undefined, agreed: { preProceedings: true } }, ["pre_proceedings"]))
    const clocks = deadlinesOf({ referrals: [], sittings: [], decisions: [decision] }, contextOf("north-somerset"), at(london("2027-06-10", "09:00")))
    expect(clocks.find((deadline) => deadline.ruleId === "NSO-9")!.explanation).toBe(
      "due 13:00 Wed 18 Aug 2027 - NSO-9: between 13:00 Wed 4 Aug 2027 and 13:00 Wed 18 Aug 2027 (8 weeks to 10 weeks after the sitting on Wed 9 Jun 2027, which ratified pre-proceedings)"
    )
  })

  describe("NSO-9: reviews from entry and from each review", () => {
    const nso = decisionsAt("north-somerset")
    const entry = decisionOf(nso.recorded({ minutes: undefined, agreed: { preProceedings: true } }, ["pre_proceedings"]))
    const heardOn = (date: string, overrides: Partial<Decision> = {}): Decision => ({ ...entry, id: `dec_${date}` as Decision["id"], heardAt: london(date, "13:00"), ...overrides })
    const reviews = (decisions: ReadonlyArray<Decision>, now = london("2027-12-01", "09:00")) =>
      deadlinesOf({ referrals: [], sittings: [], decisions }, contextOf("north-somerset"), at(now)).filter((deadline) => deadline.ruleId === "NSO-9")

    it("an unrelated earlier hearing of the request (a deferral back, three weeks in) does not meet the review", () => {
      const early = heardOn("2027-06-30", { content: { ...entry.content, outcome: "defer" } })
      const [fromEntry] = reviews([entry, early], london("2027-08-19", "09:00"))
      expect(fromEntry).toMatchObject({ about: { id: entry.id }, state: "overdue" })
    })

    it("an agreement outside panel on the request does not meet it; a sitting inside the window does", () => {
      const outside = heardOn("2027-08-11", { madeAt: "outside_panel", sittingId: undefined })
      expect(reviews([entry, outside], london("2027-08-19", "09:00")).find((deadline) => deadline.about.id === entry.id)?.state).toBe("overdue")
      const review = heardOn("2027-08-11")
      expect(reviews([entry, review]).find((deadline) => deadline.about.id === entry.id)).toMatchObject({ state: "met", metLate: false })
    })

    it("the review that keeps the child in pre-proceedings starts the next window, 8-10 weeks from it; one that ends them does not", () => {
      const review = heardOn("2027-08-11")
      const next = reviews([entry, review]).find((deadline) => deadline.about.id === review.id)!
      expect(next.explanation).toBe(
        "due 13:00 Wed 20 Oct 2027 - NSO-9: between 13:00 Wed 6 Oct 2027 and 13:00 Wed 20 Oct 2027 (8 weeks to 10 weeks after the sitting on Wed 11 Aug 2027, which ratified pre-proceedings)"
      )
      const ended = heardOn("2027-08-11", { content: { ...entry.content, agreed: { preProceedings: false } } })
      expect(reviews([entry, ended]).map((deadline) => deadline.about.id)).toEqual([entry.id])
    })
  })

  const placedAt = fc.date({ min: new Date("2018-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true })

  test.prop([placedAt, fc.integer({ min: -72, max: 72 })])(
    "LIN-12: the letter is due 48 elapsed hours after the placement, the FGC and Early Help referrals 48 after the agreement, the supervision 48 after whichever came first (\"agreed/made\"), clock changes included",
    (date, hoursAfterPlacement) => {
    const placed = DateTime.unsafeMake(date)
    const agreed = DateTime.add(placed, { hours: hoursAfterPlacement })
    const history = lin.spec.play([
      lin.cmd("assistantDirector", {
        _tag: "RecordOutsidePanelAgreement", decisionId, subject: subject(), content: content({ actions: [{ actionId: ActionId.make("a"), description: "Placement planning meeting", ownerRole: "social_worker", dueDate: "2031-12-31" as LocalDate, fgcReferral: false }] }),
        whyOutsidePanel: "urgent", timescales: "2 weeks", placedAt: placed
      }, agreed)
    ])
    const clocks = deadlinesOf({ referrals: [], sittings: [], decisions: [decisionOf(history)] }, contextOf("lincolnshire"), at(placed)).filter((deadline) => deadline.ruleId === "LIN-12")
    const hoursFrom = (anchor: DateTime.Utc, task: string) => DateTime.distance(anchor, clocks.find((clock) => clock.id.endsWith(`:s20:${task}`))!.due) / 3_600_000
    expect(clocks).toHaveLength(4)
    const first = DateTime.min(placed, agreed)
    expect([hoursFrom(first, "supervision"), hoursFrom(placed, "parents_letter"), hoursFrom(agreed, "fgc_referral"), hoursFrom(agreed, "early_help_referral")]).toEqual([48, 48, 48, 48])
  })

  test.prop([fc.date({ min: new Date("2018-01-01T00:00:00Z"), max: new Date("2030-12-01T00:00:00Z"), noInvalidDate: true })])(
    "LIN-9: FGC escalation clocks never fall on a non-working day",
    (date) => {
      const heard = DateTime.unsafeMake(date)
      const decision = { ...decisionOf(lin.signed()), heardAt: heard, sittingId: SittingId.make("s") }
      for (const clock of decisionClocks(decision, contextOf("lincolnshire"), [], noSlot).filter((spec) => spec.rule.ruleId === "LIN-9")) {
        const due = deadlinesOf({ referrals: [], sittings: [], decisions: [decision] }, contextOf("lincolnshire"), at(heard)).find((d) => d.id === clock.id)!.due
        expect(englandAndWales.isWorkingDay(londonDateOf(due))).toBe(true)
      }
    }
  )
})
