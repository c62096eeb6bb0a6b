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
