import { describe, expect, it } from "@effect/vitest"
import { test } from "@fast-check/vitest"
import { DateTime } from "effect"
import fc from "fast-check"
import { formatInstant } from "../../src/calendar/format.js"
import { addDays } from "../../src/calendar/LocalDate.js"
import { atLondon, londonDateOf, londonTimeOf, type TimeOfDay } from "../../src/calendar/londonTime.js"
import { childRecordClocks } from "../../src/childRecord/childRecordClocks.js"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { preset } from "../../src/policy/authorities/index.js"
import { clockChangeDays, instantArb } from "../calendar/arbitraries.js"
import { contextOf, london } from "../fixtures.js"
import { cmd, northSomerset, recordOf, } from "./fixtures.js"

const letter = (sentAt = london("2027-01-11", "10:00")) => cmd({ _tag: "RecordLetterBeforeProceedings", sentAt }, sentAt)
const issued = (issuedAt = london("2027-03-01", "10:00")) => cmd({ _tag: "RecordProceedingsIssued", issuedAt }, issuedAt)
const extend = (weeks: number, when = london("2027-08-20", "10:00")) => cmd({ _tag: "ExtendProceedings", weeks }, when)
const byId = (events: ReturnType<typeof northSomerset.play>, now = london("2027-03-01", "12:00")) =>
  Object.fromEntries(deadlinesOf({ referrals: [], sittings: [], childRecords: [recordOf(events)] }, contextOf("north-somerset"), { now, dueSoonHours: 48 }).map((d) => [d.id, d]))

describe("care proceedings and pre-proceedings (STAT-S31, STAT-PLO, NSO-9)", () => {
  it("STAT-S31: given proceedings issued, the timetable ends 26 weeks later; extensions of up to 8 weeks, one at a time, each from the end before", () => {
    const history = northSomerset.play([issued()])
    expect(byId(history)["child-1:proceedings-26w"]).toMatchObject({
      ruleId: "STAT-S31",
      explanation: "due 10:00 Mon 30 Aug 2027 - STAT-S31: 26 weeks after the issue of care proceedings at 10:00 Mon 1 Mar 2027"
    })
    expect(northSomerset.given(history).when(extend(9)).refusal()).toMatchObject({
      _tag: "ProceedingsRefused",
      message: "The court extends care proceedings by a whole number of weeks from 1 to 8 at a time, not 9 (STAT-S31)."
    })
    const twice = northSomerset.play([extend(8), extend(4, london("2027-10-20", "10:00"))], history)
    const clocks = byId(twice, london("2027-10-21", "09:00"))
    expect(clocks["child-1:proceedings-26w"]).toMatchObject({ state: "met" })
    expect(clocks["child-1:proceedings-extension:1"]).toMatchObject({ state: "met", due: london("2027-10-25", "10:00") })
    expect(clocks["child-1:proceedings-extension:2"]).toMatchObject({
      state: "pending",
      explanation: "due 10:00 Mon 22 Nov 2027 - STAT-S31: 4 weeks after the timetable's end at 10:00 Mon 25 Oct 2027 (extension 2; at most 8 weeks at a time)"
    })
    const done = northSomerset.play([cmd({ _tag: "RecordProceedingsConcluded" }, london("2027-11-01", "15:00"))], twice)
    expect(byId(done, london("2027-11-02", "09:00"))["child-1:proceedings-extension:2"]).toMatchObject({ state: "met" })
    expect(northSomerset.given(done).when(extend(2, london("2027-11-02", "09:00"))).refusal()).toMatchObject({ message: "There are no care proceedings under way to extend (STAT-S31)." })
    expect(northSomerset.given(history).when(issued(london("2027-03-02", "10:00"))).refusal()).toMatchObject({
      message: "Care proceedings were already issued at 10:00 Mon 1 Mar 2027 and have not concluded (STAT-S31)."
    })
  })

  it("STAT-PLO: 16 weeks from the letter is a clock that goes overdue, never a refusal; issuing proceedings meets it", () => {
    const history = northSomerset.play([letter()])
    const late = byId(history, london("2027-05-10", "09:00"))["child-1:plo-16w"]
    expect(late).toMatchObject({
      ruleId: "STAT-PLO",
      state: "overdue",
      explanation: "due 10:00 Mon 3 May 2027 - STAT-PLO: 16 weeks after the letter before proceedings at 10:00 Mon 11 Jan 2027"
    })
    // Issue after 17 weeks is recorded like any other: the guidance warns, it does not forbid.
    const issuedLate = northSomerset.play([issued(london("2027-05-10", "10:00"))], history)
    expect(byId(issuedLate, london("2027-05-10", "11:00"))["child-1:plo-16w"]).toMatchObject({ state: "met", metLate: true })
    expect(northSomerset.given(history).when(letter(london("2027-02-01", "10:00"))).refusal()).toMatchObject({
      message: "The child is already in pre-proceedings, since the letter at 10:00 Mon 11 Jan 2027 (STAT-PLO)."
    })
    const stepped = northSomerset.play([cmd({ _tag: "EndPreProceedings" }, london("2027-03-01", "09:00"))], history)
    expect(byId(stepped)["child-1:plo-16w"]).toMatchObject({ state: "met", metLate: false })
  })

  it("the panel's NSO-9 reviews are not the child record's clocks: those count from the hearing that agreed pre-proceedings (decisionClocks)", () => {
    const record = recordOf(northSomerset.play([letter()]))
    expect(childRecordClocks(record, [], preset("north-somerset")).map((clock) => clock.id)).toEqual(["child-1:plo-16w"])
  })

  const nearChange = fc.oneof(
    instantArb,
    fc
      .tuple(fc.constantFrom(...clockChangeDays), fc.constantFrom(-26 * 7, -16 * 7, -34 * 7, 0), fc.integer({ min: -2 * 86_400_000, max: 2 * 86_400_000 }))
      .map(([day, shift, millis]) => DateTime.unsafeMake(atLondon(addDays(day, shift), "00:00" as TimeOfDay).epochMillis + millis))
  )
  const sameWall = (a: DateTime.Utc, b: DateTime.Utc) => londonTimeOf(a) === londonTimeOf(b) || (londonTimeOf(a).startsWith("01:") && londonTimeOf(b).startsWith("02:"))

  test.prop([nearChange, fc.integer({ min: 1, max: 8 })])(
    "STAT-S31, STAT-PLO: 16 and 26 weeks and each extension fall on the same London wall time that many weeks on, across either clock change",
    (start, weeks) => {
      const events = northSomerset.play([letter(start), issued(start), extend(weeks, start)])
      const clocks = deadlinesOf({ referrals: [], sittings: [], childRecords: [recordOf(events)] }, contextOf("lincolnshire"), { now: start, dueSoonHours: 48 })
      const due = (id: string) => clocks.find((clock) => clock.id === `child-1:${id}`)!.due
      for (const [id, days, from] of [["plo-16w", 16 * 7, start], ["proceedings-26w", 26 * 7, start], ["proceedings-extension:1", weeks * 7, due("proceedings-26w")]] as const) {
        expect(londonDateOf(due(id))).toBe(addDays(londonDateOf(from), days))
        expect(sameWall(from, due(id))).toBe(true)
      }
      expect(clocks.find((clock) => clock.id === "child-1:proceedings-26w")!.explanation).toBe(
        `due ${formatInstant(due("proceedings-26w"))} - STAT-S31: 26 weeks after the issue of care proceedings at ${formatInstant(start)}`
      )
    }
  )
})
