import { describe, expect, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { AuthorityPolicy } from "../../src/policy/AuthorityPolicy.js"
import { preset, presetInputs, presetSlugs } from "../../src/policy/authorities/index.js"
import { decodePolicy, parsePolicyText } from "../../src/policy/loadPolicy.js"
import { ruleCatalogue } from "../../src/policy/rules.js"

const ruleIdsIn = (value: unknown): string[] =>
  JSON.stringify(value).match(/"ruleId":"[A-Z]+-[A-Z0-9-]+"/g)?.map((match) => match.slice(10, -1)) ?? []

describe("built-in presets", () => {
  it.each(presetSlugs)("%s decodes and every rule id it cites is in the catalogue", (slug) => {
    const policy = preset(slug)
    expect(policy.panels.length).toBeGreaterThan(0)
    for (const id of ruleIdsIn(policy)) expect(Object.keys(ruleCatalogue)).toContain(id)
  })

  it("one preset per seed document", () => {
    expect(presetSlugs).toEqual(["knowsley", "support-panels", "north-somerset", "care-planning", "lincolnshire"])
  })

  it("NSO-1: North Somerset sits Wednesday 13:30-16:30, virtually, chaired by the Assistant Director, no quorum", () => {
    const [panel] = preset("north-somerset").panels
    expect(panel).toMatchObject({
      schedule: { _tag: "Cadence", everyWeeks: 1, weekday: "wednesday" },
      hours: { start: "13:30", end: "16:30" },
      venue: "virtual",
      chair: { role: "assistant_director" },
      quorum: { _tag: "ChairDecides", ruleId: "NSO-1" }
    })
    expect(panel.deputies).toHaveLength(3)
  })

  it("KNO-1, KNO-2: Knowsley sits fortnightly face to face with standing and non-standing members", () => {
    const [panel] = preset("knowsley").panels
    expect(panel.schedule).toMatchObject({ everyWeeks: 2 })
    expect(panel.venue).toBe("in_person")
    expect(panel.members.filter((m) => m.membership === "standing")).toHaveLength(7)
    expect(panel.attendanceConfirmation?.ruleId).toBe("KNO-2")
  })

  it("SUP-1, LIN-1: a chair, heads of service or service managers, and an administrator sit on the support panels", () => {
    const roles = (slug: Parameters<typeof preset>[0]) => preset(slug).panels[0].members.map((member) => member.role)
    expect(roles("support-panels")).toEqual(expect.arrayContaining(["head_of_service", "team_manager", "panel_administrator"]))
    expect(preset("lincolnshire").panels[0].chair.description).toBe("Service Manager independent of the case's line management")
  })

  it("STAT-R24, STAT-R25-1: every preset runs the national 16-week approval and one 8-week extension", () => {
    for (const slug of presetSlugs) {
      expect(preset(slug).regulation24).toMatchObject({
        temporaryApproval: { ruleId: "STAT-R24", clock: { _tag: "WeeksAfter", weeks: 16 } },
        extension: { ruleId: "STAT-R25-1", clock: { _tag: "WeeksAfter", weeks: 8 } }
      })
    }
  })
})

describe("loading a policy file", () => {
  it.effect("decodes a JSON policy", () =>
    Effect.gen(function* () {
      const policy = yield* parsePolicyText(JSON.stringify(presetInputs.lincolnshire), "lincs.json")
      expect(policy.authority.id).toBe("lincolnshire")
    })
  )

  it.effect("decodes YAML that extends a preset and overrides one field", () =>
    Effect.gen(function* () {
      const yaml = [
        "extends: lincolnshire",
        "authority: { id: fenmoor, name: Fenmoor Borough Council }",
        "closureDays:",
        "  - { date: '2027-12-29', reason: Christmas shutdown }",
        "referral:",
        "  submissionDeadline: { ruleId: LIN-3, clock: { _tag: WeekdayBefore, weekday: thursday, time: '16:00' } }"
      ].join("\n")
      const policy = yield* parsePolicyText(yaml, "fenmoor.yaml")
      expect(policy.authority.name).toBe("Fenmoor Borough Council")
      expect(policy.referral.submissionDeadline.clock).toMatchObject({ weekday: "thursday", time: "16:00" })
      expect(policy.referral.requiredDocuments).toEqual(preset("lincolnshire").referral.requiredDocuments)
      expect(policy.closureDays).toEqual([{ date: "2027-12-29", reason: "Christmas shutdown" }])
    })
  )

  it.effect("a clock of another kind replaces the preset's whole: 5 working days before, over Lincolnshire's Friday noon, keeps no weekday", () =>
    Effect.gen(function* () {
      const yaml = [
        "extends: lincolnshire",
        "authority: { id: brackenmoor, name: Brackenmoor Metropolitan Borough Council }",
        "referral:",
        "  submissionDeadline: { ruleId: LIN-3, clock: { _tag: DaysBefore, days: 5, unit: working, time: '10:00' } }"
      ].join("\n")
      const policy = yield* parsePolicyText(yaml, "brackenmoor.yaml")
      expect(policy.referral.submissionDeadline.clock).toEqual({ _tag: "DaysBefore", days: 5, unit: "working", time: "10:00", ifClosed: "previousWorkingDay" })
    })
  )

  it.effect("refuses a bad file naming every problem by its path", () =>
    Effect.gen(function* () {
      const bad = structuredClone(presetInputs["north-somerset"]) as Record<string, any>
      bad.panels[0].schedule.weekday = "wendsday"
      bad.panels[0].hours.start = "25:00"
      bad.referral.submissionDeadline.ruleId = "NSO-99"
      const error = yield* Effect.flip(decodePolicy(bad, "north-somerset.json"))
      const paths = error.problems.map((problem) => problem.path)
      expect(paths).toContain("panels[0].schedule.weekday")
      expect(paths).toContain("panels[0].hours.start")
      expect(paths).toContain("referral.submissionDeadline.ruleId")
      expect(error.message).toMatch(/^The policy in north-somerset.json was refused:\n/)
      expect(error.message).toContain(
        'panels[0].schedule.weekday: expected one of "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"; got "wendsday"'
      )
      expect(error.problems).toHaveLength(3)
    })
  )

  it.effect("refuses a cadence whose first date is not on its weekday", () =>
    Effect.gen(function* () {
      const bad = structuredClone(presetInputs.lincolnshire) as Record<string, any>
      bad.panels[0].schedule.firstDate = "2027-01-07"
      const error = yield* Effect.flip(decodePolicy(bad, "p.json"))
      expect(error.problems).toContainEqual({ path: "panels[0].schedule", message: "firstDate 2027-01-07 is not a wednesday" })
    })
  )

  it.effect("refuses unknown fields, unknown presets, and text that is not JSON or YAML", () =>
    Effect.gen(function* () {
      const extra = { ...presetInputs.lincolnshire, quorom: 3 }
      expect((yield* Effect.flip(decodePolicy(extra, "p.json"))).problems[0]!.path).toBe("quorom")
      expect((yield* Effect.flip(decodePolicy({ extends: "atlantis" }, "p.json"))).problems[0]).toMatchObject({ path: "extends" })
      expect((yield* Effect.flip(parsePolicyText("{ not json", "p.json"))).message).toContain("not valid JSON")
    })
  )

  it("a decoded policy encodes back to what it came from", () => {
    const policy = preset("care-planning")
    const again = Schema.decodeUnknownSync(AuthorityPolicy)(Schema.encodeSync(AuthorityPolicy)(policy))
    expect(again).toEqual(policy)
  })
})
