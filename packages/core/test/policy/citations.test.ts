import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import { textOf } from "../../src/documents/DocumentModel.js"
import { Documents } from "../../src/documents/Documents.js"
import { defaultNoteAreasWithin } from "../../src/disagreement/disagreementClocks.js"
import type { AuthorityPolicy } from "../../src/policy/AuthorityPolicy.js"
import { type PresetSlug, preset, presetSlugs } from "../../src/policy/authorities/index.js"
import { dissentRuleOf, outsidePanelRecordRuleOf, timescalesRuleOf } from "../../src/policy/DecisionPolicy.js"
import { parsePolicyText } from "../../src/policy/loadPolicy.js"
import { Outbox } from "../../src/ports/Outbox.js"
import { citation } from "../../src/policy/citation.js"
import { isLocalDefault, type LocalDefaultId, localDefaults } from "../../src/policy/localDefaults.js"
import { deputiesRuleOf, observersRuleOf } from "../../src/policy/PanelPolicy.js"
import { ruleCatalogue, type seedRules } from "../../src/policy/rules.js"
import { staffOf } from "../../src/testing/actors.js"
import { InMemoryAccessLog } from "../../src/testing/InMemoryAccessLog.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { playCase } from "../scenario/playCase.js"
import { repositoryFile } from "@carepanel/core/mutation/repositoryFile"

/** The seed each preset encodes (`shared/seeds/README.md`). */
const seedOfPreset: Record<PresetSlug, string> = {
  knowsley: "KNO",
  "support-panels": "SUP",
  "north-somerset": "NSO",
  "care-planning": "CPR",
  lincolnshire: "LIN"
}

/**
 * What each seed rule may be cited for, by policy field (array indices as `[]`), read against `shared/docs/rules.md`.
 * A preset citing a seed id for anything else (a quorum under KNO-2, a sign-off under SUP-6) fails: the seed does not
 * say it, so it is a `DEF-` default. Reviewed by hand; add a field only where the rule's text says so.
 */
const seedSupports: Partial<Record<keyof typeof seedRules, ReadonlyArray<string>>> = {
  "KNO-1": ["panels[].ruleId"],
  "KNO-2": ["panels[].attendanceConfirmation.ruleId", "panels[].observersRuleId", "panels[].deputiesRuleId"],
  "KNO-4": ["referral.teamManagerConsultationRequired"],
  "KNO-5": ["referral.criteria[].ruleId", "outsidePanel.ruleId", "outsidePanel.emergencyLpmRuleId"],
  "KNO-6": ["referral.submissionDeadline.ruleId", "referral.approvals[].ruleId", "referral.requiredDocuments[].ruleId", "referral.requiredFields[].ruleId"],
  "SUP-1": ["panels[].ruleId"],
  "SUP-2": ["referral.criteria[].ruleId", "referral.inScope.ruleId"],
  "SUP-3": ["referral.criteria[].ruleId", "referral.automaticProgression.ruleId"],
  "SUP-4": ["referral.submissionDeadline.ruleId", "referral.approvals[].ruleId"],
  "SUP-5": ["referral.requiredDocuments[].ruleId"],
  "SUP-7": ["outsidePanel.ruleId"],
  "SUP-8": ["disagreement.ruleId", "disagreement.dissentRuleId"],
  "NSO-1": ["panels[].ruleId", "panels[].quorum.ruleId"],
  "NSO-2": ["referral.approvals[].ruleId"],
  "NSO-3": ["referral.submissionDeadline.ruleId", "sitting.papersToMembers.ruleId"],
  "NSO-4": ["referral.requiredDocuments[].ruleId", "referral.requiredFields[].ruleId"],
  "NSO-5": ["referral.requiredFields[].ruleId"],
  "NSO-6": ["referral.criteria[].ruleId", "referral.inScope.ruleId", "referral.expenditureThreshold.ruleId", "referral.requiredFields[].ruleId"],
  "NSO-7": ["referral.exclusions[].ruleId"],
  "NSO-8": ["decision.signOff[].ruleId"],
  "NSO-9": ["decision.automaticReviews[].ruleId", "decision.automaticReviews[].earliest.ruleId", "decision.automaticReviews[].latest.ruleId"],
  "NSO-10": ["outsidePanel.ruleId"],
  "CPR-1": ["panels[].ruleId"],
  "CPR-2": ["panels[].slotMinutes.ruleId"],
  "CPR-3": ["panels[].deputiesRuleId"],
  "CPR-4": ["referral.seniorInput.ruleId", "referral.submissionDeadline.ruleId", "referral.latePermission.ruleId", "referral.requiredDocuments[].ruleId"],
  "CPR-5": ["referral.criteria[].ruleId", "referral.inScope.ruleId"],
  "CPR-6": ["decision.complexNeedsReferral.ruleId"],
  "CPR-7": ["disagreement.dissentRuleId"],
  "CPR-9": ["sitting.papersToMembers.ruleId"],
  "CPR-10": ["decision.highlightsRuleId", "decision.reviewRuleId"],
  "CPR-11": ["sitting.record.draftToChair.ruleId", "sitting.record.finalFromChair.ruleId", "sitting.record.uploadEachChild.ruleId", "decision.signOff[].ruleId"],
  "LIN-1": ["panels[].ruleId", "decision.chairIndependence.ruleId"],
  "LIN-2": ["referral.criteria[].ruleId", "referral.inScope.ruleId"],
  "LIN-3": ["referral.submissionDeadline.ruleId", "referral.approvals[].ruleId", "referral.requiredDocuments[].ruleId"],
  "LIN-4": ["referral.exclusions[].ruleId"],
  "LIN-5": ["decision.timescalesRuleId", "decision.signsOfSafetyMinutes"],
  "LIN-6": ["decision.actionsCaseNote.ruleId"],
  "LIN-7": ["decision.returnWaivableByCaseNote"],
  "LIN-8": ["decision.changeOfCircumstancesApprover.ruleId"],
  "LIN-9": ["decision.fgcReferralEscalations[].clock.ruleId"],
  "LIN-11": ["outsidePanel.ruleId", "outsidePanel.recordRuleId"],
  "LIN-12": ["outsidePanel.s20Tasks.clock.ruleId"],
  "LIN-13": ["disagreement.ruleId", "disagreement.dissentRuleId"],
  "LIN-14": ["regulation24.steps.basicTest"],
  "LIN-15": ["regulation24.steps.policeProtection"],
  "LIN-16": ["regulation24.viabilityAssessment.ruleId", "regulation24.steps.viabilityAssessment"],
  "LIN-17": ["regulation24.steps.authorisation"],
  "LIN-18": ["regulation24.kinshipReferral.ruleId", "regulation24.steps.kinshipReferral"]
}

/** Every rule id a value of the policy holds, with its path. */
const citationsIn = (value: unknown, path = ""): Array<{ path: string; ruleId: string }> => {
  if (typeof value === "string") return value in ruleCatalogue ? [{ path, ruleId: value }] : []
  if (Array.isArray(value)) return value.flatMap((item) => citationsIn(item, `${path}[]`))
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => citationsIn(item, path === "" ? key : `${path}.${key}`))
  }
  return []
}

/** The policy's own citations and the ones code falls back to where the policy sets none (the checks the deciders run). */
const effectiveCitations = (policy: AuthorityPolicy) => [
  ...citationsIn(policy),
  ...policy.panels.flatMap((panel) => [
    { path: "panels[].observersRuleId", ruleId: observersRuleOf(panel) },
    { path: "panels[].deputiesRuleId", ruleId: deputiesRuleOf(panel) }
  ]),
  { path: "decision.timescalesRuleId", ruleId: timescalesRuleOf(policy.decision) },
  { path: "outsidePanel.recordRuleId", ruleId: outsidePanelRecordRuleOf(policy.outsidePanel) },
  { path: "disagreement.dissentRuleId", ruleId: dissentRuleOf(policy.disagreement) },
  { path: "disagreement.noteAreasWithin.ruleId", ruleId: (policy.disagreement.noteAreasWithin ?? defaultNoteAreasWithin).ruleId }
]

/** Why a citation is dishonest for this preset, or undefined when it is true of its source. */
const dishonesty = (slug: PresetSlug, { path, ruleId }: { path: string; ruleId: string }): string | undefined => {
  if (isLocalDefault(ruleId) || ruleId.startsWith("STAT-")) return undefined
  const seed = ruleId.split("-")[0]
  if (seed !== seedOfPreset[slug]) return `${path} cites ${ruleId}, a rule of another panel's terms of reference`
  const supported = seedSupports[ruleId as keyof typeof seedRules] ?? []
  return supported.includes(path) ? undefined : `${path} cites ${ruleId}, which does not say this`
}

/** A seed rule id anywhere in a text the core writes for a reader. */
const citedIds = /\b(?:KNO|SUP|NSO|CPR|LIN)-\d+\b/g

/** A seed id in a text is honest only when it is this preset's own seed's. */
const isOwnCitation = (slug: PresetSlug, ruleId: string) => ruleId.startsWith(`${seedOfPreset[slug]}-`)

describe("honest citations: every preset cites only what its own seed says, and DEF- for Carepanel's defaults", () => {
  it.each(presetSlugs)("%s: every clock, check and notification rule in the policy is its own seed's, national law, or a DEF- default", (slug) => {
    const problems = effectiveCitations(preset(slug))
      .map((entry) => dishonesty(slug, entry))
      .filter((problem) => problem !== undefined)
    expect(problems).toEqual([])
  })

  it("the check itself catches a foreign citation and a seed id cited for something its seed does not say", () => {
    expect(dishonesty("knowsley", { path: "disagreement.ruleId", ruleId: "SUP-8" })).toContain("another panel's")
    expect(dishonesty("knowsley", { path: "panels[].quorum.ruleId", ruleId: "KNO-2" })).toContain("does not say this")
    // KNO-3 is the edge-of-care services' capacity report: the Circle of Support's criteria and scope come from its
    // "Purpose of the Panel" bullets, which no KNO rule numbers.
    expect(dishonesty("knowsley", { path: "referral.inScope.ruleId", ruleId: "KNO-3" })).toContain("does not say this")
    expect(dishonesty("knowsley", { path: "referral.criteria[].ruleId", ruleId: "KNO-3" })).toContain("does not say this")
    expect(dishonesty("lincolnshire", { path: "referral.latePermission.ruleId", ruleId: "LIN-3" })).toContain("does not say this")
    // CPR-10's record holds recommended actions and review dates; it gives an action no due date.
    expect(dishonesty("care-planning", { path: "decision.timescalesRuleId", ruleId: "CPR-10" })).toContain("does not say this")
    expect(dishonesty("care-planning", { path: "disagreement.resolveWithin.ruleId", ruleId: "DEF-DISAGREEMENT-10WD" })).toBeUndefined()
  })

  it.effect.each(presetSlugs)("%s: every clock a whole case starts cites its own seed, national law or a DEF- default that says so", (slug) =>
    Effect.gen(function* () {
      const policy = preset(slug)
      const result = yield* playCase(policy)
      const all = yield* (yield* Deadlines).forAuthority(staffOf(policy.authority.id).administrator, { includeMet: true })
      const placement = Object.values(result.placement).flatMap((value) => (Array.isArray(value) ? value : []))
      const deadlines = [...all, ...result.s20Tasks, ...placement].filter((entry) => typeof entry === "object" && "explanation" in entry)
      expect(deadlines.length).toBeGreaterThan(10)
      // CPR-6: the Complex Needs Panel template clock is among those walked where the policy runs it.
      expect(deadlines.some((deadline) => deadline.id.endsWith(":complex-needs-template"))).toBe(policy.decision.complexNeedsReferral !== undefined)
      for (const deadline of deadlines) {
        const seed = deadline.ruleId.split("-")[0]
        expect([seedOfPreset[slug], "STAT", "DEF"], `${deadline.id} cites ${deadline.ruleId}`).toContain(seed)
        expect(deadline.explanation).toContain(` - ${citation(deadline.ruleId, policy)}: `)
      }
    }).pipe(Effect.provide(inMemoryCore(preset(slug))))
  )

  it.effect.each(presetSlugs)(
    "%s: a played case's notifications, the sitting's minutes and the child's court bundle cite only its own seed's rules, national law or DEF- defaults, each DEF- id with its note",
    (slug) =>
      Effect.gen(function* () {
        const policy = preset(slug)
        const result = yield* playCase(policy)
        const sent = (yield* (yield* Outbox).due("email", "2100-01-01T00:00:00.000Z", 100_000)).map((entry) => entry.notification)
        expect(sent.length).toBeGreaterThan(20)
        const documents = yield* Documents
        const request = { actor: staffOf(policy.authority.id).chair, identityGranted: true, purpose: "citations walk" }
        const childId = result.first.decisions[0]!.subject.childIds[0]!
        const texts = [
          ...sent.flatMap((notification) => [`${notification.kind}: ${notification.headline}`, ...notification.body.map((line) => `${notification.kind}: ${line}`)]),
          ...sent.flatMap((notification) => (notification.actBy === undefined ? [] : [`${notification.kind}: ${notification.actBy.explanation}`])),
          ...textOf(yield* documents.minutes(request, result.first.sitting.id)).map((line) => `minutes: ${line}`),
          ...textOf((yield* documents.courtBundle(request, childId)).document).map((line) => `court bundle: ${line}`)
        ]
        const cited = texts.flatMap((text) => [...text.matchAll(citedIds)].map((match) => ({ where: text.split(":")[0], ruleId: match[0] })))
        expect(cited.some((entry) => isOwnCitation(slug, entry.ruleId))).toBe(true)
        expect([...new Set(cited.filter((entry) => !isOwnCitation(slug, entry.ruleId)).map((entry) => `${entry.where} cites ${entry.ruleId}`))]).toEqual([])
        // A DEF- id a reader sees says it is Carepanel's default (rules.md, "Citing honestly"), in headlines too; a clocks
        // table's rule cell alone is exempt: its row's explanation says it.
        const bare = texts.filter(
          (text) =>
            !/^[^:]+: DEF-[A-Z0-9-]+$/.test(text) &&
            [...text.matchAll(/\bDEF-[A-Z0-9]+(?:-[A-Z0-9]+)*/g)].some((match) => !text.startsWith(`${match[0]}, Carepanel default`, match.index))
        )
        expect(bare).toEqual([])
      }).pipe(Effect.provide(Documents.Default.pipe(Layer.provideMerge(inMemoryCore(preset(slug))), Layer.provideMerge(InMemoryAccessLog))))
  )

  it.effect.each([
    ["knowsley", "DEF-RECORD-TIMESCALES", "DEF-OUTSIDE-PANEL-RECORD", "KNO-5"],
    ["support-panels", "DEF-RECORD-TIMESCALES", "DEF-OUTSIDE-PANEL-RECORD", "DEF-RETROSPECTIVE-SLOT"],
    ["north-somerset", "DEF-RECORD-TIMESCALES", "DEF-OUTSIDE-PANEL-RECORD", "NSO-10"],
    ["care-planning", "DEF-RECORD-TIMESCALES", "DEF-OUTSIDE-PANEL-RECORD", "DEF-OUTSIDE-PANEL"],
    ["lincolnshire", "LIN-5", "LIN-11", undefined]
  ] as const)(
    "DEF-RECORD-TIMESCALES, DEF-OUTSIDE-PANEL-RECORD, DEF-RETROSPECTIVE-SLOT, DEF-OUTSIDE-PANEL: at %s an action's clock cites %s at a sitting and %s outside panel, and the retrospective presentation %s",
    ([slug, atPanelRule, outsideRule, retrospectiveRule]) =>
      Effect.gen(function* () {
        const policy = preset(slug)
        const result = yield* playCase(policy)
        const all = yield* (yield* Deadlines).forAuthority(staffOf(policy.authority.id).administrator, { includeMet: true })
        const actionRules = (decisionId: string) => new Set(all.filter((deadline) => deadline.id.startsWith(`${decisionId}:action:`)).map((deadline) => deadline.ruleId))
        expect(actionRules(result.first.decisions[0]!.id)).toEqual(new Set([atPanelRule]))
        expect(actionRules(result.outside.id)).toEqual(new Set([outsideRule]))
        expect(all.filter((deadline) => deadline.id.endsWith(":retrospective")).map((deadline) => deadline.ruleId)).toEqual(retrospectiveRule === undefined ? [] : [retrospectiveRule])
      }).pipe(Effect.provide(inMemoryCore(preset(slug))))
  )

  it.effect("LIN-6, LIN-9: an agreement outside panel starts no Support Panel Actions case note and no FGC escalation, which count from a sitting; the panel's decision does", () =>
    Effect.gen(function* () {
      const policy = preset("lincolnshire")
      const result = yield* playCase(policy)
      const all = yield* (yield* Deadlines).forAuthority(staffOf(policy.authority.id).administrator, { includeMet: true })
      const rulesOf = (decisionId: string) => all.filter((deadline) => deadline.id.startsWith(`${decisionId}:`)).map((deadline) => deadline.ruleId)
      expect(rulesOf(result.first.decisions[0]!.id)).toEqual(expect.arrayContaining(["LIN-6", "LIN-9"]))
      expect(result.outside.outsidePanel).toBeDefined()
      expect(rulesOf(result.outside.id).filter((ruleId) => ruleId === "LIN-6" || ruleId === "LIN-9")).toEqual([])
    }).pipe(Effect.provide(inMemoryCore(preset("lincolnshire"))))
  )

  it.each(Object.keys(localDefaults))("%s: its catalogue entry says it is a Carepanel default the authority's policy may change", (id) => {
    expect(ruleCatalogue[id as keyof typeof ruleCatalogue]).toContain("Carepanel default, not in the terms of reference; set by the authority's policy")
    // A default reads the same under any policy: none is given.
    expect(citation(id as LocalDefaultId, undefined)).toContain(`${id}, Carepanel default`)
  })
})

describe("docs/domain-guide.md lists Carepanel's defaults", () => {
  it("DEF-LATE-PERMISSION and every other DEF- id has a row with its reason and the policy field that changes it", () => {
    const guide = repositoryFile("docs/domain-guide.md")
    for (const [id, entry] of Object.entries(localDefaults)) {
      const row = guide.split("\n").find((line) => line.startsWith(`| ${id} |`))
      expect(row, id).toBeDefined()
      expect(row).toContain(entry.why)
      for (const field of entry.policyField.split(", ")) expect(row).toContain(`\`${field}\``)
    }
  })
})

describe("docs/adding-an-authority.md", () => {
  it.effect("DEF-SLOT-MINUTES, DEF-QUORUM-CHAIR-DECIDES: the example policy file decodes and cites only Lincolnshire's rules and Carepanel's defaults", () =>
    Effect.gen(function* () {
      const guide = repositoryFile("docs/adding-an-authority.md")
      const yaml = guide.match(/```yaml\n([\s\S]*?)```/)![1]!
      const policy = yield* parsePolicyText(yaml, "fenmoor.yaml")
      expect(policy.panels[0].quorum.ruleId).toBe("DEF-QUORUM-CHAIR-DECIDES")
      // A clock cited to LIN-3 runs what LIN-3 says, noon on the Friday before (a Monday deadline is not LIN-3's).
      expect(policy.referral.submissionDeadline).toEqual(preset("lincolnshire").referral.submissionDeadline)
      expect(effectiveCitations(policy).map((entry) => dishonesty("lincolnshire", entry)).filter((problem) => problem !== undefined)).toEqual([])
    })
  )
})
