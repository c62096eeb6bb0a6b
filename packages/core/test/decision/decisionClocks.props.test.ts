import { describe, expect } from "@effect/vitest"
import { test } from "@fast-check/vitest"
import { DateTime } from "effect"
import fc from "fast-check"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { addDays, addMonths, type LocalDate, localDate } from "../../src/calendar/LocalDate.js"
import { atLondon, londonDateOf, londonTimeOf, type TimeOfDay } from "../../src/calendar/londonTime.js"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import type { Deadline } from "../../src/deadlines/Deadline.js"
import type { Decision } from "../../src/decision/Decision.js"
import { decisionDecider } from "../../src/decision/DecisionDecider.js"
import { decisionClocks } from "../../src/decision/decisionClocks.js"
import { fold } from "../../src/shared/decider.js"
import { ActionId, ReferralId } from "../../src/shared/ids.js"
import { dateArb } from "../calendar/arbitraries.js"
import { contextOf, london } from "../fixtures.js"
import { content, decisionId, decisionsAt, heldSitting, subject } from "./fixtures.js"

const lin = decisionsAt("lincolnshire")
const nso = decisionsAt("north-somerset")
const decisionOf = (events: ReturnType<typeof lin.signed>) => fold(decisionDecider, events) as Decision
const noSlot = { nextSittingStartsAt: undefined, presentedAt: undefined }

/** The end of a sitting on any day 2018-2030 (bank holidays are pinned to 2030), in office hours. */
const heardArb = fc
  .record({ date: dateArb.filter((date) => date <= "2030-09-30"), hour: fc.integer({ min: 9, max: 17 }) })
  .map(({ date, hour }) => atLondon(date, `${String(hour).padStart(2, "0")}:00` as TimeOfDay))

const deadlines = (decision: Decision, slug: Parameters<typeof contextOf>[0] = "lincolnshire"): ReadonlyArray<Deadline> =>
  deadlinesOf({ referrals: [], sittings: [], decisions: [decision] }, contextOf(slug), { now: decision.heardAt, dueSoonHours: 48 })
const heardOn = (decision: Decision, heardAt: DateTime.Utc): Decision => ({ ...decision, heardAt })

describe("decision clocks, for any day the panel sits", () => {
  test.prop([heardArb])("LIN-6: the actions case note is due a calendar month after the sitting, on a working day, at the sitting's hour", (heard) => {
    const due = deadlines(heardOn(decisionOf(lin.signed()), heard)).find((deadline) => deadline.ruleId === "LIN-6")!.due
    const monthOn = addMonths(londonDateOf(heard), 1)
    expect(englandAndWales.isWorkingDay(londonDateOf(due))).toBe(true)
    expect(englandAndWales.isWorkingDay(monthOn) ? londonDateOf(due) : englandAndWales.nextWorkingDay(monthOn)).toBe(londonDateOf(due))
    expect(londonTimeOf(due)).toBe(londonTimeOf(heard))
  })

  test.prop([heardArb])("NSO-9: pre-proceedings come back between 8 and 10 weeks after the sitting, at the sitting's hour", (heard) => {
    const decision = heardOn(decisionOf(nso.recorded({ minutes: undefined, agreed: { preProceedings: true } }, ["pre_proceedings"])), heard)
    const due = deadlines(decision, "north-somerset").find((deadline) => deadline.ruleId === "NSO-9")!.due
    expect(londonDateOf(due)).toBe(addDays(londonDateOf(heard), 70))
    expect(londonTimeOf(due)).toBe(londonTimeOf(heard))
  })

  test.prop([heardArb, fc.integer({ min: 1, max: 52 }), fc.option(fc.integer({ min: -30, max: 400 }), { nil: undefined }), fc.boolean()])(
    "CPR-10, LIN-7: the return to panel is due its weeks after the sitting, met only by a later hearing of the same request or a case note",
    (heard, weeks, reheardAfterDays, waived) => {
      const signed = heardOn(decisionOf(lin.signed({ returnToPanel: { withinWeeks: weeks, ruleId: "LIN-7" } })), heard)
      const decision = waived ? { ...signed, returnWaived: { caseNote: "Progress made", by: signed.recordedBy, at: heard } } : signed
      const later = reheardAfterDays === undefined ? [] : [{ referralId: ReferralId.make("ref_1"), heardAt: DateTime.unsafeMake(DateTime.toEpochMillis(heard) + reheardAfterDays * 86_400_000) }]
      const back = decisionClocks(decision, contextOf("lincolnshire"), later, noSlot).find((clock) => clock.id.endsWith(":return"))!
      const due = deadlines(decision).find((deadline) => deadline.id === back.id)!.due
      expect(londonDateOf(due)).toBe(addDays(londonDateOf(heard), weeks * 7))
      expect(back.metAt !== undefined).toBe(waived || (reheardAfterDays !== undefined && reheardAfterDays > 0))
    }
  )

  test.prop([heardArb, fc.integer({ min: 1, max: 104 })])("CPR-10, LIN-5: agreed accommodation comes back to panel before its weeks run out", (heard, weeks) => {
    const decision = heardOn(decisionOf(lin.signed({ agreed: { accommodationWeeks: weeks, placement: "in_house_foster" } })), heard)
    const review = deadlines(decision).find((deadline) => deadline.id.endsWith(":accommodation-review"))!
    expect(londonDateOf(review.due)).toBe(addDays(londonDateOf(heard), weeks * 7))
    expect(review.ruleId).toBe("LIN-5")
  })

  test.prop([heardArb, fc.integer({ min: 1, max: 60 * 24 * 21 }), fc.boolean()])(
    "NSO-10: an agreement outside panel is due at the first sitting after it, met when presented there",
    (agreedAt, minutesToSitting, presented) => {
      const later = { actionId: ActionId.make("a"), description: "Placement planning meeting", ownerRole: "social_worker" as const, dueDate: localDate("2031-01-01"), fgcReferral: false }
      const history = nso.spec.play([
        nso.cmd("headOfService", { _tag: "RecordOutsidePanelAgreement", decisionId, subject: subject(), content: content({ minutes: undefined, actions: [later] }), whyOutsidePanel: "Urgent", timescales: "Two weeks", placedAt: agreedAt }, agreedAt),
        nso.cmd("assistantDirector", { _tag: "AgreeOutsidePanel" }, agreedAt)
      ])
      const next = DateTime.unsafeMake(DateTime.toEpochMillis(agreedAt) + minutesToSitting * 60_000)
      const slot = { nextSittingStartsAt: next, presentedAt: presented ? next : undefined }
      const clock = decisionClocks(decisionOf(history), contextOf("north-somerset"), [], slot).find((spec) => spec.id.endsWith(":retrospective"))!
      expect(clock.rule).toMatchObject({ ruleId: "NSO-10", fixed: { due: next } })
      expect(clock.metAt !== undefined).toBe(presented)
    }
  )

  test.prop([fc.integer({ min: -10, max: 120 })])(
    "CPR-8, LIN-5: an action is due at 17:00 on the day the panel set, never before the sitting; the day itself is kept",
    (daysAfterSitting) => {
      const dueDate = addDays(localDate("2027-06-09"), daysAfterSitting) as LocalDate
      const action = { actionId: ActionId.make("a"), description: "Visit the family", ownerRole: "social_worker" as const, dueDate, fgcReferral: false }
      const decided = lin.spec.given([]).when(
        lin.cmd("administrator", { _tag: "RecordDecision", decisionId, subject: subject(), sitting: heldSitting("lincolnshire"), content: content({ actions: [action] }) })
      )
      if (daysAfterSitting < 0) {
        expect(decided.refusal()._tag).toBe("IncompleteDecision")
        return
      }
      const due = deadlines(decided.state()!).find((deadline) => deadline.about.id === "a")!.due
      expect(due).toEqual(atLondon(dueDate, "17:00" as TimeOfDay))
      expect(DateTime.greaterThan(due, london("2027-06-09", "13:00"))).toBe(true)
    }
  )
})
