import { describe, expect, it } from "@effect/vitest"
import { DateTime } from "effect"
import type { Deadline } from "../../src/deadlines/Deadline.js"
import { clockNotifications } from "../../src/notifications/clockNotifications.js"
import { AuthorityId } from "../../src/shared/ids.js"
import { london } from "../fixtures.js"
import { who } from "./fixtures.js"

const lincolnshire = AuthorityId.make("lincolnshire")
const plus = (instant: DateTime.Utc, millis: number) => DateTime.unsafeMake(DateTime.toEpochMillis(instant) + millis)
const hours = (n: number) => n * 3_600_000
const due = london("2027-06-23", "17:00")

const deadline = (overrides: Partial<Deadline>): Deadline => ({
  id: "dec_1:action:act_1",
  about: { kind: "action", id: "act_1" },
  title: "Take Robin Testwood to the dentist (social worker)",
  ruleId: "LIN-5",
  due,
  state: "pending",
  explanation: "due 17:00 Wed 23 Jun 2027 - LIN-5: the date set for this action at the sitting on Wed 9 Jun 2027",
  ...overrides
})
const remind = (deadlines: ReadonlyArray<Deadline>, now: DateTime.Utc, dueSoonHours?: number) =>
  clockNotifications(deadlines, now, { authorityId: lincolnshire, ...(dueSoonHours === undefined ? {} : { dueSoonHours }) })
const kinds = (deadlines: ReadonlyArray<Deadline>, now: DateTime.Utc, dueSoonHours?: number) => [
  ...new Set(remind(deadlines, now, dueSoonHours).map((n) => `${n.facts.deadlineId} ${n.kind}`))
]

/** A Regulation 24 placement's temporary approval ending on Fri 16 Jul 2027, and the warning 14 days ahead of it. */
const approvalEnds = london("2027-07-16", "10:00")
const placementClock = (name: string, ruleId: Deadline["ruleId"], at: DateTime.Utc, placementId = "plc_1", extra: Partial<Deadline> = {}) =>
  deadline({ id: `${placementId}:${name}`, about: { kind: "placement", id: placementId }, title: name, ruleId, due: at, explanation: name, ...extra })
const warning = placementClock("approval-warning", "DEF-R24-EXPIRY-WARNING", london("2027-07-02", "10:00"))
const end = placementClock("temporary-approval", "STAT-R24", approvalEnds)

describe("when a clock reminds, and what the reminder says", () => {
  it("LIN-5: due at 17:00, it is due soon at 17:00 itself and overdue a moment after", () => {
    expect(kinds([deadline({})], due)).toEqual(["dec_1:action:act_1 clock.due_soon"])
    expect(kinds([deadline({})], plus(due, 1))).toEqual(["dec_1:action:act_1 clock.overdue"])
  })

  it("LIN-5: the due-soon window is 48 hours unless the authority sets another: 24 hours leaves a clock 30 hours off quiet", () => {
    expect(kinds([deadline({})], plus(due, -hours(30)))).toEqual(["dec_1:action:act_1 clock.due_soon"])
    expect(kinds([deadline({})], plus(due, -hours(30)), 24)).toEqual([])
    expect(kinds([deadline({})], plus(due, -hours(24)), 24)).toEqual(["dec_1:action:act_1 clock.due_soon"])
  })

  it("LIN-5: a clock marked met reminds no one, with or without the instant it was met", () => {
    expect(remind([deadline({ state: "met" })], plus(due, hours(1)))).toEqual([])
    expect(remind([deadline({ state: "overdue", metAt: plus(due, hours(1)) })], plus(due, hours(2)))).toEqual([])
  })

  it("LIN-5: an overdue reminder says when it was due, that it is not done, and why, with its facts", () => {
    const [sent] = remind([deadline({ title: "Book the dentist (social worker)" })], plus(due, hours(16)))
    expect(sent).toMatchObject({
      headline: "Overdue (LIN-5): action act_1",
      body: [
        // No case is looked up here, so the action's own words are withheld (its case's children's names could not be
        // taken out); with the case they are shown, names taken out (clockNotifications.test.ts).
        "(not shown here: read it in Carepanel).",
        "This was due at 17:00 Wed 23 Jun 2027 and is not done yet.",
        "Why: due 17:00 Wed 23 Jun 2027 - LIN-5: the date set for this action at the sitting on Wed 9 Jun 2027."
      ],
      facts: { deadlineId: "dec_1:action:act_1", ruleId: "LIN-5", alarm: "overdue", due: "2027-06-23T16:00:00.000Z", aboutKind: "action", aboutId: "act_1" }
    })
  })

  it("the headline names what the clock is about by id when no child is known", () => {
    const headline = (about: Deadline["about"]) => remind([deadline({ id: `${about.id}:x`, about, ruleId: "LIN-3" })], due)[0]?.headline
    expect(headline({ kind: "referral", id: "ref_1" })).toBe("Due soon (LIN-3): panel request ref_1")
    expect(headline({ kind: "sitting", id: "sit_1" })).toBe("Due soon (LIN-3): sitting sit_1")
    expect(headline({ kind: "decision", id: "dec_1" })).toBe("Due soon (LIN-3): panel decision dec_1")
    expect(headline({ kind: "disagreement", id: "dis_1" })).toBe("Due soon (LIN-3): disagreement dis_1")
    expect(headline({ kind: "child", id: "child-1" })).toBe("Due soon (LIN-3): child's record child-1")
  })

  it("CPR-11: without the authority's policy, a sitting's final record goes to the panel chair role", () => {
    const record = deadline({ id: "sit_1:record-final", about: { kind: "sitting", id: "sit_1" }, ruleId: "CPR-11" })
    expect(who(remind([record], plus(due, 1))).map((n) => n.to)).toEqual(["role:panel_chair"])
  })

  it("STAT-R24, DEF-R24-EXPIRY-WARNING: the warning reminds until the approval's end comes, then only the end's own clock does", () => {
    const justBefore = plus(approvalEnds, -1)
    expect(kinds([warning, end], justBefore)).toEqual(["plc_1:approval-warning clock.overdue", "plc_1:temporary-approval clock.due_soon"])
    expect(kinds([warning, end], approvalEnds)).toEqual(["plc_1:temporary-approval clock.due_soon"])
    expect(kinds([warning, end], plus(approvalEnds, hours(1)))).toEqual(["plc_1:temporary-approval clock.overdue"])
  })

  it("STAT-R25-1, DEF-R24-EXPIRY-WARNING: once extended, the original end (met by the extension) does not silence the warning ahead of the new end", () => {
    const extendedEnd = london("2027-09-10", "10:00")
    const met = placementClock("temporary-approval", "STAT-R24", approvalEnds, "plc_1", { state: "met", metAt: london("2027-06-01", "10:00") })
    const extended = placementClock("extended-approval", "STAT-R25-1", extendedEnd)
    const newWarning = placementClock("approval-warning", "DEF-R24-EXPIRY-WARNING", london("2027-08-27", "10:00"))
    expect(kinds([met, extended, newWarning], london("2027-08-26", "12:00"))).toEqual(["plc_1:approval-warning clock.due_soon"])
    expect(kinds([met, extended, newWarning], extendedEnd)).toEqual(["plc_1:extended-approval clock.due_soon"])
  })

  it("DEF-R24-EXPIRY-WARNING: only the warning's own placement's end silences it, and only an end: another placement's, or another clock of its own, do not", () => {
    const now = plus(approvalEnds, hours(1))
    const otherEnd = placementClock("temporary-approval", "STAT-R24", approvalEnds, "plc_2")
    expect(kinds([warning, otherEnd], now)).toEqual(["plc_1:approval-warning clock.overdue", "plc_2:temporary-approval clock.overdue"])
    const viability = placementClock("viability", "LIN-16", approvalEnds)
    expect(kinds([warning, viability], now)).toEqual(["plc_1:approval-warning clock.overdue", "plc_1:viability clock.overdue"])
  })

  it("STAT-R9: an ended approval silences the warning only, not the placement's other clocks", () => {
    const plan = placementClock("placement-plan", "STAT-R9", london("2027-07-01", "10:00"))
    expect(kinds([plan, end], plus(approvalEnds, hours(1)))).toEqual(["plc_1:placement-plan clock.overdue", "plc_1:temporary-approval clock.overdue"])
  })
})
