import { preset } from "@carepanel/core"
import { staffOf } from "@carepanel/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { deadlines, mutation } from "./support/documents.js"
import { startTestApp, type TestApp } from "./support/harness.js"
import { tokenFor } from "./support/scenario.js"
import { repositoryFile } from "@carepanel/core/mutation/repositoryFile"

let app: TestApp
const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)
const onPlacement = "... on Placement { id underPoliceProtection policeProtectionEnded { outcome endedAt by { name } } approvalStanding extensionGrounds { reconsidered { reasons by { name } } iroInformed { iroName } } approval { extendedByWeeks } }"
const placementQuery = `query Placement($id: ID!) { placement(id: $id) { ${onPlacement} } }`

beforeAll(async () => {
  app = await startTestApp([policy])
})
afterAll(() => app.close())

/** A Lincolnshire Regulation 24 placement made an hour ago, the child under police protection since two hours ago. */
const placedUnderPoliceProtection = async (childId: string) => {
  const worker = await tokenFor(app, staff.socialWorker)
  const tested = await app.post(worker, mutation("recordBasicTest", "... on Placement { id }"), {
    input: { childId, wouldRefuseToSupportReturnHome: false, wouldAskPoliceToUsePoliceProtection: true, wouldSeekLegalAdviceToStartCareProceedings: false }
  })
  const placementId: string = tested.body.data.recordBasicTest.id
  const since = new Date(Date.now() - 2 * 3_600_000).toISOString()
  await app.post(worker, mutation("recordPolicePowers", "... on Placement { id }"), { input: { placementId, underPoliceProtection: true, since } })
  const placedAt = new Date(Date.now() - 3_600_000).toISOString()
  const carers = [{ name: "Della Penrose", relationship: "maternal aunt", hasParentalResponsibility: true }]
  await app.post(worker, mutation("recordPlacementMade", "... on Placement { id }"), { input: { placementId, placedAt, carers } })
  return { worker, placementId, since }
}

describe("police protection over HTTP (STAT-S46)", () => {
  it("STAT-S46: a placed child still shows under police protection and its 72-hour clock runs; an EPO recorded ends it and meets the clock", async () => {
    const { worker, placementId, since } = await placedUnderPoliceProtection("sd-child-1")
    const before = await app.post(worker, placementQuery, { id: placementId })
    expect(before.body.data.placement).toMatchObject({ underPoliceProtection: true, policeProtectionEnded: null, approvalStanding: "approved" })
    const open = await app.post(worker, deadlines, { days: 10 })
    const clock = open.body.data.deadlines.find((deadline: { id: string }) => deadline.id === `${placementId}:police-protection`)
    expect(clock, open.text).toMatchObject({ ruleId: "STAT-S46", state: "pending" })
    expect(new Date(clock.due).getTime() - new Date(since).getTime()).toBe(72 * 3_600_000)

    const ended = await app.post(worker, mutation("recordPoliceProtectionOutcome", `${onPlacement} ... on PoliceProtectionOutcomeRefused { ruleId }`), { input: { placementId, outcome: "emergency_protection_order" } })
    expect(ended.body.data.recordPoliceProtectionOutcome, ended.text).toMatchObject({
      underPoliceProtection: false,
      policeProtectionEnded: { outcome: "emergency_protection_order", by: { name: staff.socialWorker.name } }
    })
    const again = await app.post(worker, mutation("recordPoliceProtectionOutcome", `${onPlacement} ... on PoliceProtectionOutcomeRefused { ruleId }`), { input: { placementId, outcome: "returned_home" } })
    expect(again.body.data.recordPoliceProtectionOutcome).toMatchObject({ __typename: "PoliceProtectionOutcomeRefused", ruleId: "STAT-S46" })
  })

  it("docs/api.md's police protection example records how it ended, as the docs show it", async () => {
    const docs = repositoryFile("docs/api.md")
    const example = /```graphql\n(mutation Run\(\$input: RecordPoliceProtectionOutcomeInput!\)[\s\S]*?)```/.exec(docs)![1]!
    const { worker, placementId } = await placedUnderPoliceProtection("sd-child-3")
    const ended = await app.post(worker, example, { input: { placementId, outcome: "interim_care_order" } })
    expect(ended.body.data.recordPoliceProtectionOutcome, ended.text).toMatchObject({
      __typename: "Placement",
      underPoliceProtection: false,
      policeProtectionEnded: { outcome: "interim_care_order", by: { name: staff.socialWorker.name } }
    })
  })

  it("STAT-S46: s20 accommodation is refused as an outcome until consent is recorded", async () => {
    const { worker, placementId } = await placedUnderPoliceProtection("sd-child-2")
    // Not yet recorded: accommodation under s20 needs its consents in full first (recordS20Accommodation).
    const refused = await app.post(worker, mutation("recordPoliceProtectionOutcome", `${onPlacement} ... on PoliceProtectionOutcomeRefused { ruleId }`), { input: { placementId, outcome: "accommodated_s20" } })
    expect(refused.body.data.recordPoliceProtectionOutcome, refused.text).toMatchObject({ __typename: "PoliceProtectionOutcomeRefused", ruleId: "STAT-S46" })
  })
})

describe("the child going home ends looked-after status over HTTP (STAT-S46, STAT-S20-CONSENT, STAT-R33)", () => {
  const lookedAfter = (worker: string, childId: string) =>
    app.post(worker, `query ($childId: ID!) { childRecord(childId: $childId) { ... on ChildRecord { lookedAfter { from } lookedAfterPeriods { endedAt endReason } clocks { id ruleId state } } } }`, { childId })

  it("STAT-S46: police protection ended with the child returned home ends her looked-after period then, and no review clock runs", async () => {
    const { worker, placementId } = await placedUnderPoliceProtection("sd-home-1")
    const endedAt = new Date(Date.now() - 30 * 60_000).toISOString()
    await app.post(worker, mutation("recordPoliceProtectionOutcome", "... on Placement { id }"), { input: { placementId, outcome: "returned_home", endedAt } })
    const record = (await lookedAfter(worker, "sd-home-1")).body.data.childRecord
    expect(record.lookedAfter).toBeNull()
    expect(record.lookedAfterPeriods).toEqual([{ endedAt, endReason: "police protection ended: the child was returned home (STAT-S46)" }])
    expect(record.clocks.filter((clock: { ruleId: string }) => clock.ruleId === "STAT-R33")).toEqual([])
  })

  it("STAT-S20-CONSENT: consent withdrawn and the placement ended with the child returned home ends her looked-after period, naming s20(8)", async () => {
    const worker = await tokenFor(app, staff.socialWorker)
    const tested = await app.post(worker, mutation("recordBasicTest", "... on Placement { id }"), {
      input: { childId: "sd-home-2", wouldRefuseToSupportReturnHome: true, wouldAskPoliceToUsePoliceProtection: false, wouldSeekLegalAdviceToStartCareProceedings: false }
    })
    const placementId: string = tested.body.data.recordBasicTest.id
    const carers = [{ name: "Della Penrose", relationship: "maternal aunt", hasParentalResponsibility: true }]
    await app.post(worker, mutation("recordPlacementMade", "... on Placement { id }"), { input: { placementId, placedAt: new Date(Date.now() - 3_600_000).toISOString(), carers } })
    const consent = { name: "Dana Harrow", relationship: "mother", consentGivenAt: new Date(Date.now() - 3_600_000).toISOString(), consentGivenTo: "Priya Ashdown", toldOfRightToObjectAndRemove: true }
    await app.post(worker, mutation("recordS20Accommodation", "... on Placement { id }"), { input: { placementId, consents: [consent], childWishesAndFeelings: "Wants to stay with her aunt" } })
    await app.post(worker, mutation("recordS20ConsentWithdrawn", "... on Placement { id }"), { input: { placementId, withdrawnBy: "Dana Harrow" } })
    expect((await lookedAfter(worker, "sd-home-2")).body.data.childRecord.lookedAfterPeriods).toEqual([{ endedAt: null, endReason: null }])
    const ended = await app.post(worker, mutation("endPlacement", "... on Placement { status }"), { input: { placementId, reason: "child_returned_home" } })
    expect(ended.body.data.endPlacement, ended.text).toMatchObject({ status: "ended" })
    const record = (await lookedAfter(worker, "sd-home-2")).body.data.childRecord
    expect(record.lookedAfter).toBeNull()
    expect(record.lookedAfterPeriods).toMatchObject([
      { endReason: expect.stringMatching(/^the parent removed the child \(s20\(8\)\): Dana Harrow withdrew consent at \d\d:\d\d \w{3} \d{1,2} \w{3} \d{4}, and the child returned home$/) }
    ])
    expect(record.clocks.filter((clock: { ruleId: string }) => clock.ruleId === "STAT-R33")).toEqual([])
  })
})

describe("s20 consent over HTTP (STAT-S20-CONSENT)", () => {
  it("STAT-S20-CONSENT: refused naming what is missing; in full it ends police protection as s20; withdrawn, the basis ends", async () => {
    const { worker, placementId } = await placedUnderPoliceProtection("sd-child-4")
    const record = mutation("recordS20Accommodation", "... on Placement { id s20Basis underPoliceProtection } ... on S20ConsentIncomplete { ruleId missing }")
    const consent = { name: "Dana Harrow", relationship: "mother", consentGivenAt: new Date(Date.now() - 60_000).toISOString(), consentGivenTo: "Priya Ashdown", toldOfRightToObjectAndRemove: false }
    const refused = await app.post(worker, record, { input: { placementId, consents: [consent] } })
    expect(refused.body.data.recordS20Accommodation, refused.text).toMatchObject({
      __typename: "S20ConsentIncomplete",
      ruleId: "STAT-S20-CONSENT",
      missing: ["that Dana Harrow was told of the right to object and to remove the child at any time", "the child's wishes and feelings, or why they could not be ascertained"]
    })
    const recorded = await app.post(worker, record, {
      input: { placementId, consents: [{ ...consent, toldOfRightToObjectAndRemove: true }], childWishesAndFeelings: "Wants to stay with her aunt" }
    })
    expect(recorded.body.data.recordS20Accommodation, recorded.text).toMatchObject({ __typename: "Placement", s20Basis: true, underPoliceProtection: true })
    const ended = await app.post(worker, mutation("recordPoliceProtectionOutcome", onPlacement), { input: { placementId, outcome: "accommodated_s20" } })
    expect(ended.body.data.recordPoliceProtectionOutcome, ended.text).toMatchObject({ underPoliceProtection: false, policeProtectionEnded: { outcome: "accommodated_s20" } })
    const withdrawn = await app.post(worker, mutation("recordS20ConsentWithdrawn", "... on Placement { s20Basis s20ConsentWithdrawnAt urgent }"), { input: { placementId, withdrawnBy: "Dana Harrow" } })
    expect(withdrawn.body.data.recordS20ConsentWithdrawn, withdrawn.text).toMatchObject({ s20Basis: false, urgent: true })
  })
})

describe("extending a temporary approval over HTTP (STAT-R25-3)", () => {
  it("STAT-R25-3: refused naming the missing steps; the steps recorded, refused to a team manager, made by the nominated officer", async () => {
    const { worker, placementId } = await placedUnderPoliceProtection("sd-child-3")
    const officer = await tokenFor(app, staff.headOfService)
    const extend = mutation("extendApproval", `${onPlacement} ... on ExtensionConditionsNotMet { missing } ... on NotNominatedOfficer { ruleId }`)
    const early = await app.post(officer, extend, { input: { placementId, weeks: 8 } })
    expect(early.body.data.extendApproval, early.text).toMatchObject({
      __typename: "ExtensionConditionsNotMet",
      missing: [
        "the placement was reconsidered and is still the most appropriate, with reasons",
        "the fostering panel's views were sought",
        "the child's Independent Reviewing Officer was informed"
      ]
    })
    await app.post(worker, mutation("recordPlacementReconsidered", "... on Placement { id }"), {
      input: { placementId, stillMostAppropriate: true, reasons: "Settled with her aunt; the full assessment needs six more weeks" }
    })
    await app.post(worker, mutation("recordFosteringPanelViewsSought", "... on Placement { id }"), { input: { placementId } })
    const informed = await app.post(worker, mutation("recordIroInformed", onPlacement), { input: { placementId, iroName: "Nadia Quarrie" } })
    expect(informed.body.data.recordIroInformed, informed.text).toMatchObject({
      extensionGrounds: { reconsidered: { by: { name: staff.socialWorker.name } }, iroInformed: { iroName: "Nadia Quarrie" } }
    })
    const byManager = await app.post(await tokenFor(app, staff.teamManager), extend, { input: { placementId, weeks: 8 } })
    expect(byManager.body.data.extendApproval).toMatchObject({ __typename: "NotNominatedOfficer", ruleId: "STAT-R25-3" })
    const extended = await app.post(officer, extend, { input: { placementId, weeks: 8 } })
    expect(extended.body.data.extendApproval, extended.text).toMatchObject({ __typename: "Placement", approvalStanding: "extended", approval: { extendedByWeeks: 8 }, extensionGrounds: null })
  })
})

describe("looked-after status and reviews over HTTP (STAT-R33, SSDA903)", () => {
  const onRecord =
    "... on ChildRecord { childId legalStatus { code label from } lookedAfter { from route how reviews { heldAt iroName } } clocks { id ruleId due state explanation } }"

  it("STAT-R33: a placement under police protection makes the child looked after (L1) from the placement; docs/api.md's review example meets the first review and starts the second; the clock is in the deadline list", async () => {
    const docs = repositoryFile("docs/api.md")
    const example = /```graphql\n(mutation Run\(\$input: RecordLookedAfterReviewInput!\)[\s\S]*?)```/.exec(docs)![1]!
    const { worker } = await placedUnderPoliceProtection("sd-la-1")
    const query = await app.post(worker, `query ($childId: ID!) { childRecord(childId: $childId) { ${onRecord} } }`, { childId: "sd-la-1" })
    const record = query.body.data.childRecord
    expect(record, query.text).toMatchObject({
      legalStatus: { code: "L1", label: "under police protection and in local authority accommodation" },
      lookedAfter: { route: "police_protection_accommodation", reviews: [] }
    })
    const placedAt = record.lookedAfter.from
    expect(record.clocks).toContainEqual(
      expect.objectContaining({ id: "sd-la-1:r33:la-1:1", ruleId: "STAT-R33", state: "pending", explanation: expect.stringContaining(`STAT-R33: 20 working days after the child became looked after at`) })
    )
    const listed = await app.post(worker, deadlines, { days: 40 })
    expect(listed.body.data.deadlines.map((d: { id: string }) => d.id)).toContain("sd-la-1:r33:la-1:1")

    const early = await app.post(worker, example, { input: { childId: "sd-la-1", heldAt: new Date(new Date(placedAt).getTime() - 60_000).toISOString(), iroName: "Imogen Reyes" } })
    expect(early.body.data.recordLookedAfterReview, early.text).toMatchObject({ __typename: "LookedAfterRefused", ruleId: "STAT-R33" })
    const heldAt = new Date(Date.now() - 60_000).toISOString()
    const reviewed = await app.post(worker, example, { input: { childId: "sd-la-1", heldAt, iroName: "Imogen Reyes" } })
    const after = reviewed.body.data.recordLookedAfterReview
    expect(after, reviewed.text).toMatchObject({ __typename: "ChildRecord", lookedAfter: { reviews: [{ heldAt, iroName: "Imogen Reyes" }] } })
    expect(after.clocks.filter((c: { ruleId: string }) => c.ruleId === "STAT-R33").map((c: { id: string; state: string }) => [c.id, c.state])).toEqual([
      ["sd-la-1:r33:la-1:1", "met"],
      ["sd-la-1:r33:la-1:2", "pending"]
    ])
  })

  it("a legal status that is not an SSDA903 code is refused by name; an interim care order makes a child looked after, and a care order later keeps the start", async () => {
    const worker = await tokenFor(app, staff.socialWorker)
    const record = mutation("recordLegalStatus", `${onRecord} ... on LegalStatusRefused { code }`)
    const from = new Date(Date.now() - 3 * 3_600_000).toISOString()
    const refused = await app.post(worker, record, { input: { childId: "sd-la-2", code: "X9", from } })
    expect(refused.body.data.recordLegalStatus, refused.text).toMatchObject({ __typename: "LegalStatusRefused", code: "X9" })
    expect(refused.body.data.recordLegalStatus.message).toContain('"X9" is not an SSDA903 legal status code')
    await app.post(worker, record, { input: { childId: "sd-la-2", code: "C1", from } })
    const later = await app.post(worker, record, { input: { childId: "sd-la-2", code: "C2", from: new Date(Date.now() - 3_600_000).toISOString() } })
    expect(later.body.data.recordLegalStatus, later.text).toMatchObject({ legalStatus: { code: "C2" }, lookedAfter: { from, route: "legal_status" } })
  })
})

describe("an entry recorded by mistake, withdrawn over HTTP (STAT-R50, STAT-R33, STAT-S25)", () => {
  it("docs/api.md's example withdraws a death recorded against the wrong child: alive, looked after again, its first review running; the same withdrawal twice is refused", async () => {
    const docs = repositoryFile("docs/api.md")
    const example = /```graphql\n(mutation Run\(\$input: WithdrawChildDeathInput!\)[\s\S]*?)```/.exec(docs)![1]!
    const worker = await tokenFor(app, staff.socialWorker)
    const from = new Date(Date.now() - 3 * 3_600_000).toISOString()
    await app.post(worker, mutation("recordLegalStatus", "... on ChildRecord { childId }"), { input: { childId: "sd-wd-1", code: "C2", from } })
    const today = new Date().toLocaleDateString("en-CA", { timeZone: "Europe/London" })
    const died = await app.post(worker, mutation("recordChildDeath", "... on ChildRecord { diedOn lookedAfter { from } }"), { input: { childId: "sd-wd-1", diedOn: today } })
    expect(died.body.data.recordChildDeath, died.text).toMatchObject({ diedOn: today, lookedAfter: null })

    const manager = await tokenFor(app, staff.teamManager)
    const input = { childId: "sd-wd-1", diedOn: today, reason: "Recorded against the wrong child" }
    const withdrawn = await app.post(manager, example, { input })
    const record = withdrawn.body.data.withdrawChildDeath
    expect(record, withdrawn.text).toMatchObject({
      __typename: "ChildRecord",
      diedOn: null,
      lookedAfter: { from, endedAt: null, endReason: null },
      withdrawnEntries: [{ kind: "death", reason: "Recorded against the wrong child", by: { name: staff.teamManager.name } }]
    })
    expect(record.withdrawnEntries[0].what).toMatch(/^the death on /)
    expect(record.clocks).toContainEqual({ id: "sd-wd-1:r33:la-1:1", ruleId: "STAT-R33", state: "pending" })
    const again = await app.post(manager, example, { input })
    expect(again.body.data.withdrawChildDeath, again.text).toMatchObject({ __typename: "EntryWithdrawalRefused", ruleId: "STAT-R50" })
    expect(again.body.data.withdrawChildDeath.message).toContain("was already withdrawn")
  })

  it("STAT-S25: a court's authority and the Secretary of State's approval recorded by mistake are withdrawn by their dates, each with its reason", async () => {
    const worker = await tokenFor(app, staff.socialWorker)
    const onRecord = "... on ChildRecord { secureAccommodation { courtAuthorities { from until } secretaryOfStateApprovedAt } withdrawnEntries { kind what reason } } ... on EntryWithdrawalRefused { ruleId message }"
    const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString()
    const court = { childId: "sd-wd-2", from: ago(30), until: ago(2) }
    const approvedAt = ago(20)
    await app.post(worker, mutation("recordSecureAccommodationCourtAuthority", "... on ChildRecord { childId }"), { input: court })
    await app.post(worker, mutation("recordSecretaryOfStateApproval", "... on ChildRecord { childId }"), { input: { childId: "sd-wd-2", approvedAt } })
    const swapped = await app.post(worker, mutation("withdrawSecureAccommodationCourtAuthority", onRecord), { input: { ...court, from: court.until, until: court.from, reason: "Another child's order" } })
    expect(swapped.body.data.withdrawSecureAccommodationCourtAuthority, swapped.text).toMatchObject({ __typename: "EntryWithdrawalRefused", ruleId: "STAT-S25" })
    const courtWithdrawn = await app.post(worker, mutation("withdrawSecureAccommodationCourtAuthority", onRecord), { input: { ...court, reason: "Another child's order" } })
    expect(courtWithdrawn.body.data.withdrawSecureAccommodationCourtAuthority, courtWithdrawn.text).toMatchObject({
      secureAccommodation: { courtAuthorities: [], secretaryOfStateApprovedAt: approvedAt },
      withdrawnEntries: [{ kind: "court_authority", reason: "Another child's order" }]
    })
    const approvalWithdrawn = await app.post(worker, mutation("withdrawSecretaryOfStateApproval", onRecord), { input: { childId: "sd-wd-2", approvedAt, reason: "Another child's approval" } })
    expect(approvalWithdrawn.body.data.withdrawSecretaryOfStateApproval, approvalWithdrawn.text).toMatchObject({
      secureAccommodation: { courtAuthorities: [], secretaryOfStateApprovedAt: null },
      withdrawnEntries: [{ kind: "court_authority" }, { kind: "secretary_of_state_approval", reason: "Another child's approval" }]
    })
  })
})

describe("emergency protection orders over HTTP (STAT-S44)", () => {
  const onRecord = "... on ChildRecord { childId emergencyProtectionOrders { orderId days endsAt inForce extension { days endsAt } ended { outcome } } clocks { id ruleId due state explanation } }"

  it("docs/api.md's EPO example records the order and its clock; more than 8 days is refused; the one extension and the end are recorded", async () => {
    const docs = repositoryFile("docs/api.md")
    const example = /```graphql\n(mutation Run\(\$input: RecordEmergencyProtectionOrderInput!\)[\s\S]*?)```/.exec(docs)![1]!
    const worker = await tokenFor(app, staff.socialWorker)
    const madeAt = new Date(Date.now() - 3_600_000).toISOString()
    const refused = await app.post(worker, example, { input: { childId: "sd-epo-1", madeAt, days: 9 } })
    expect(refused.body.data.recordEmergencyProtectionOrder, refused.text).toMatchObject({ __typename: "EpoPeriodRefused", ruleId: "STAT-S44", maxDays: 8 })
    const made = await app.post(worker, example, { input: { childId: "sd-epo-1", madeAt, days: 8 } })
    const record = made.body.data.recordEmergencyProtectionOrder
    expect(record, made.text).toMatchObject({ __typename: "ChildRecord", childId: "sd-epo-1", emergencyProtectionOrders: [{ orderId: "epo-1", days: 8, inForce: true }] })
    const clock = record.clocks.find((candidate: { id: string }) => candidate.id === "sd-epo-1:epo:epo-1")
    expect(clock).toMatchObject({ ruleId: "STAT-S44" })
    expect(clock.explanation).toContain("STAT-S44: 8 days after the emergency protection order made at")
    // Eight London days later at the same wall time: 192 elapsed hours, one fewer or more across a clock change.
    expect(Math.abs(new Date(clock.due).getTime() - new Date(madeAt).getTime() - 192 * 3_600_000)).toBeLessThanOrEqual(3_600_000)

    const extended = await app.post(worker, mutation("extendEmergencyProtectionOrder", `${onRecord} ... on EpoPeriodRefused { maxDays }`), { input: { childId: "sd-epo-1", days: 7 } })
    expect(extended.body.data.extendEmergencyProtectionOrder, extended.text).toMatchObject({ emergencyProtectionOrders: [{ extension: { days: 7 } }] })
    const ended = await app.post(worker, mutation("recordEmergencyProtectionOrderEnded", onRecord), { input: { childId: "sd-epo-1", outcome: "interim_care_order" } })
    const after = ended.body.data.recordEmergencyProtectionOrderEnded
    expect(after, ended.text).toMatchObject({ emergencyProtectionOrders: [{ inForce: false, ended: { outcome: "interim_care_order" } }] })
    expect(after.clocks.map((c: { id: string; state: string }) => [c.id, c.state])).toEqual([
      ["sd-epo-1:epo:epo-1", "met"],
      ["sd-epo-1:epo-extension:epo-1", "met"]
    ])
    const query = await app.post(worker, `query ($childId: ID!) { childRecord(childId: $childId) { ${onRecord} } }`, { childId: "sd-epo-1" })
    expect(query.body.data.childRecord, query.text).toMatchObject({ childId: "sd-epo-1" })
  })
})

describe("secure accommodation over HTTP (STAT-S25)", () => {
  const onRecord =
    "... on ChildRecord { childId dateOfBirth secureAccommodation { periods { periodId startedAt endedAt } hoursUsedInLast28Days } clocks { id ruleId due state explanation } } ... on SecureAccommodationRefused { ruleId message }"

  it("docs/api.md's secure accommodation example: refused without a date of birth; a period past 72 hours in 28 days refused; an open period's clocks", async () => {
    const docs = repositoryFile("docs/api.md")
    const example = /```graphql\n(mutation Run\(\$input: RecordSecureAccommodationInput!\)[\s\S]*?)```/.exec(docs)![1]!
    const worker = await tokenFor(app, staff.socialWorker)
    // One "now" for every instant, so the first period is exactly 40 hours long.
    const now = Date.now()
    const ago = (hours: number) => new Date(now - hours * 3_600_000).toISOString()
    const noAge = await app.post(worker, example, { input: { childId: "sd-secure-1", startedAt: ago(100), endedAt: ago(60) } })
    expect(noAge.body.data.recordSecureAccommodation, noAge.text).toMatchObject({ __typename: "SecureAccommodationRefused", ruleId: "STAT-S25" })
    await app.post(worker, mutation("recordChildDateOfBirth", onRecord), { input: { childId: "sd-secure-1", dateOfBirth: "2011-09-14" } })
    const first = await app.post(worker, example, { input: { childId: "sd-secure-1", startedAt: ago(100), endedAt: ago(60) } })
    expect(first.body.data.recordSecureAccommodation, first.text).toMatchObject({ __typename: "ChildRecord", secureAccommodation: { hoursUsedInLast28Days: 40 } })
    const tooMany = await app.post(worker, example, { input: { childId: "sd-secure-1", startedAt: ago(50), endedAt: ago(10) } })
    expect(tooMany.body.data.recordSecureAccommodation, tooMany.text).toMatchObject({
      __typename: "SecureAccommodationRefused",
      message: "With this period the child would have spent 80 hours in secure accommodation in 28 days without a court's authority; the limit is 72 hours (STAT-S25). Record the court's authority first."
    })
    const open = await app.post(worker, example, { input: { childId: "sd-secure-1", startedAt: ago(2) } })
    const record = open.body.data.recordSecureAccommodation
    const limit = record.clocks.find((clock: { id: string }) => clock.id === "sd-secure-1:secure-72h:secure-2")
    expect(limit, open.text).toMatchObject({ ruleId: "STAT-S25", state: "due_soon" })
    // 40 hours used: 32 more from the open period's start.
    expect(new Date(limit.due).getTime() - new Date(record.secureAccommodation.periods[1].startedAt).getTime()).toBe(32 * 3_600_000)
  })
})

describe("care proceedings over HTTP (STAT-S31, STAT-PLO)", () => {
  it("docs/api.md's proceedings example: the letter starts the 16-week warning, issue the 26 weeks, an extension of 9 weeks is refused, of 8 recorded", async () => {
    const docs = repositoryFile("docs/api.md")
    const example = /```graphql\n(mutation Run\(\$input: ExtendProceedingsInput!\)[\s\S]*?)```/.exec(docs)![1]!
    const worker = await tokenFor(app, staff.socialWorker)
    const weeksAgo = (weeks: number) => new Date(Date.now() - weeks * 7 * 86_400_000).toISOString()
    await app.post(worker, mutation("recordLetterBeforeProceedings", "... on ChildRecord { childId }"), { input: { childId: "sd-plo-1", sentAt: weeksAgo(20) } })
    const issued = await app.post(worker, mutation("recordProceedingsIssued", "... on ChildRecord { clocks { id ruleId state } }"), { input: { childId: "sd-plo-1", issuedAt: weeksAgo(3) } })
    expect(issued.body.data.recordProceedingsIssued.clocks, issued.text).toEqual([
      { id: "sd-plo-1:plo-16w", ruleId: "STAT-PLO", state: "met" },
      { id: "sd-plo-1:proceedings-26w", ruleId: "STAT-S31", state: "pending" }
    ])
    const refused = await app.post(worker, example, { input: { childId: "sd-plo-1", weeks: 9 } })
    expect(refused.body.data.extendProceedings, refused.text).toMatchObject({ __typename: "ProceedingsRefused", ruleId: "STAT-S31" })
    const extended = await app.post(worker, example, { input: { childId: "sd-plo-1", weeks: 8 } })
    expect(extended.body.data.extendProceedings, extended.text).toMatchObject({ __typename: "ChildRecord", proceedings: { extensions: [{ weeks: 8 }] } })
  })
})

describe("retention over HTTP (STAT-R50)", () => {
  it("STAT-R50: a child's record shows its retention date with the explanation; the report lists records past their date", async () => {
    const worker = await tokenFor(app, staff.socialWorker)
    const onRecord = "... on ChildRecord { childId retention { keepUntil explanation } }"
    await app.post(worker, mutation("recordChildDeath", onRecord), { input: { childId: "sd-r50-1", diedOn: "2008-06-02" } })
    const born = await app.post(worker, mutation("recordChildDateOfBirth", onRecord), { input: { childId: "sd-r50-1", dateOfBirth: "2001-03-14" } })
    expect(born.body.data.recordChildDateOfBirth, born.text).toMatchObject({
      retention: { keepUntil: "2023-06-02", explanation: "keep until Fri 2 Jun 2023 - STAT-R50: 15 years after the death on Mon 2 Jun 2008 of a child who died before 18 (born Wed 14 Mar 2001)" }
    })
    await app.post(worker, mutation("recordChildDateOfBirth", onRecord), { input: { childId: "sd-r50-2", dateOfBirth: "2015-07-01" } })
    const report = `query ($on: Date) { childRecordsPastRetention(on: $on) { childId retention { keepUntil } } }`
    const today = await app.post(worker, report, {})
    expect(today.body.data.childRecordsPastRetention, today.text).toEqual([{ childId: "sd-r50-1", retention: { keepUntil: "2023-06-02" } }])
    const onTheDay = await app.post(worker, report, { on: "2023-06-02" })
    expect(onTheDay.body.data.childRecordsPastRetention).toEqual([])
  })
})
