import { describe, expect, it } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { DateTime } from "effect"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { londonDateOf } from "../../src/calendar/londonTime.js"
import { toDeadline } from "../../src/deadlines/clock.js"
import type { Disagreement } from "../../src/disagreement/Disagreement.js"
import type { DisagreementCommand } from "../../src/disagreement/DisagreementCommands.js"
import { disagreementDecider } from "../../src/disagreement/DisagreementDecider.js"
import { disagreementClocks } from "../../src/disagreement/disagreementClocks.js"
import { preset } from "../../src/policy/authorities/index.js"
import { fold } from "../../src/shared/decider.js"
import { DisagreementId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { as, contextOf, london } from "../fixtures.js"
import { decisionAtPanel } from "./fixtures.js"
import { calendarArb, instantArb } from "../calendar/arbitraries.js"

type Slug = "support-panels" | "lincolnshire"

const hours = (n: number) => n * 3_600_000
const plus = (instant: DateTime.Utc, millis: number) => DateTime.unsafeMake(DateTime.toEpochMillis(instant) + millis)

/**
 * A disagreement played through the decider: dissent recorded and areas noted at `notedAt` (no areas when absent),
 * escalated along the preset's route an hour later; then, when given, the outcome or the withdrawal.
 */
const disagreement = (
  slug: Slug,
  notedAt: DateTime.Utc | undefined,
  end: { readonly recordedAt?: DateTime.Utc; readonly outcomeAt?: DateTime.Utc; readonly withdrawnAt?: DateTime.Utc } = {}
): Disagreement => {
  const staff = staffOf(slug)
  const recordedAt = end.recordedAt ?? notedAt ?? london("2027-06-09", "11:00")
  const party = (actor: (typeof staff)[keyof typeof staff]) => ({ personId: actor.personId, name: actor.name })
  const cmd = (actor: keyof typeof staff, at: DateTime.Utc, body: Record<string, unknown>) =>
    ({ ...body, by: as(staff[actor]), at }) as DisagreementCommand
  const escalatedAt = plus(recordedAt, hours(1))
  const route: DisagreementCommand[] =
    slug === "lincolnshire"
      ? [cmd("chair", escalatedAt, { _tag: "Escalate", step: "assistant_director", to: party(staff.assistantDirector) })]
      : [
          cmd("member", escalatedAt, { _tag: "Escalate", step: "member_manager", to: party(staff.teamManager) }),
          cmd("teamManager", escalatedAt, { _tag: "Escalate", step: "assistant_director", to: party(staff.assistantDirector) })
        ]
  const commands: DisagreementCommand[] = [
    cmd("member", recordedAt, {
      _tag: "RecordDissent",
      disagreementId: DisagreementId.make("dis_1"),
      decision: decisionAtPanel(),
      member: party(staff.member),
      dissentsFrom: { _tag: "Decision" },
      grounds: "The plan does not address the child's wishes"
    }),
    ...(notedAt === undefined ? [] : [cmd("chair", notedAt, { _tag: "NoteAreasOfDisagreement", areas: ["Placement type"] }), ...route]),
    ...(end.outcomeAt === undefined
      ? []
      : [cmd("assistantDirector", end.outcomeAt, { _tag: "RecordOutcome", outcome: "upheld", rationale: "Plan stands" })]),
    ...(end.withdrawnAt === undefined ? [] : [cmd("member", end.withdrawnAt, { _tag: "Withdraw", reason: "Resolved informally" })])
  ]
  return fold(disagreementDecider, deciderSpec(disagreementDecider, contextOf(slug)).play(commands))!
}

const deadlineOf = (slug: Slug, d: Disagreement, now: DateTime.Utc, calendar = englandAndWales) =>
  disagreementClocks(d, preset(slug)).map((spec) => toDeadline(spec, calendar, { now, dueSoonHours: 48 }))

describe("disagreement clocks", () => {
  it("DEF-DISAGREEMENT-10WD: the outcome is due 10 working days after the areas are noted, by 17:00, cited as Carepanel's default", () => {
    const noted = london("2027-06-09", "11:00")
    const [deadline] = deadlineOf("support-panels", disagreement("support-panels", noted), london("2027-06-10", "09:00"))
    expect(deadline).toMatchObject({
      id: "dis_1:outcome",
      about: { kind: "disagreement", id: "dis_1" },
      title: "Outcome of Sam Jessop's disagreement with the panel's decision (dissent recorded Wed 9 Jun 2027)",
      ruleId: "DEF-DISAGREEMENT-10WD",
      state: "pending",
      explanation: "due 17:00 Wed 23 Jun 2027 - DEF-DISAGREEMENT-10WD, Carepanel default, not in the terms of reference; set by the authority's policy: 17:00, 10 working days after the areas of disagreement were noted at 11:00 Wed 9 Jun 2027"
    })
  })

  it("DEF-DISAGREEMENT-5WD: Lincolnshire's 5 working days, counted over a bank holiday", () => {
    const noted = london("2027-05-26", "14:00")
    const [deadline] = deadlineOf("lincolnshire", disagreement("lincolnshire", noted), noted)
    // Monday 31 May 2027 is the spring bank holiday.
    expect(deadline!.explanation).toBe(
      "due 17:00 Thu 3 Jun 2027 - DEF-DISAGREEMENT-5WD, Carepanel default, not in the terms of reference; set by the authority's policy: 17:00, 5 working days after the areas of disagreement were noted at 14:00 Wed 26 May 2027"
    )
  })

  it("LIN-13: met when the outcome is recorded, even late; overdue without one", () => {
    const noted = london("2027-06-09", "11:00")
    const after = london("2027-06-21", "09:00")
    expect(deadlineOf("lincolnshire", disagreement("lincolnshire", noted), after)[0]!.state).toBe("overdue")
    const decided = deadlineOf("lincolnshire", disagreement("lincolnshire", noted, { outcomeAt: london("2027-06-18", "10:00") }), after)
    expect(decided[0]).toMatchObject({ state: "met", metAt: london("2027-06-18", "10:00") })
  })

  it("DEF-DISAGREEMENT-NOTE-NEXT-WD: before the areas are noted, they are due by 17:00 the next working day after the dissent", () => {
    // Recorded on Friday 28 May 2027: Monday 31 May is the spring bank holiday.
    const recorded = disagreement("support-panels", undefined, { recordedAt: london("2027-05-28", "11:30") })
    const deadlines = deadlineOf("support-panels", recorded, london("2027-05-28", "12:00"))
    expect(deadlines).toEqual([
      expect.objectContaining({
        id: "dis_1:areas",
        title: "Areas of Sam Jessop's disagreement with the panel's decision (dissent recorded Fri 28 May 2027) noted at panel",
        ruleId: "DEF-DISAGREEMENT-NOTE-NEXT-WD",
        state: "pending",
        explanation: "due 17:00 Tue 1 Jun 2027 - DEF-DISAGREEMENT-NOTE-NEXT-WD, Carepanel default, not in the terms of reference; set by the authority's policy: 17:00, 1 working day after the dissent was recorded at 11:30 Fri 28 May 2027"
      })
    ])
    expect(deadlineOf("support-panels", recorded, london("2027-06-01", "17:01"))[0]!.state).toBe("overdue")
  })

  it("LIN-13: an authority sets its own time for noting the areas; noting them meets it", () => {
    const policy = preset("lincolnshire")
    const sameDay = { ...policy, disagreement: { ...policy.disagreement, noteAreasWithin: { ruleId: "LIN-13" as const, clock: { _tag: "HoursAfter" as const, hours: 4 } } } }
    const recordedAt = london("2027-06-09", "11:00")
    const [areas] = disagreementClocks(disagreement("lincolnshire", undefined, { recordedAt }), sameDay).map((spec) =>
      toDeadline(spec, englandAndWales, { now: recordedAt, dueSoonHours: 48 })
    )
    expect(areas).toMatchObject({ ruleId: "LIN-13", due: london("2027-06-09", "15:00") })
    const noted = disagreement("lincolnshire", london("2027-06-09", "16:00"))
    const met = deadlineOf("lincolnshire", noted, london("2027-06-10", "09:00")).find((deadline) => deadline.id === "dis_1:areas")
    expect(met).toMatchObject({ state: "met", metAt: london("2027-06-09", "16:00"), metLate: false })
  })

  it("SUP-8: no clock once the dissent is withdrawn", () => {
    const withdrawn = disagreement("support-panels", london("2027-06-09", "11:00"), { withdrawnAt: london("2027-06-10", "09:00") })
    expect(withdrawn.status).toBe("withdrawn")
    expect(disagreementClocks(withdrawn, preset("support-panels"))).toEqual([])
  })
})

const slugArb = fc.constantFrom<Slug>("support-panels", "lincolnshire")
const stageArb = fc.constantFrom("recorded", "noted", "outcome", "withdrawn")

describe("disagreement clock properties (SUP-8, LIN-13)", () => {
  test.prop([slugArb, instantArb, calendarArb])(
    "a clock counted in working days never falls due on a non-working day",
    (slug, notedAt, calendar) => {
      const clock = preset(slug).disagreement.resolveWithin.clock
      expect(clock).toMatchObject({ _tag: "DaysAfter", unit: "working" })
      const [deadline] = deadlineOf(slug, disagreement(slug, notedAt), notedAt, calendar)
      expect(calendar.isWorkingDay(londonDateOf(deadline!.due))).toBe(true)
      expect(DateTime.greaterThan(deadline!.due, notedAt)).toBe(true)
    }
  )

  test.prop([slugArb, instantArb, stageArb, fc.integer({ min: hours(1), max: hours(24 * 20) })])(
    "SUP-8, LIN-13: until the outcome is recorded exactly one clock runs, from the dissent to the outcome; none once resolved or withdrawn",
    (slug, recordedAt, stage, later) => {
      const notedAt = stage === "recorded" ? undefined : plus(recordedAt, hours(1))
      const end = plus(recordedAt, later + hours(2))
      const d = disagreement(slug, notedAt, {
        recordedAt,
        ...(stage === "outcome" ? { outcomeAt: end } : {}),
        ...(stage === "withdrawn" ? { withdrawnAt: end } : {})
      })
      const running = disagreementClocks(d, preset(slug)).filter((spec) => spec.metAt === undefined)
      const expected = { recorded: ["dis_1:areas"], noted: ["dis_1:outcome"], outcome: [], withdrawn: [] }[stage]
      expect(running.map((spec) => spec.id)).toEqual(expected)
    }
  )

  test.prop([
    slugArb,
    instantArb,
    fc.option(fc.integer({ min: hours(1), max: hours(24 * 40) }), { nil: undefined }),
    fc.integer({ min: -hours(24), max: hours(24 * 40) })
  ])("overdue exactly when now is past due and no outcome is recorded", (slug, notedAt, outcomeAfter, nowAfter) => {
    const outcomeAt = outcomeAfter === undefined ? undefined : plus(notedAt, outcomeAfter)
    const d = disagreement(slug, notedAt, outcomeAt === undefined ? {} : { outcomeAt })
    const now = plus(notedAt, nowAfter)
    const deadline = deadlineOf(slug, d, now).find((candidate) => candidate.id === "dis_1:outcome")
    const overdue = outcomeAt === undefined && DateTime.greaterThan(now, deadline!.due)
    expect(deadline!.state === "overdue").toBe(overdue)
    expect(deadline!.state === "met").toBe(outcomeAt !== undefined)
  })
})
