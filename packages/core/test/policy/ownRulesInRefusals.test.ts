import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { proposeAgenda } from "../../src/agenda/proposeAgenda.js"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { decodePolicy } from "../../src/policy/loadPolicy.js"
import { localDefaultNote } from "../../src/policy/localDefaults.js"
import { referralDecider } from "../../src/referral/ReferralDecider.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import { fold } from "../../src/shared/decider.js"
import { PersonId } from "../../src/shared/ids.js"
import type { SittingCommand } from "../../src/sitting/SittingCommands.js"
import { sittingDecider } from "../../src/sitting/SittingDecider.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { sittingOf } from "../deadlines/fixtures.js"
import { as, contextOf, london } from "../fixtures.js"
import { referralsAt, sittingOn } from "../referral/fixtures.js"
import { basicTest, carers, cmd as placementCmd, placedAt } from "../regulation24/fixtures.js"
import { brackenmoorFile, ownRules, source } from "./brackenmoor.js"

// Brackenmoor's terms of reference also say which requests go to panel by themselves, who may deputise, and what the
// kinship team receives.
const rules = {
  ...ownRules.rules,
  "BRK-3": "A request where a parent or caregiver has a criminal conviction goes to the next sitting of the panel by itself.",
  "BRK-8": "A member who cannot attend names a deputy to stand in for them while they are away.",
  "BRK-20": "The social worker writes up the viability assessment and sends the kinship team the referral with the carers' signed BACS form."
}
const lincolnshire = Effect.runSync(decodePolicy({ extends: "lincolnshire" }))
const brackenmoor = Effect.runSync(
  decodePolicy(
    {
      ...brackenmoorFile,
      ownRules: { source, rules },
      referral: {
        ...brackenmoorFile.referral,
        criteria: lincolnshire.referral.criteria.map((criterion) => (criterion.reason === "parental_convictions" ? { ...criterion, ruleId: "BRK-3" } : criterion)),
        automaticProgression: { ruleId: "BRK-3", withdrawal: { ruleId: "DEF-PROGRESSION-WITHDRAWAL", roles: ["team_manager"] } }
      },
      panels: [{ ...brackenmoorFile.panels[0], deputiesRuleId: "BRK-8" }],
      regulation24: { steps: { viabilityAssessment: "BRK-20", kinshipReferral: "BRK-20" } }
    },
    "brackenmoor.yaml"
  )
)
const cited = (id: keyof typeof rules) => `${id}, ${source}, "${rules[id]}"`

const panelId = "support-panel"
const requests = referralsAt("lincolnshire", panelId, brackenmoor)
const lincolnshireDocuments = lincolnshire.referral.requiredDocuments.filter((document) => document.forRequestTypes === undefined).map(({ kind }) => kind)
/** A request whose father has a conviction, submitted and approved by the team manager at `at`. */
const readyAt = (at: ReturnType<typeof london>) =>
  requests.spec.play(
    [requests.cmd("socialWorker", { _tag: "Submit" }, at), requests.cmd("teamManager", { _tag: "Approve" }, at)],
    requests.draft(
      {
        presentationReasons: ["parental_convictions"],
        parentalHistory: [{ parent: "Dale Rowcliffe", kind: "criminal_conviction", date: "2021-02-11" as never, detail: "Assault" }]
      },
      lincolnshireDocuments
    )
  )

describe("an authority's own rule is cited with its words in the messages that printed its id alone", () => {
  it("BRK-3: a request that goes to panel by itself is on the agenda citing the rule with its words, as is the criterion it rests on", () => {
    const ready = fold(referralDecider, readyAt(london("2027-06-01", "09:00")))!
    expect(ready.criteria.find((criterion) => criterion.ruleId === "BRK-3")?.explanation).toBe(`${cited("BRK-3")}: a parent or caregiver's criminal conviction is recorded (Thu 11 Feb 2021)`)
    const sitting = sittingOf("lincolnshire", panelId, "sit_9jun", "2027-06-09")
    const offered = proposeAgenda(sitting, { referrals: [ready], decisions: [], sittings: [sitting], now: london("2027-06-02", "09:00") }, brackenmoor, englandAndWales)
    expect(offered.map((entry) => entry.summary)).toEqual([`Request (goes to panel automatically, ${cited("BRK-3")}): accommodation under section 20`])
  })

  it("BRK-3: a social worker withdrawing that request is refused, citing the rule with its words", () => {
    const refused = requests.spec.given(readyAt(london("2027-06-01", "09:00"))).when(requests.cmd("socialWorker", { _tag: "Withdraw", reason: "Family moved away" })).refusal()
    expect(refused).toMatchObject({ _tag: "NotPermitted" })
    expect(refused.message).toBe(
      `This request goes to panel automatically (${cited("BRK-3")}: A parent or caregiver has criminal convictions): only the team manager may withdraw it, ` +
        `with the reason recorded (DEF-PROGRESSION-WITHDRAWAL, ${localDefaultNote}).`
    )
  })

  it("BRK-4: a request ready after the deadline is refused for the sitting, citing the deadline's rule with its words", () => {
    const sitting = sittingOn("sit_9jun", panelId, "2027-06-09", "09:30")
    const refused = requests.spec.given(readyAt(london("2027-06-03", "09:00"))).when(requests.cmd("administrator", { _tag: "AcceptOntoSitting", sitting }, london("2027-06-03", "10:00"))).refusal()
    expect(refused).toMatchObject({ _tag: "LateRequest", ruleId: "BRK-4" })
    expect(refused.message).toBe(
      `This request was ready at 09:00 Thu 3 Jun 2027, after the deadline of 12:00 Wed 2 Jun 2027 (${cited("BRK-4")}: noon, 5 working days before the sitting on Wed 9 Jun 2027). ` +
        `It needs the permission of the panel chair or vice chair to be heard then (DEF-LATE-PERMISSION, ${localDefaultNote}).`
    )
  })

  it("BRK-8: a deputy for a member recorded present is refused, citing the panel's deputies rule with its words", () => {
    const spec = deciderSpec(sittingDecider, { ...contextOf("lincolnshire"), policy: brackenmoor })
    const administrator = as(requests.staff.administrator)
    const when = london("2027-06-09", "10:05")
    const attend = (id: string, name: string, status: "present" | "deputy", standsInForPersonId?: string) =>
      ({
        _tag: "RecordAttendance",
        entry: { personId: PersonId.make(id), name, seat: "Member", membership: "standing", status, ...(standsInForPersonId === undefined ? {} : { standsInForPersonId }) },
        by: administrator,
        at: when
      }) as SittingCommand
    const schedule = { _tag: "ScheduleSitting", sittingId: "sit_9jun", panelId, date: "2027-06-09", by: administrator, at: london("2027-06-01", "09:00") } as SittingCommand
    const amiraHere = spec.play([schedule, attend("amira-patel", "Amira Patel", "present")])
    const refused = spec.given(amiraHere).when(attend("kit-aldous", "Kit Aldous", "deputy", "amira-patel")).refusal()
    expect(refused).toMatchObject({ _tag: "DeputyCannotStandIn", ruleId: "BRK-8" })
    expect(refused.message).toBe(
      `Amira Patel is recorded as present, so Kit Aldous cannot stand in for them: a deputy covers a member who is away (${cited("BRK-8")}). If Amira Patel has sent apologies or left, record that first.`
    )
  })

  it("BRK-20: a referral to the kinship team without what it needs is refused, citing the rule with its words once", () => {
    const spec = deciderSpec(placementDecider, { ...contextOf("lincolnshire"), policy: brackenmoor })
    const placed = spec.play([basicTest(), placementCmd("socialWorker", { _tag: "RecordPlacementMade", placedAt, carers })])
    const refused = spec.given(placed).when(placementCmd("socialWorker", { _tag: "RecordKinshipReferral", bacsFormSigned: false }, london("2027-03-27", "12:00"))).refusal()
    expect(refused).toMatchObject({ _tag: "KinshipReferralIncomplete", missing: [{ ruleId: "BRK-20" }, { ruleId: "BRK-20" }, { ruleId: "LIN-17" }] })
    expect(refused.message).toBe(
      `The referral cannot go to the kinship team without the BACS form signed by the carers (${cited("BRK-20")}), the viability assessment (BRK-20), the locality service manager's authorisation (LIN-17).`
    )
  })

  it("BRK-11: a refusal to submit cites an own rule in full once when it is behind both a missing field and an unbacked reason", () => {
    const BRK_11 = "A request resting on a parent's conviction records the conviction and the parents' views."
    const convictions = Effect.runSync(
      decodePolicy(
        {
          ...brackenmoorFile,
          ownRules: { source, rules: { ...ownRules.rules, "BRK-11": BRK_11 } },
          referral: {
            ...brackenmoorFile.referral,
            criteria: lincolnshire.referral.criteria.map((criterion) => (criterion.reason === "parental_convictions" ? { ...criterion, ruleId: "BRK-11" } : criterion)),
            requiredFields: [{ _tag: "RequestField", field: "parents_views", ruleId: "BRK-11" }]
          }
        },
        "brackenmoor.yaml"
      )
    )
    const submitting = referralsAt("lincolnshire", panelId, convictions)
    const draft = submitting.draft({ presentationReasons: ["parental_convictions"], parentalHistory: [], parentsViews: undefined }, lincolnshireDocuments)
    const refused = submitting.spec.given(draft).when(submitting.cmd("socialWorker", { _tag: "Submit" })).refusal()
    expect(refused).toMatchObject({ _tag: "IncompleteRequest", missing: [{ field: "parents_views", ruleId: "BRK-11" }, { field: "presentationReasons", ruleId: "BRK-11" }] })
    expect(refused.message).toBe(
      `The request cannot be submitted yet. Please complete: the parents' views (BRK-11, ${source}, "${BRK_11}"); ` +
        `the parent's or caregiver's criminal conviction: who, when and what, which the reason "A parent or caregiver has criminal convictions" (BRK-11) rests on.`
    )
  })
})
