import { describe, expect, it } from "@effect/vitest"
import { DateTime } from "effect"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { type ClockSpec, toDeadline } from "../../src/deadlines/clock.js"
import { london } from "../fixtures.js"

const due = london("2027-06-09", "12:00")
const ms = (instant: DateTime.Utc, millis: number) => DateTime.add(instant, { millis })

/** An action due at noon on Wed 9 Jun 2027, set at a sitting (a fixed due instant, as a panel sets an action's date). */
const action = (extra: Partial<ClockSpec> = {}): ClockSpec => ({
  id: "dec_1:action:act_1",
  about: { kind: "action", id: "act_1" },
  title: "Write to the parents",
  rule: { ruleId: "LIN-5", fixed: { due, phrase: "the date set for this action at" } },
  anchor: london("2027-06-02", "13:00"),
  anchorText: "the sitting on Wed 2 Jun 2027",
  ...extra
})
const seen = (spec: ClockSpec, now: DateTime.Utc, dueSoonHours = 48) => toDeadline(spec, englandAndWales, { now, dueSoonHours })

describe("a clock's state at a given instant", () => {
  it("at the very instant it is due it is due soon; a millisecond later, overdue", () => {
    expect(seen(action(), due).state).toBe("due_soon")
    expect(seen(action(), ms(due, 1)).state).toBe("overdue")
  })

  it("due soon from exactly the window's length before it is due; pending a millisecond earlier", () => {
    const windowOpens = ms(due, -48 * 3_600_000)
    expect(seen(action(), windowOpens).state).toBe("due_soon")
    expect(seen(action(), ms(windowOpens, -1)).state).toBe("pending")
    expect(seen(action(), ms(due, -24 * 3_600_000), 12).state).toBe("pending")
  })

  it("met at the instant it is due is met in time; a millisecond after is met late, and the explanation says when", () => {
    expect(seen(action({ metAt: due }), ms(due, 5))).toMatchObject({ state: "met", metAt: due, metLate: false })
    expect(seen(action({ metAt: due }), ms(due, 5)).explanation).toBe("due 12:00 Wed 9 Jun 2027 - LIN-5: the date set for this action at the sitting on Wed 2 Jun 2027")
    const late = seen(action({ metAt: london("2027-06-09", "12:01") }), london("2027-06-10", "09:00"))
    expect(late).toMatchObject({ state: "met", metLate: true })
    expect(late.explanation).toBe("due 12:00 Wed 9 Jun 2027 - LIN-5: the date set for this action at the sitting on Wed 2 Jun 2027; met late, at 12:01 Wed 9 Jun 2027")
  })

  it("an unmet clock carries no met fields", () => {
    const open = seen(action(), london("2027-06-01", "09:00"))
    expect(open).toEqual({
      id: "dec_1:action:act_1",
      about: { kind: "action", id: "act_1" },
      title: "Write to the parents",
      ruleId: "LIN-5",
      due,
      state: "pending",
      explanation: "due 12:00 Wed 9 Jun 2027 - LIN-5: the date set for this action at the sitting on Wed 2 Jun 2027"
    })
  })

  it("CPR-11: a hard stop before the clock's own due time becomes the due time and says why; one at or after it changes nothing", () => {
    const stop = (instant: DateTime.Utc) => ({ notAfter: { instant, text: "the next sitting at 09:30" } })
    const capped = seen(action(stop(london("2027-06-09", "09:30"))), london("2027-06-01", "09:00"))
    expect(capped.due).toEqual(london("2027-06-09", "09:30"))
    expect(capped.explanation).toBe(
      "due 09:30 Wed 9 Jun 2027 - LIN-5: the next sitting at 09:30, which comes before the date set for this action at the sitting on Wed 2 Jun 2027"
    )
    for (const instant of [due, london("2027-06-16", "09:30")]) {
      expect(seen(action(stop(instant)), london("2027-06-01", "09:00"))).toMatchObject({
        due,
        explanation: "due 12:00 Wed 9 Jun 2027 - LIN-5: the date set for this action at the sitting on Wed 2 Jun 2027"
      })
    }
  })
})
