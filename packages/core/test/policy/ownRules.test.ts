import { describe, expect, it } from "@effect/vitest"
import { test } from "@fast-check/vitest"
import { Effect, Layer } from "effect"
import fc from "fast-check"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { textOf } from "../../src/documents/DocumentModel.js"
import { Documents } from "../../src/documents/Documents.js"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { presetInputs, presetSlugs } from "../../src/policy/authorities/index.js"
import { decodePolicy, parsePolicyText } from "../../src/policy/loadPolicy.js"
import { citation, citationOfText } from "../../src/policy/citation.js"
import { type RuleId, ruleCatalogue } from "../../src/policy/rules.js"
import { PersonId } from "../../src/shared/ids.js"
import { formatPath } from "../../src/shared/inputProblems.js"
import type { SittingCommand } from "../../src/sitting/SittingCommands.js"
import { sittingDecider } from "../../src/sitting/SittingDecider.js"
import { staffOf } from "../../src/testing/actors.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { InMemoryAccessLog } from "../../src/testing/InMemoryAccessLog.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { playCase } from "../scenario/playCase.js"
import { at, lincolnshireReferral, lincolnshireSittings } from "../deadlines/fixtures.js"
import { brackenmoor, brackenmoorFile, ownRules, source } from "./brackenmoor.js"
import { as, london } from "../fixtures.js"
import { repositoryFile } from "@carepanel/core/mutation/repositoryFile"

const refusal = (file: Record<string, unknown>) =>
  Effect.runSync(Effect.flip(decodePolicy(file, "brackenmoor.yaml"))).problems as ReadonlyArray<{ path: string; message: string }>

describe("an authority cites its own terms of reference (ownRules)", () => {
  it("BRK-4: the request deadline's explanation gives the rule's id, its source and its words, not another council's rule", () => {
    const [deadline] = deadlinesOf(
      { referrals: [lincolnshireReferral(undefined)], sittings: lincolnshireSittings() },
      { policy: brackenmoor, calendar: englandAndWales },
      at(london("2027-06-01", "10:00"))
    )
    expect(deadline).toMatchObject({ ruleId: "BRK-4" })
    expect(deadline!.explanation).toBe(
      `due 12:00 Wed 2 Jun 2027 - BRK-4, ${source}, "Requests reach the panel administrator 5 working days before the sitting.": noon, 5 working days before the sitting on Wed 9 Jun 2027`
    )
  })

  it("BRK-7: a quorum of four refuses 'enough members' citing the authority's own rule, not a Carepanel default", () => {
    const staff = staffOf("lincolnshire")
    const when = london("2027-06-09", "10:05")
    const spec = deciderSpec(sittingDecider, { policy: brackenmoor, calendar: englandAndWales })
    const schedule = { _tag: "ScheduleSitting", sittingId: "sit_9jun", panelId: "support-panel", date: "2027-06-09", by: as(staff.administrator), at: london("2027-06-01", "09:00") }
    const scheduled = spec.play([schedule as SittingCommand])
    const present = spec.play(
      [1, 2, 3].map((i) => ({
        _tag: "RecordAttendance" as const,
        entry: { personId: PersonId.make(`member-${i}`), name: `Member ${i}`, seat: `Seat ${i}`, membership: "standing" as const, status: "present" as const },
        by: as(staff.administrator),
        at: when
      })),
      scheduled
    )
    const refused = spec.given(present).when({ _tag: "ConfirmQuorum", enough: true, note: "Checked", by: as(staff.chair), at: when }).refusal()
    expect(refused).toMatchObject({ _tag: "QuorumNotMet", ruleId: "BRK-7", present: 3, needed: 4 })
    expect(refused.message).toContain(`this panel needs 4 to be quorate (BRK-7, ${source}, "The panel is quorate when four members are present.").`)
    expect(refused.message).not.toContain("Carepanel default")
  })

  // Brackenmoor's deadline alone: a played case's sitting records its quorum as Lincolnshire's chair decides it.
  const deadlineOnly = Effect.runSync(decodePolicy({ extends: "lincolnshire", ownRules, referral: brackenmoorFile.referral }))
  it.effect("BRK-4: the sitting's minutes and the child's court bundle cite it with its words, and list it under the source it comes from", () =>
    Effect.gen(function* () {
      const result = yield* playCase(deadlineOnly)
      const documents = yield* Documents
      const request = { actor: staffOf(deadlineOnly.authority.id).chair, identityGranted: true, purpose: "own rules walk" }
      const bundle = (yield* documents.courtBundle(request, result.first.decisions[0]!.subject.childIds[0]!)).document
      const ownSection = { heading: "The authority's own rules cited", blocks: [{ _tag: "Paragraph", text: `From ${source}.` }, { _tag: "Table", caption: "Rules", columns: ["Rule", "Words"], rows: [["BRK-4", ownRules.rules["BRK-4"]]] }] }
      expect(bundle.sections.at(-1)).toEqual(ownSection)
      expect(textOf(bundle).some((line) => line.includes(` - BRK-4, ${source}, "${ownRules.rules["BRK-4"]}": `))).toBe(true)
      expect(textOf(bundle).join("\n")).not.toContain("SUP-4")
      const minutes = yield* documents.minutes(request, result.first.sitting.id)
      expect(textOf(minutes).some((line) => line.includes("BRK-4"))).toBe(minutes.sections.at(-1)?.heading === "The authority's own rules cited")
    }).pipe(Effect.provide(Documents.Default.pipe(Layer.provideMerge(inMemoryCore(deadlineOnly)), Layer.provideMerge(InMemoryAccessLog))))
  )

  it("an id the policy neither declares nor finds in the catalogue is refused wherever a rule is cited, saying it may be declared under ownRules", () => {
    const problems = refusal({ ...brackenmoorFile, disagreement: { dissentRuleId: "brk 9" } })
    expect(problems).toEqual([
      {
        path: "disagreement.dissentRuleId",
        message:
          "\"brk 9\" is not a rule in Carepanel's catalogue (shared/docs/rules.md) or in this policy's ownRules: cite a seed's rule only for what that seed says, and declare your terms of reference's own rules under ownRules; Carepanel's default for this field is DEF-DISSENT"
      }
    ])
    expect(refusal({ ...brackenmoorFile, decision: { returnWaivableByCaseNote: "BRK-9" } })).toEqual([
      {
        path: "decision.returnWaivableByCaseNote",
        message:
          "\"BRK-9\" is not a rule in Carepanel's catalogue (shared/docs/rules.md) or in this policy's ownRules: cite a seed's rule only for what that seed says, and declare your terms of reference's own rules under ownRules; Carepanel has no default for this field"
      }
    ])
  })

  it("another authority's policy cannot cite Brackenmoor's rules: they are declared in Brackenmoor's policy only", () => {
    expect(refusal({ extends: "north-somerset", referral: { submissionDeadline: brackenmoorFile.referral.submissionDeadline } })).toEqual([
      { path: "referral.submissionDeadline.ruleId", message: expect.stringMatching(/^"BRK-4" is not a rule in Carepanel's catalogue .* or in this policy's ownRules: /) }
    ])
  })

  it("an own id is refused when it is the catalogue's, uses the catalogue's prefix (a DEF- default, a seed's) or is not an id", () => {
    const declaring = (rules: Record<string, string>) => refusal({ ...brackenmoorFile, ownRules: { source, rules: { ...ownRules.rules, ...rules } } })
    expect(declaring({ "LIN-4": "Unaccompanied children are presented.", "DEF-QUORUM-FOUR": "Four members.", "brk-5": "Papers go out on Monday." })).toEqual([
      { path: "ownRules.rules.LIN-4", message: "LIN-4 is already a rule of Carepanel's catalogue (shared/docs/rules.md): give your own rules a prefix of your own, such as BRK-" },
      { path: "ownRules.rules.DEF-QUORUM-FOUR", message: "DEF- is the catalogue's prefix (shared/docs/rules.md): give your own rules a prefix of your own, such as BRK-" },
      { path: "ownRules.rules.brk-5", message: '"brk-5" is not a rule id: a prefix and a number in capitals, such as BRK-4' }
    ])
    expect(refusal({ ...brackenmoorFile, ownRules: { rules: ownRules.rules } })).toEqual([{ path: "ownRules.source", message: "is missing" }])
  })

  it.each(presetSlugs)("%s: an undeclared own id is refused at every place the preset cites a rule, by its path", (slug) => {
    const citedAt = (value: unknown, path: ReadonlyArray<string | number> = []): ReadonlyArray<ReadonlyArray<string | number>> =>
      typeof value === "string"
        ? value in ruleCatalogue ? [path] : []
        : Array.isArray(value)
          ? value.flatMap((item, i) => citedAt(item, [...path, i]))
          : value !== null && typeof value === "object"
            ? Object.entries(value).flatMap(([key, item]) => citedAt(item, [...path, key]))
            : []
    const citing = (input: unknown, [key, ...rest]: ReadonlyArray<string | number>): unknown =>
      key === undefined ? "BRK-99" : Array.isArray(input) ? input.map((item, i) => (i === key ? citing(item, rest) : item)) : { ...(input as object), [key]: citing((input as Record<string, unknown>)[key], rest) }
    const paths = citedAt(presetInputs[slug])
    expect(paths.length).toBeGreaterThan(20)
    for (const path of paths) {
      expect(refusal(citing(presetInputs[slug], path) as Record<string, unknown>).map((problem) => problem.path)).toEqual([formatPath(path)])
    }
  })

  test.prop([fc.constantFrom(...Object.keys(ruleCatalogue))])("no catalogue id can be declared as an authority's own", (id) => {
    const problems = refusal({ ...brackenmoorFile, ownRules: { source, rules: { ...ownRules.rules, [id]: "Our own words." } } })
    expect(problems.map((problem) => problem.path)).toEqual([`ownRules.rules.${id}`])
  })

  test.prop([fc.constantFrom(...Object.keys(ruleCatalogue), ...Object.keys(ownRules.rules))])(
    "a rule id known only as text (a notification's ruleId fact, a webhook refusal kept) is cited as citation cites it",
    (id) => {
      expect(citationOfText(id, brackenmoor)).toBe(citation(id as RuleId, brackenmoor))
    }
  )

  it("BRK-4, DEF-OUTSIDE-PANEL: cited from text with its words; an id the policy does not declare, and text that is no rule id, as they are", () => {
    expect(citationOfText("BRK-4", brackenmoor)).toBe(`BRK-4, ${source}, "Requests reach the panel administrator 5 working days before the sitting."`)
    expect(citationOfText("DEF-OUTSIDE-PANEL", brackenmoor)).toBe("DEF-OUTSIDE-PANEL, Carepanel default, not in the terms of reference; set by the authority's policy")
    expect(citationOfText("LIN-3", brackenmoor)).toBe("LIN-3")
    expect(citationOfText("BRK-9", brackenmoor)).toBe("BRK-9")
    expect(citationOfText("(not given)", brackenmoor)).toBe("(not given)")
  })
})

describe("docs/adding-an-authority.md: the Brackenmoor example", () => {
  it("BRK-4, BRK-7: the file the guide shows loads, and its request deadline explains itself as the guide says", () => {
    const guide = repositoryFile("docs/adding-an-authority.md")
    const section = guide.slice(guide.indexOf("### Your own terms of reference's rules"))
    const yaml = section.match(/```yaml\n([\s\S]*?)```/)![1]!
    const shown = section.match(/```text\n([\s\S]*?)\n```/)![1]!
    const policy = Effect.runSync(parsePolicyText(yaml, "brackenmoor.yaml"))
    expect(policy.panels[0].quorum).toEqual({ _tag: "Minimum", members: 4, ruleId: "BRK-7" })
    const [deadline] = deadlinesOf(
      { referrals: [lincolnshireReferral(undefined)], sittings: lincolnshireSittings() },
      { policy, calendar: englandAndWales },
      at(london("2027-06-01", "10:00"))
    )
    expect(deadline!.explanation).toBe(shown)
  })
})
