import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { decodePolicy, parsePolicyText } from "../../src/policy/loadPolicy.js"

// What an authority's IT team reads when Carepanel refuses its policy file: every problem, each by its path.
const refusal = (effect: Effect.Effect<unknown, unknown>) => Effect.runSync(Effect.flip(effect))

describe("a refused policy file names every problem by its path", () => {
  it("a file that is not JSON or YAML at all is refused as a whole, saying which it was read as", () => {
    expect(refusal(parsePolicyText("{ authority:", "fenmoor.json"))).toMatchObject({
      _tag: "InvalidPolicy",
      source: "fenmoor.json",
      message: expect.stringMatching(/^The policy in fenmoor\.json was refused:\n {2}\(file\): not valid JSON: /)
    })
    expect(refusal(parsePolicyText("authority: [unclosed", "fenmoor.YML"))).toMatchObject({ message: expect.stringMatching(/^The policy in fenmoor\.YML was refused:\n {2}\(file\): not valid YAML: /) })
    expect(refusal(parsePolicyText("extends: nowhere", "fenmoor.yaml.bak"))).toMatchObject({ message: expect.stringContaining("(file): not valid JSON") })
  })

  it("extends names a preset, or the refusal lists the presets there are", () => {
    expect(refusal(decodePolicy({ extends: "fenmoor" }, "fenmoor.yaml"))).toMatchObject({
      problems: [{ path: "extends", message: "expected one of knowsley, support-panels, north-somerset, care-planning, lincolnshire" }],
      message: "The policy in fenmoor.yaml was refused:\n  extends: expected one of knowsley, support-panels, north-somerset, care-planning, lincolnshire"
    })
    expect(refusal(decodePolicy({ extends: 7 }, "fenmoor.yaml"))).toMatchObject({ problems: [{ path: "extends" }] })
  })

  it("several problems, one line each; a value outside a list says what it could have been", () => {
    const lincolnshire = Effect.runSync(decodePolicy({ extends: "lincolnshire" }))
    const [panel] = lincolnshire.panels
    const bad = refusal(
      decodePolicy(
        {
          extends: "lincolnshire",
          panels: [{ ...panel, schedule: { ...panel!.schedule, weekday: "wodensday" } }],
          regulation24: { nominatedOfficer: { ruleId: "DEF-R25-NOMINATED-OFFICER", people: [], posts: [] } }
        },
        "fenmoor.yaml"
      )
    ) as { problems: ReadonlyArray<{ path: string; message: string }>; message: string }
    expect(bad.problems).toEqual([
      { path: "panels[0].schedule.weekday", message: expect.stringMatching(/^expected one of "monday", "tuesday", .*"friday".*; got "wodensday"$/) },
      { path: "regulation24.nominatedOfficer", message: "A nominated officer names at least one person or post." }
    ])
    expect(bad.message.split("\n")).toEqual([
      "The policy in fenmoor.yaml was refused:",
      `  panels[0].schedule.weekday: ${bad.problems[0]!.message}`,
      "  regulation24.nominatedOfficer: A nominated officer names at least one person or post."
    ])
  })

  it("a misspelt kind of clock says what it could have been, as any other value outside a list does", () => {
    const bad = refusal(
      decodePolicy({ extends: "lincolnshire", referral: { submissionDeadline: { ruleId: "LIN-3", clock: { _tag: "DaysBefor", days: 5, unit: "working", time: "10:00" } } } }, "p.json")
    ) as { problems: ReadonlyArray<{ path: string; message: string }> }
    expect(bad.problems).toEqual([
      { path: "referral.submissionDeadline.clock._tag", message: expect.stringMatching(/^expected one of "WeekdayBefore", "DaysBefore", .*"MonthsAfter"; got "DaysBefor"$/) }
    ])
  })

  it("an optional section that is there but wrong is refused for what is wrong, not as 'expected undefined'", () => {
    const wrongType = refusal(decodePolicy({ extends: "lincolnshire", regulation24: 5, edgeOfCare: { services: "none" } }, "fenmoor.yaml")) as { problems: ReadonlyArray<{ path: string; message: string }> }
    expect(wrongType.problems.map((problem) => problem.path)).toEqual(["regulation24", "edgeOfCare.services"])
    for (const problem of wrongType.problems) expect(problem.message).not.toMatch(/Expected undefined/)
  })

  it("an override merges into the preset key by key; lists replace the preset's", () => {
    const renamed = Effect.runSync(decodePolicy({ extends: "lincolnshire", authority: { name: "Lincolnshire County Council" } }))
    expect(renamed.authority).toEqual({ id: "lincolnshire", name: "Lincolnshire County Council" })
    const lincolnshire = Effect.runSync(decodePolicy({ extends: "lincolnshire" }))
    const onePanel = Effect.runSync(decodePolicy({ extends: "lincolnshire", panels: [{ ...lincolnshire.panels[0], name: "Care Panel" }] }))
    expect(onePanel.panels.map((panel) => panel.name)).toEqual(["Care Panel"])
    expect(onePanel.regulation24).toEqual(lincolnshire.regulation24)
  })
})

describe("a rule id the authority may not cite is refused saying what it may cite", () => {
  it("an id of the authority's own (BRK-3) the file does not declare is not in the catalogue: the refusal says it may be declared under ownRules and names the field's defaults", () => {
    const bad = refusal(
      decodePolicy(
        {
          extends: "lincolnshire",
          referral: { submissionDeadline: { ruleId: "BRK-3", clock: { _tag: "WeekdayBefore", weekday: "friday", time: "12:00" } } },
          panels: [{ ...Effect.runSync(decodePolicy({ extends: "lincolnshire" })).panels[0], quorum: { _tag: "Minimum", members: 4, ruleId: "BRK-4" } }]
        },
        "brackenmoor.yaml"
      )
    ) as { problems: ReadonlyArray<{ path: string; message: string }> }
    expect(bad.problems).toEqual([
      {
        path: "panels[0].quorum.ruleId",
        message:
          "\"BRK-4\" is not a rule in Carepanel's catalogue (shared/docs/rules.md) or in this policy's ownRules: cite a seed's rule only for what that seed says, and declare your terms of reference's own rules under ownRules; Carepanel's default for this field is DEF-QUORUM-CHAIR-DECIDES or DEF-QUORUM-MINIMUM"
      },
      {
        path: "referral.submissionDeadline.ruleId",
        message:
          "\"BRK-3\" is not a rule in Carepanel's catalogue (shared/docs/rules.md) or in this policy's ownRules: cite a seed's rule only for what that seed says, and declare your terms of reference's own rules under ownRules; Carepanel has no default for this field"
      }
    ])
  })

  it("a Carepanel default cited for a field it is not the default of is refused, naming the field it is for: its explanation would say it set that field", () => {
    const bad = refusal(
      decodePolicy(
        {
          extends: "lincolnshire",
          referral: { approvals: [{ ruleId: "DEF-LATE-PERMISSION", role: "head_of_service", forRequestTypes: ["s20_accommodation"] }] },
          sitting: { papersToMembers: { ruleId: "DEF-NEXT-WORKING-DAY-BEFORE", clock: { _tag: "DaysBefore", days: 2, unit: "working", time: "10:00" } } }
        },
        "brackenmoor.yaml"
      )
    ) as { problems: ReadonlyArray<{ path: string; message: string }> }
    expect(bad.problems).toEqual([
      {
        path: "referral.approvals[0].ruleId",
        message: "DEF-LATE-PERMISSION is Carepanel's default for referral.latePermission, not for this field; Carepanel has no default for this field"
      },
      {
        path: "sitting.papersToMembers.ruleId",
        message: "DEF-NEXT-WORKING-DAY-BEFORE is Carepanel's default for sitting.papersToMembers.clock.ifClosed, not for this field; Carepanel has no default for this field"
      }
    ])
    expect(Effect.runSync(decodePolicy({ extends: "lincolnshire", referral: { latePermission: { ruleId: "DEF-LATE-PERMISSION", roles: [] } } })).referral.latePermission.roles).toEqual([])
    // Not a rule id at all: the usual "expected one of", not "7 is not a rule".
    const notAnId = refusal(decodePolicy({ extends: "lincolnshire", decision: { returnWaivableByCaseNote: 7 } }, "brackenmoor.yaml")) as { problems: ReadonlyArray<{ message: string }> }
    expect(notAnId.problems[0]!.message).toMatch(/^expected one of "KNO-1", .*; got 7$/)
  })
})

describe("null drops a preset's optional part from a file that extends it", () => {
  const lincolnshireRules = ["LIN-5", "LIN-6", "LIN-7", "LIN-8", "LIN-9"]
  const dropped = {
    extends: "lincolnshire",
    decision: { timescalesRuleId: null, signsOfSafetyMinutes: null, actionsCaseNote: null, fgcReferralEscalations: [], changeOfCircumstancesApprover: null, returnWaivableByCaseNote: null }
  }

  it("LIN-5, LIN-6, LIN-7, LIN-8, LIN-9: an authority that runs none of Lincolnshire's after-sitting rules drops them, and its policy cites none of them", () => {
    const policy = Effect.runSync(decodePolicy(dropped, "brackenmoor.yaml"))
    expect(policy.decision).not.toHaveProperty("actionsCaseNote")
    expect(policy.decision).not.toHaveProperty("returnWaivableByCaseNote")
    expect(policy.decision.fgcReferralEscalations).toEqual([])
    for (const rule of lincolnshireRules) expect(JSON.stringify(policy)).not.toContain(`"${rule}"`)
    expect(Effect.runSync(decodePolicy({ extends: "lincolnshire", regulation24: null }))).not.toHaveProperty("regulation24")
  })

  it("a part the policy cannot do without is still refused as null, and a warning set to null stays turned off", () => {
    expect(refusal(decodePolicy({ extends: "lincolnshire", decision: { signOff: null } }, "brackenmoor.yaml"))).toMatchObject({ problems: [{ path: "decision.signOff" }] })
    expect(Effect.runSync(decodePolicy({ extends: "lincolnshire", statutoryWarnings: { policeProtection: null } })).statutoryWarnings.policeProtection).toBeNull()
  })
})

describe("cases an agreement outside panel is confirmed as (LIN-11)", () => {
  const tripartite = { forRequestTypes: ["expenditure"], onlyAs: "tripartite funding for a disabled child in a 38-week educational placement" }

  it("a file naming them by their older name, onlyInCasesNotRecorded, is still read, as onlyInCasesConfirmed", () => {
    const older = Effect.runSync(decodePolicy({ extends: "north-somerset", outsidePanel: { onlyInCasesNotRecorded: [tripartite] } }, "fenmoor.yaml"))
    expect(older.outsidePanel.onlyInCasesConfirmed).toEqual([tripartite])
    expect(older.outsidePanel).not.toHaveProperty("onlyInCasesNotRecorded")
  })

  it("a request type has one case: named in two, the file is refused, saying which type", () => {
    const twice = { forRequestTypes: ["expenditure"], onlyAs: "respite for a disabled child" }
    expect(refusal(decodePolicy({ extends: "lincolnshire", outsidePanel: { onlyInCasesConfirmed: [tripartite, twice] } }, "fenmoor.yaml"))).toMatchObject({
      problems: [{ path: "outsidePanel", message: 'A request type has one case it is agreed outside panel only as: "expenditure" is named twice in onlyInCasesConfirmed.' }]
    })
  })
})
