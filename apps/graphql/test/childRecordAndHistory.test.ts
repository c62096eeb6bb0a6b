import { AccessLog, AuthorityId, ChildId, preset } from "@carepanel/core"
import { exampleForm, staffOf } from "@carepanel/core/testing"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { mutation, onReferral } from "./support/documents.js"
import { startTestApp, type TestApp } from "./support/harness.js"
import { decide, readyRequest, run, sittingWith, tokenFor, sendMutation } from "./support/scenario.js"

let app: TestApp
const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)
const hour = 3_600_000
const iso = (millis: number) => new Date(millis).toISOString()

// ---- the child's statutory record ----

const actedBy = "by { personId name role } at"
const period = `periodId from route how placementId reviews { heldAt iroName ${actedBy} } endedAt endReason`
const onRecord = `... on ChildRecord {
  childId dateOfBirth diedOn
  emergencyProtectionOrders { orderId madeAt days endsAt inForce extension { days from endsAt extendedAt ${actedBy} } ended { outcome endedAt ${actedBy} } ${actedBy} }
  secureAccommodation { periods { periodId startedAt endedAt } courtAuthorities { from until } secretaryOfStateApprovedAt hoursUsedInLast28Days }
  proceedings { letterSentAt preProceedingsEndedAt issuedAt extensions { weeks from endsAt extendedAt } concludedAt continuations { reviewedAt weeks reasons by { name } } }
  legalStatus { code label from ${actedBy} } legalStatuses { code label from ${actedBy} }
  lookedAfter { ${period} } lookedAfterPeriods { ${period} }
  retention { keepUntil explanation }
  clocks { id ruleId state }
}`
const onReadRefusal = "... on NotPermitted { action allowed } ... on NotFound { what notFoundId: id }"
const onRefusal = `${onReadRefusal}
  ... on EpoPeriodRefused { ruleId maxDays }
  ... on EpoNotInForce { ruleId }
  ... on SecureAccommodationRefused { ruleId }
  ... on ProceedingsRefused { ruleId }
  ... on ChildFactRefused { ruleId }
  ... on LegalStatusRefused { refusedCode: code }
  ... on LookedAfterRefused { ruleId }`
const recordQuery = `query Record($childId: ID!) { childRecord(childId: $childId) { __typename ... on DomainError { code message } ... on InvalidInput { problems { path message } } ${onRecord} ${onReadRefusal} } }`

beforeAll(async () => {
  app = await startTestApp([policy])
})
afterAll(() => app.close())

/** Runs one child-record mutation as `member` and returns its payload (a ChildRecord or a refusal). */
const send = (member: keyof typeof staff, name: string, input: Record<string, unknown>) => sendMutation(app, staff[member], name, `${onRecord} ${onRefusal}`, input)

const readRecord = async (childId: string) => {
  const response = await app.post(await tokenFor(app, staff.socialWorker), recordQuery, { childId })
  expect(response.body.errors, response.text).toBeUndefined()
  return response.body.data.childRecord
}

const who = (member: (typeof staff)[keyof typeof staff], role: string) => ({ personId: member.personId, name: member.name, role })
const worker = who(staff.socialWorker, "social_worker")
/** An instant the server stamped during this test: within a minute of now. */
const justNow = (instant: string) => expect(Math.abs(Date.parse(instant) - Date.now()), instant).toBeLessThan(60_000)
/** `days` London days after `from` at the same wall time: 24 hours a day, one hour either way across a clock change. */
const daysAfter = (later: string, from: string, days: number) => expect(Math.abs(Date.parse(later) - Date.parse(from) - days * 24 * hour)).toBeLessThanOrEqual(hour)

describe("a child's emergency protection order over GraphQL (STAT-S44)", () => {
  it("STAT-S44: the order reads back in full; a second order while it is in force, an extension of 8 days and a second extension are refused; its end reads who and when", async () => {
    const childId = "crh-epo-1"
    const madeAt = iso(Date.now() - 2 * hour)
    const made = await send("socialWorker", "recordEmergencyProtectionOrder", { childId, madeAt, days: 3 })
    expect(made, JSON.stringify(made)).toMatchObject({
      __typename: "ChildRecord",
      childId,
      emergencyProtectionOrders: [{ orderId: "epo-1", madeAt, days: 3, inForce: true, extension: null, ended: null, by: worker }]
    })
    const order = made.emergencyProtectionOrders[0]
    daysAfter(order.endsAt, madeAt, 3)
    justNow(order.at)
    expect(made.clocks).toContainEqual({ id: `${childId}:epo:epo-1`, ruleId: "STAT-S44", state: "pending" })

    const second = await send("socialWorker", "recordEmergencyProtectionOrder", { childId, madeAt: iso(Date.now() - hour), days: 2 })
    expect(second, JSON.stringify(second)).toMatchObject({ __typename: "EpoNotInForce", code: "EpoNotInForce", ruleId: "STAT-S44" })
    expect(second.message).toMatch(/is in force until .*: extend it, or record how it ended, before recording another \(STAT-S44\)\.$/)

    const tooLong = await send("socialWorker", "extendEmergencyProtectionOrder", { childId, days: 8 })
    expect(tooLong, JSON.stringify(tooLong)).toMatchObject({ __typename: "EpoPeriodRefused", ruleId: "STAT-S44", maxDays: 7 })
    expect(tooLong.message).toBe("An extension of an emergency protection order is a whole number of days from 1 to 7, not 8 (STAT-S44).")

    const extended = await send("teamManager", "extendEmergencyProtectionOrder", { childId, days: 2 })
    const withExtension = extended.emergencyProtectionOrders[0]
    expect(withExtension, JSON.stringify(extended)).toMatchObject({ inForce: true, ended: null, extension: { days: 2, from: order.endsAt, by: who(staff.teamManager, "team_manager") } })
    daysAfter(withExtension.extension.endsAt, order.endsAt, 2)
    expect(withExtension.endsAt).toBe(withExtension.extension.endsAt)
    justNow(withExtension.extension.at)

    const again = await send("socialWorker", "extendEmergencyProtectionOrder", { childId, days: 1 })
    expect(again, JSON.stringify(again)).toMatchObject({ __typename: "EpoPeriodRefused", ruleId: "STAT-S44", maxDays: 0 })
    expect(again.message).toMatch(/may be extended only once \(STAT-S44\)\.$/)

    const ended = await send("serviceManager", "recordEmergencyProtectionOrderEnded", { childId, outcome: "interim_care_order" })
    const endedOrder = ended.emergencyProtectionOrders[0]
    expect(endedOrder, JSON.stringify(ended)).toMatchObject({ inForce: false, ended: { outcome: "interim_care_order", by: who(staff.serviceManager, "service_manager") } })
    justNow(endedOrder.ended.endedAt)
    justNow(endedOrder.ended.at)
    const twice = await send("socialWorker", "recordEmergencyProtectionOrderEnded", { childId, outcome: "returned_home" })
    expect(twice, JSON.stringify(twice)).toMatchObject({ __typename: "EpoNotInForce", ruleId: "STAT-S44", message: "There is no emergency protection order whose end is still to be recorded (STAT-S44)." })
  })

  it("STAT-S44: an order still to be made is refused as not yet happened; an order ended at a given time reads that time and its outcome", async () => {
    const childId = "crh-epo-2"
    const future = await send("socialWorker", "recordEmergencyProtectionOrder", { childId, madeAt: iso(Date.now() + 2 * hour), days: 2 })
    expect(future, JSON.stringify(future)).toMatchObject({ __typename: "NotYetHappened", code: "NotYetHappened" })
    expect(future.message).toMatch(/^An emergency protection order made at .* is still to come: record it once it has happened\.$/)
    const madeAt = iso(Date.now() - 5 * hour)
    await send("socialWorker", "recordEmergencyProtectionOrder", { childId, madeAt, days: 2 })
    const endedAt = iso(Date.now() - hour)
    const ended = await send("socialWorker", "recordEmergencyProtectionOrderEnded", { childId, outcome: "returned_home", endedAt })
    expect(ended.emergencyProtectionOrders, JSON.stringify(ended)).toMatchObject([{ madeAt, inForce: false, extension: null, ended: { outcome: "returned_home", endedAt, by: worker } }])
  })

  it("STAT-S44: an extension the court made before the order's first end, recorded after it, is accepted and reads when the court made it", async () => {
    const childId = "crh-epo-5"
    const madeAt = iso(Date.now() - 50 * hour)
    await send("socialWorker", "recordEmergencyProtectionOrder", { childId, madeAt, days: 1 })
    const extendedAt = iso(Date.now() - 30 * hour)
    const extended = await send("socialWorker", "extendEmergencyProtectionOrder", { childId, days: 2, extendedAt })
    expect(extended.emergencyProtectionOrders, JSON.stringify(extended)).toMatchObject([{ orderId: "epo-1", inForce: true, extension: { days: 2, extendedAt, by: worker } }])
    justNow(extended.emergencyProtectionOrders[0].extension.at)
  })

  it("STAT-S44: an order past its end with no end recorded reads not in force, cannot be extended, and a new order may be recorded", async () => {
    const childId = "crh-epo-4"
    const madeAt = iso(Date.now() - 50 * hour)
    const lapsed = await send("socialWorker", "recordEmergencyProtectionOrder", { childId, madeAt, days: 1 })
    expect(lapsed.emergencyProtectionOrders, JSON.stringify(lapsed)).toMatchObject([{ orderId: "epo-1", madeAt, days: 1, inForce: false, ended: null, extension: null }])
    const extend = await send("socialWorker", "extendEmergencyProtectionOrder", { childId, days: 2 })
    expect(extend, JSON.stringify(extend)).toMatchObject({ __typename: "EpoNotInForce", ruleId: "STAT-S44" })
    expect(extend.message).toMatch(/an order that has lapsed cannot be extended: the court must make a new one\. If the court extended it before then, give when \(STAT-S44\)\.$/)
    const renewed = await send("socialWorker", "recordEmergencyProtectionOrder", { childId, madeAt: iso(Date.now() - hour), days: 8 })
    expect(renewed.emergencyProtectionOrders.map((order: { orderId: string; inForce: boolean }) => [order.orderId, order.inForce]), JSON.stringify(renewed)).toEqual([
      ["epo-1", false],
      ["epo-2", true]
    ])
  })

  it("an integrator may not record an order: NotPermitted naming the action and who may", async () => {
    const refused = await send("integrator", "recordEmergencyProtectionOrder", { childId: "crh-epo-3", madeAt: iso(Date.now() - hour), days: 2 })
    expect(refused, JSON.stringify(refused)).toMatchObject({
      __typename: "NotPermitted",
      action: "record an emergency protection order (STAT-S44)",
      allowed: ["social_worker", "practice_supervisor", "team_manager", "service_manager", "head_of_service"]
    })
  })
})

describe("secure accommodation over GraphQL (STAT-S25)", () => {
  it("STAT-S25: the court's authority, closed and open periods read back; the hours used count the open period so far and not the time under the court's authority", async () => {
    const childId = "crh-secure-1"
    const now = Date.now()
    const ago = (hours: number) => iso(now - hours * hour)
    const born = await send("socialWorker", "recordChildDateOfBirth", { childId, dateOfBirth: "2010-03-02" })
    expect(born, JSON.stringify(born)).toMatchObject({
      dateOfBirth: "2010-03-02",
      diedOn: null,
      secureAccommodation: { periods: [], courtAuthorities: [], secretaryOfStateApprovedAt: null, hoursUsedInLast28Days: 0 },
      retention: { keepUntil: "2085-03-02", explanation: "keep until Fri 2 Mar 2085 - STAT-R50: the 75th birthday of a child born Tue 2 Mar 2010" }
    })
    const backwards = await send("socialWorker", "recordSecureAccommodationCourtAuthority", { childId, from: ago(34), until: ago(40) })
    expect(backwards, JSON.stringify(backwards)).toMatchObject({ __typename: "SecureAccommodationRefused", ruleId: "STAT-S25", message: "The court's authority ends after it begins (STAT-S25)." })
    const court = await send("socialWorker", "recordSecureAccommodationCourtAuthority", { childId, from: ago(40), until: ago(34) })
    expect(court.secureAccommodation.courtAuthorities, JSON.stringify(court)).toEqual([{ from: ago(40), until: ago(34) }])

    // 14 hours, 6 of them under the court's authority: 8 counted.
    const closed = await send("socialWorker", "recordSecureAccommodation", { childId, startedAt: ago(44), endedAt: ago(30) })
    expect(closed.secureAccommodation, JSON.stringify(closed)).toMatchObject({ periods: [{ periodId: "secure-1", startedAt: ago(44), endedAt: ago(30) }], hoursUsedInLast28Days: 8 })
    const open = await send("socialWorker", "recordSecureAccommodation", { childId, startedAt: ago(5) })
    expect(open.secureAccommodation.periods, JSON.stringify(open)).toEqual([
      { periodId: "secure-1", startedAt: ago(44), endedAt: ago(30) },
      { periodId: "secure-2", startedAt: ago(5), endedAt: null }
    ])
    // 8 hours and the 5 of the open period so far.
    expect(open.secureAccommodation.hoursUsedInLast28Days).toBeGreaterThanOrEqual(13)
    expect(open.secureAccommodation.hoursUsedInLast28Days).toBeLessThan(13.1)

    const another = await send("socialWorker", "recordSecureAccommodation", { childId, startedAt: ago(1) })
    expect(another, JSON.stringify(another)).toMatchObject({ __typename: "SecureAccommodationRefused", ruleId: "STAT-S25" })
    expect(another.message).toMatch(/^The child has been in secure accommodation since .*: record the end of that period first \(STAT-S25\)\.$/)
    const ended = await send("socialWorker", "endSecureAccommodation", { childId })
    expect(ended.secureAccommodation.periods[1], JSON.stringify(ended)).toMatchObject({ periodId: "secure-2", startedAt: ago(5) })
    justNow(ended.secureAccommodation.periods[1].endedAt)
    const notIn = await send("socialWorker", "endSecureAccommodation", { childId })
    expect(notIn, JSON.stringify(notIn)).toMatchObject({ __typename: "SecureAccommodationRefused", ruleId: "STAT-S25", message: "The child is not recorded as in secure accommodation now (STAT-S25)." })
  })

  it("STAT-S25: a child under 13 is refused without the Secretary of State's prior approval; the approval reads back and the period is then recorded", async () => {
    const childId = "crh-secure-2"
    const now = Date.now()
    const ago = (hours: number) => iso(now - hours * hour)
    await send("socialWorker", "recordChildDateOfBirth", { childId, dateOfBirth: "2016-04-10" })
    const young = await send("socialWorker", "recordSecureAccommodation", { childId, startedAt: ago(3), endedAt: ago(1) })
    expect(young, JSON.stringify(young)).toMatchObject({ __typename: "SecureAccommodationRefused", ruleId: "STAT-S25" })
    expect(young.message).toMatch(/^The child \(born .*2016\) is under 13: secure accommodation needs the Secretary of State's prior approval/)
    const early = await send("socialWorker", "recordSecretaryOfStateApproval", { childId, approvedAt: iso(now + hour) })
    expect(early, JSON.stringify(early)).toMatchObject({ __typename: "NotYetHappened" })
    const approved = await send("headOfService", "recordSecretaryOfStateApproval", { childId, approvedAt: ago(6) })
    expect(approved.secureAccommodation, JSON.stringify(approved)).toMatchObject({ secretaryOfStateApprovedAt: ago(6), periods: [] })
    const placed = await send("socialWorker", "recordSecureAccommodation", { childId, startedAt: ago(3), endedAt: ago(1) })
    expect(placed.secureAccommodation, JSON.stringify(placed)).toEqual({
      periods: [{ periodId: "secure-1", startedAt: ago(3), endedAt: ago(1) }],
      courtAuthorities: [],
      secretaryOfStateApprovedAt: ago(6),
      hoursUsedInLast28Days: 2
    })
  })
})

describe("fields that compare with now, by the app's clock (as its clocks are)", () => {
  it("STAT-S44, STAT-S25: an order with no end recorded is no longer in force once its end passes; the open secure period's hours run on", async () => {
    const childId = "crh-now-1"
    const start = Date.now()
    try {
      const made = await send("socialWorker", "recordEmergencyProtectionOrder", { childId, madeAt: iso(start - 2 * hour), days: 1 })
      expect(made.emergencyProtectionOrders[0], JSON.stringify(made)).toMatchObject({ inForce: true })
      await send("socialWorker", "recordChildDateOfBirth", { childId, dateOfBirth: "2011-05-14" })
      const secure = await send("socialWorker", "recordSecureAccommodation", { childId, startedAt: iso(start - 5 * hour) })
      expect(secure.secureAccommodation.periods, JSON.stringify(secure)).toHaveLength(1)
      app.travelTo(new Date(start + 23 * hour))
      const later = await readRecord(childId)
      expect(later.emergencyProtectionOrders[0], JSON.stringify(later)).toMatchObject({ inForce: false, ended: null })
      // 5 hours before the clock moved and the 23 it moved.
      expect(later.secureAccommodation.hoursUsedInLast28Days).toBeGreaterThanOrEqual(28)
      expect(later.secureAccommodation.hoursUsedInLast28Days).toBeLessThan(28.1)
    } finally {
      app.travelTo(new Date())
    }
  })
})

describe("pre-proceedings and care proceedings over GraphQL (STAT-PLO, STAT-S31)", () => {
  it("STAT-PLO, STAT-S31: the letter, the end of pre-proceedings, the issue, an extension and the conclusion each read back; nothing further is accepted once concluded", async () => {
    const childId = "crh-plo-1"
    const now = Date.now()
    const weeksAgo = (weeks: number) => iso(now - weeks * 7 * 24 * hour)
    const letter = await send("socialWorker", "recordLetterBeforeProceedings", { childId, sentAt: weeksAgo(10) })
    expect(letter.proceedings, JSON.stringify(letter)).toEqual({ letterSentAt: weeksAgo(10), preProceedingsEndedAt: null, issuedAt: null, extensions: [], concludedAt: null, continuations: [] })
    const endedPre = await send("socialWorker", "endPreProceedings", { childId, endedAt: weeksAgo(9) })
    expect(endedPre.proceedings, JSON.stringify(endedPre)).toMatchObject({ letterSentAt: weeksAgo(10), preProceedingsEndedAt: weeksAgo(9), issuedAt: null })
    const notIn = await send("socialWorker", "endPreProceedings", { childId })
    expect(notIn, JSON.stringify(notIn)).toMatchObject({ __typename: "ProceedingsRefused", ruleId: "STAT-PLO", message: "The child is not in pre-proceedings (STAT-PLO)." })

    const issued = await send("socialWorker", "recordProceedingsIssued", { childId, issuedAt: weeksAgo(8) })
    expect(issued.proceedings, JSON.stringify(issued)).toMatchObject({ issuedAt: weeksAgo(8), extensions: [], concludedAt: null })
    const extended = await send("socialWorker", "extendProceedings", { childId, weeks: 3, extendedAt: weeksAgo(1) })
    const [extension] = extended.proceedings.extensions
    expect(extension, JSON.stringify(extended)).toMatchObject({ weeks: 3, extendedAt: weeksAgo(1) })
    daysAfter(extension.from, weeksAgo(8), 26 * 7)
    daysAfter(extension.endsAt, extension.from, 3 * 7)
    const concluded = await send("socialWorker", "recordProceedingsConcluded", { childId })
    expect(concluded.proceedings, JSON.stringify(concluded)).toMatchObject({ letterSentAt: weeksAgo(10), preProceedingsEndedAt: weeksAgo(9), issuedAt: weeksAgo(8), extensions: [extension] })
    justNow(concluded.proceedings.concludedAt)
    const late = await send("socialWorker", "extendProceedings", { childId, weeks: 2 })
    expect(late, JSON.stringify(late)).toMatchObject({ __typename: "ProceedingsRefused", ruleId: "STAT-S31", message: "There are no care proceedings under way to extend (STAT-S31)." })
    const concludedTwice = await send("socialWorker", "recordProceedingsConcluded", { childId })
    expect(concludedTwice, JSON.stringify(concludedTwice)).toMatchObject({ __typename: "ProceedingsRefused", ruleId: "STAT-S31" })
  })
})

describe("a review continuing pre-proceedings over GraphQL (STAT-PLO)", () => {
  it("STAT-PLO: a review continuing pre-proceedings with reasons reads back, meets the overdue 16 weeks and starts its own weeks; empty reasons are refused", async () => {
    const childId = "crh-plo-2"
    const now = Date.now()
    const weeksAgo = (weeks: number) => iso(now - weeks * 7 * 24 * hour)
    const letter = await send("socialWorker", "recordLetterBeforeProceedings", { childId, sentAt: weeksAgo(18) })
    expect(letter.clocks, JSON.stringify(letter)).toContainEqual({ id: `${childId}:plo-16w`, ruleId: "STAT-PLO", state: "overdue" })
    const reasons = "The father's parenting assessment reports in four weeks"
    const continued = await send("teamManager", "recordPreProceedingsContinued", { childId, weeks: 6, reasons, reviewedAt: weeksAgo(1) })
    expect(continued.proceedings.continuations, JSON.stringify(continued)).toEqual([{ reviewedAt: weeksAgo(1), weeks: 6, reasons, by: { name: staff.teamManager.name } }])
    expect(continued.clocks).toEqual(
      expect.arrayContaining([
        { id: `${childId}:plo-16w`, ruleId: "STAT-PLO", state: "met" },
        { id: `${childId}:plo-continued:1`, ruleId: "STAT-PLO", state: "pending" }
      ])
    )
    const empty = await send("socialWorker", "recordPreProceedingsContinued", { childId, weeks: 4, reasons: " " })
    expect(empty, JSON.stringify(empty)).toMatchObject({ __typename: "InvalidInput" })
  })
})

describe("legal status and looked-after periods over GraphQL (SSDA903, STAT-R33)", () => {
  it("STAT-R33: a care order makes the child looked after; a review reads who chaired it; once ended, no current status or period reads, the ended period keeps its end and reason", async () => {
    const childId = "crh-la-1"
    const now = Date.now()
    const ago = (hours: number) => iso(now - hours * hour)
    const ordered = await send("socialWorker", "recordLegalStatus", { childId, code: "c2", from: ago(48) })
    const status = { code: "C2", label: "full care order", from: ago(48), by: worker }
    expect(ordered, JSON.stringify(ordered)).toMatchObject({
      legalStatus: status,
      legalStatuses: [status],
      lookedAfter: { periodId: "la-1", from: ago(48), route: "legal_status", how: "legal status C2: full care order", placementId: null, reviews: [], endedAt: null, endReason: null }
    })
    const reviewed = await send("practiceSupervisor", "recordLookedAfterReview", { childId, heldAt: ago(24), iroName: "Imogen Reyes" })
    expect(reviewed.lookedAfter.reviews, JSON.stringify(reviewed)).toMatchObject([{ heldAt: ago(24), iroName: "Imogen Reyes", by: who(staff.practiceSupervisor, "practice_supervisor") }])
    justNow(reviewed.lookedAfter.reviews[0].at)

    const ended = await send("socialWorker", "recordLookedAfterEnded", { childId, reason: "Returned home to her mother", endedAt: ago(2) })
    expect(ended, JSON.stringify(ended)).toMatchObject({
      legalStatus: null,
      legalStatuses: [status],
      lookedAfter: null,
      lookedAfterPeriods: [{ periodId: "la-1", from: ago(48), route: "legal_status", reviews: [{ heldAt: ago(24), iroName: "Imogen Reyes" }], endedAt: ago(2), endReason: "Returned home to her mother" }]
    })
    const endedTwice = await send("socialWorker", "recordLookedAfterEnded", { childId, reason: "Again" })
    expect(endedTwice, JSON.stringify(endedTwice)).toMatchObject({
      __typename: "LookedAfterRefused",
      ruleId: "STAT-R33",
      message: "The child is not recorded as looked after, so looked-after status cannot end."
    })
    const lateReview = await send("socialWorker", "recordLookedAfterReview", { childId, heldAt: ago(1), iroName: "Imogen Reyes" })
    expect(lateReview, JSON.stringify(lateReview)).toMatchObject({ __typename: "LookedAfterRefused", ruleId: "STAT-R33" })
    const unknown = await send("socialWorker", "recordLegalStatus", { childId, code: "Z7", from: ago(1) })
    expect(unknown, JSON.stringify(unknown)).toMatchObject({ __typename: "LegalStatusRefused", refusedCode: "Z7" })
  })

  it("STAT-R24: a Regulation 24 placement makes the child looked after from the placement, naming it, with no legal status", async () => {
    const childId = "crh-la-2"
    const token = await tokenFor(app, staff.socialWorker)
    const tested = await app.post(token, mutation("recordBasicTest", "... on Placement { id }"), {
      input: { childId, wouldRefuseToSupportReturnHome: true, wouldAskPoliceToUsePoliceProtection: false, wouldSeekLegalAdviceToStartCareProceedings: false }
    })
    const placementId: string = tested.body.data.recordBasicTest.id
    await app.post(token, mutation("recordPolicePowers", "... on Placement { id }"), { input: { placementId, underPoliceProtection: false } })
    const placedAt = iso(Date.now() - hour)
    const carers = [{ name: "Della Penrose", relationship: "maternal aunt", hasParentalResponsibility: true }]
    const placed = await app.post(token, mutation("recordPlacementMade", "... on Placement { id }"), { input: { placementId, placedAt, carers } })
    expect(placed.body.data.recordPlacementMade, placed.text).toEqual({ __typename: "Placement", id: placementId })

    const record = await readRecord(childId)
    expect(record, JSON.stringify(record)).toMatchObject({
      __typename: "ChildRecord",
      legalStatus: null,
      legalStatuses: [],
      lookedAfter: { periodId: "la-1", from: placedAt, route: "regulation24_placement", how: "placed with connected persons under regulation 24", placementId, endedAt: null, endReason: null },
      retention: null
    })
    expect(record.lookedAfterPeriods).toEqual([record.lookedAfter])
  })
})

describe("a child's death and the record's retention over GraphQL (STAT-R50)", () => {
  it("STAT-R50: the death reads back and sets the retention to 15 years from it; a death before the birth is refused", async () => {
    const childId = "crh-r50-1"
    await send("socialWorker", "recordChildDateOfBirth", { childId, dateOfBirth: "2009-01-20" })
    const before = await send("socialWorker", "recordChildDeath", { childId, diedOn: "2008-12-31" })
    expect(before, JSON.stringify(before)).toMatchObject({ __typename: "ChildFactRefused", ruleId: "STAT-R50" })
    expect(before.message).toMatch(/^The child was born on .*2009; a death on .*2008 comes before it\.$/)
    const died = await send("socialWorker", "recordChildDeath", { childId, diedOn: "2019-07-01" })
    expect(died, JSON.stringify(died)).toMatchObject({ dateOfBirth: "2009-01-20", diedOn: "2019-07-01", retention: { keepUntil: "2034-07-01" } })
    const again = await send("socialWorker", "recordChildDeath", { childId, diedOn: "2019-07-02" })
    expect(again, JSON.stringify(again)).toMatchObject({ __typename: "ChildFactRefused", ruleId: "STAT-R50" })
    expect(again.message).toMatch(/^The child is already recorded as having died on .*2019\. If that date is wrong, withdraw it/)
    expect(await readRecord(childId)).toMatchObject({ childId, dateOfBirth: "2009-01-20", diedOn: "2019-07-01" })
  })
})

describe("reading a child's record over GraphQL", () => {
  it("childRecord with an empty id answers InvalidInput naming `childId`; a child with nothing recorded answers NotFound", async () => {
    expect(await readRecord("")).toEqual({ __typename: "InvalidInput", code: "InvalidInput", message: "Please correct: childId must not be empty.", problems: [{ path: "childId", message: "must not be empty" }] })
    const missing = await readRecord("crh-nobody")
    expect(missing, JSON.stringify(missing)).toMatchObject({ __typename: "NotFound", code: "NotFound", what: "child record", notFoundId: "crh-nobody" })
  })

  it("STAT-R50: childRecordsPastRetention lists a record from the day after its retention date, today by default", async () => {
    const childId = "crh-r50-2"
    await send("socialWorker", "recordChildDateOfBirth", { childId, dateOfBirth: "2001-01-10" })
    await send("socialWorker", "recordChildDeath", { childId, diedOn: "2005-06-01" })
    const token = await tokenFor(app, staff.socialWorker)
    const past = async (variables: Record<string, unknown>) => {
      const response = await app.post(token, "query Past($on: Date) { childRecordsPastRetention(on: $on) { childId diedOn retention { keepUntil } } }", variables)
      expect(response.body.errors, response.text).toBeUndefined()
      return (response.body.data.childRecordsPastRetention as ReadonlyArray<{ childId: string }>).filter((record) => record.childId === childId)
    }
    expect(await past({ on: "2020-06-01" })).toEqual([])
    const listed = [{ childId, diedOn: "2005-06-01", retention: { keepUntil: "2020-06-01" } }]
    expect(await past({ on: "2020-06-02" })).toEqual(listed)
    expect(await past({})).toEqual(listed)
  })

  it("STAT-R50: childRecordsPastRetention refuses a day that is not a date, naming `on`", async () => {
    const response = await app.post(await tokenFor(app, staff.socialWorker), "query Past($on: Date) { childRecordsPastRetention(on: $on) { childId } }", { on: "2027-02-30" })
    expect(response.body.data, response.text).toBeNull()
    expect(response.body.errors, response.text).toMatchObject([{ extensions: { code: "InvalidInput" } }])
    expect(response.body.errors[0].message).toMatch(/^Please correct: on /)
  })
})

// ---- the child on a request ----

const childFields =
  "childId fullName dateOfBirth homeAddress placementAddress gender caseNumber legalStatus ethnicity plan planStarted disabled unaccompaniedAsylumSeeking specialEducationalNeeds engagingInEducation placementType carer"

describe("the child on a request over GraphQL (KNO-6, NSO-5, STAT-GDPR)", () => {
  it("NSO-5, STAT-GDPR: every field of the form's child reads back as recorded, and the read is logged against the child by field name, never the value", async () => {
    const childId = "crh-child-1"
    const form = exampleForm(policy.panels[0].id, policy.referral.inScope.requestTypes[0]!, { id: childId, name: "Marnie Oakridge" })
    const child = {
      childId,
      fullName: "Marnie Oakridge",
      dateOfBirth: "2013-05-21",
      homeAddress: "3 Fictional Lane, Testbury",
      placementAddress: "7 Imaginary Close, Testbury",
      gender: "female",
      caseNumber: "ICS-40417",
      legalStatus: "V2",
      ethnicity: "Mixed White and Black Caribbean",
      plan: "CLA",
      planStarted: "2026-03-02",
      disabled: true,
      unaccompaniedAsylumSeeking: true,
      specialEducationalNeeds: true,
      engagingInEducation: true,
      placementType: "kinship foster care",
      carer: "Hazel Oakridge"
    }
    const draft = await run(app, staff.socialWorker, "createReferralDraft", onReferral, { form: { ...form, children: [child] } })
    const token = await tokenFor(app, staff.socialWorker)
    const read = await app.post(token, `query ReadChild($id: ID!) { referral(id: $id) { ... on Referral { children { ${childFields} } } } }`, { id: draft.id })
    expect(read.body.data.referral.children, read.text).toEqual([child])

    const logged = await app.runtime.runPromise(Effect.flatMap(AccessLog, (log) => log.forChild(AuthorityId.make(policy.authority.id), ChildId.make(childId))))
    const reads = logged.filter((entry) => entry.purpose === "ReadChild")
    expect(reads.map((entry) => [entry.personId, entry.role])).toEqual([[staff.socialWorker.personId, "social_worker"]])
    expect([...reads[0]!.fields].sort()).toEqual(childFields.split(" ").filter((field) => field !== "childId").sort())
    expect(JSON.stringify(reads)).not.toContain("Hazel Oakridge")
  })

  it("a child with nothing optional recorded reads null for each, and false for the flags", async () => {
    const childId = "crh-child-2"
    const form = exampleForm(policy.panels[0].id, policy.referral.inScope.requestTypes[0]!, { id: childId, name: "Ezra Quill" })
    const draft = await run(app, staff.socialWorker, "createReferralDraft", onReferral, { form: { ...form, children: [{ childId, fullName: "Ezra Quill" }] } })
    const read = await app.post(await tokenFor(app, staff.socialWorker), `query ReadBare($id: ID!) { referral(id: $id) { ... on Referral { children { ${childFields} } } } }`, { id: draft.id })
    expect(read.body.data.referral.children, read.text).toEqual([
      {
        childId,
        fullName: "Ezra Quill",
        dateOfBirth: null,
        homeAddress: null,
        placementAddress: null,
        gender: null,
        caseNumber: null,
        legalStatus: null,
        ethnicity: null,
        plan: null,
        planStarted: null,
        disabled: false,
        unaccompaniedAsylumSeeking: false,
        specialEducationalNeeds: null,
        engagingInEducation: null,
        placementType: null,
        carer: null
      }
    ])
  })
})

// ---- a request's history ----

interface Played {
  readonly referralId: string
  readonly childId: string
  readonly placementId: string
  readonly decisionId: string
  readonly disagreementId: string
}

const historyFields = `version type stream streamId recordedAt by { personId name role } at hash data`
const historyQuery = (name: string, fields: string) =>
  `query ${name}($id: ID!) { caseHistory(referralId: $id) { __typename ... on DomainError { code message } ... on InvalidInput { problems { path message } } ... on NotFound { what notFoundId: id } ... on CaseHistory { referral { id } events { ${fields} } } } }`

/**
 * A request made ready, then a Regulation 24 placement of its child, then the request accepted onto a sitting and decided,
 * and a member's dissent from the decision: the request's history interleaves four streams.
 */
const play = async (childId: string, childName: string): Promise<Played> => {
  const referral = await readyRequest(app, policy, { id: childId, name: childName })
  const tested = await run(app, staff.socialWorker, "recordBasicTest", "... on Placement { id }", {
    childId,
    wouldRefuseToSupportReturnHome: true,
    wouldAskPoliceToUsePoliceProtection: false,
    wouldSeekLegalAdviceToStartCareProceedings: false
  })
  const sitting = await sittingWith(app, policy, [referral.id])
  const decision = await decide(app, policy, referral.id, sitting)
  const dissent = await run(app, staff.member, "recordDissent", "... on Disagreement { id }", {
    decisionId: decision.id,
    member: { personId: staff.member.personId, name: staff.member.name },
    grounds: `The family network for ${childId} was not explored`
  })
  return { referralId: referral.id, childId, placementId: tested.id, decisionId: decision.id, disagreementId: dissent.id }
}

let first: Played
let second: Played

describe("a request's case history over GraphQL", () => {
  beforeAll(async () => {
    first = await play("crh-hist-1", "Rowan Fairley")
    second = await play("crh-hist-2", "Isla Penhallow")
    // Back to the present for the child records above, whose statutes count from now.
    app.travelTo(new Date())
  }, 120_000)

  const history = async (member: keyof typeof staff, referralId: string, name = "History", fields = historyFields) => {
    const response = await app.post(await tokenFor(app, staff[member]), historyQuery(name, fields), { id: referralId })
    expect(response.body.errors, response.text).toBeUndefined()
    return response.body.data.caseHistory
  }

  it("an auditor reads the request's own events, its placement's, its decision's and its dissent's, in the order they happened, and none of another request's", async () => {
    const read = await history("auditor", first.referralId)
    expect(read.__typename, JSON.stringify(read)).toBe("CaseHistory")
    expect(read.referral).toEqual({ id: first.referralId })
    const events: ReadonlyArray<any> = read.events
    const idsOf = (stream: string) => [...new Set(events.filter((event) => event.stream === stream).map((event) => event.streamId))]
    expect(idsOf("referral")).toEqual([first.referralId])
    expect(idsOf("placement")).toEqual([first.placementId])
    expect(idsOf("decision")).toEqual([first.decisionId])
    expect(idsOf("disagreement")).toEqual([first.disagreementId])
    expect(JSON.stringify(events)).not.toContain(second.childId)

    // Each stream's versions from 1, in order; the whole in the order the store committed them.
    for (const stream of ["referral", "placement", "decision", "disagreement"]) {
      const versions = events.filter((event) => event.stream === stream).map((event) => event.version)
      expect(versions, stream).toEqual(versions.map((_, i) => i + 1))
    }
    const times = events.map((event) => Date.parse(event.recordedAt))
    expect(times).toEqual([...times].sort((a, b) => a - b))
    const order = events.map((event) => `${event.stream}:${event.type}`)
    const at = (entry: string) => order.indexOf(entry)
    expect(order[0]).toBe("referral:DraftCreated")
    expect(at("placement:BasicTestRecorded"), order.join()).toBeGreaterThan(at("referral:ReferralSubmitted"))
    expect(at("placement:BasicTestRecorded"), order.join()).toBeLessThan(at("referral:AcceptedOntoSitting"))
    expect(at("decision:DecisionRecorded"), order.join()).toBeGreaterThan(at("referral:AcceptedOntoSitting"))
    expect(at("disagreement:DissentRecorded"), order.join()).toBeGreaterThan(at("decision:DecisionRecorded"))
    expect(order.at(-1)).toBe("disagreement:DissentRecorded")

    // Who and when are the event's own, as recorded.
    const draft = events[0]
    expect(draft).toMatchObject({ version: 1, stream: "referral", by: { personId: staff.socialWorker.personId, name: staff.socialWorker.name, role: "social_worker" }, hash: expect.any(String) })
    for (const event of events) {
      expect(event.by, event.type).toEqual({ personId: event.data.by.personId, name: event.data.by.name, role: event.data.by.role })
      expect(event.at, event.type).toBe(event.data.at)
    }
    const dissent = events.at(-1)
    expect(dissent.by).toEqual({ personId: staff.member.personId, name: staff.member.name, role: "panel_member" })
    expect(dissent.data.grounds).toBe(`The family network for ${first.childId} was not explored`)
    expect(draft.data.form.children[0].fullName).toBe("Rowan Fairley")
  })

  it("the second request's history holds its own placement, decision and dissent only", async () => {
    const read = await history("chair", second.referralId)
    const streams = new Map<string, Set<string>>()
    for (const event of read.events as ReadonlyArray<{ stream: string; streamId: string }>) streams.set(event.stream, (streams.get(event.stream) ?? new Set()).add(event.streamId))
    expect(Object.fromEntries([...streams].map(([stream, ids]) => [stream, [...ids]]))).toEqual({
      referral: [second.referralId],
      placement: [second.placementId],
      decision: [second.decisionId],
      disagreement: [second.disagreementId]
    })
  })

  it("a social worker, who may not read disagreements, reads the rest of the history without the dissent", async () => {
    const read = await history("socialWorker", first.referralId, "WorkerHistory", "stream streamId type")
    const streams = [...new Set((read.events as ReadonlyArray<{ stream: string }>).map((event) => event.stream))]
    expect(streams.sort()).toEqual(["decision", "placement", "referral"])
  })

  it("STAT-GDPR: reading the events' data is logged against the request's child as history.data; reading only who and when is not", async () => {
    const accessLog = () => app.runtime.runPromise(Effect.flatMap(AccessLog, (log) => log.forChild(AuthorityId.make(policy.authority.id), ChildId.make(first.childId))))
    await history("auditor", first.referralId, "WhoAndWhen", "type by { name } at")
    expect((await accessLog()).filter((entry) => entry.purpose === "WhoAndWhen")).toEqual([])
    const withData = await history("auditor", first.referralId, "WithData", "type data")
    expect(withData.events.every((event: { data: unknown }) => event.data !== null)).toBe(true)
    const logged = (await accessLog()).filter((entry) => entry.purpose === "WithData")
    expect(logged.map((entry) => [entry.role, entry.fields])).toEqual([["auditor", ["history.data"]]])
  })

  it("caseHistory with an empty id answers InvalidInput naming `referralId`; an unknown request answers NotFound", async () => {
    expect(await history("auditor", "")).toEqual({
      __typename: "InvalidInput",
      code: "InvalidInput",
      message: "Please correct: referralId must not be empty.",
      problems: [{ path: "referralId", message: "must not be empty" }]
    })
    const missing = await history("auditor", "crh-no-such-request")
    expect(missing, JSON.stringify(missing)).toMatchObject({ __typename: "NotFound", code: "NotFound", notFoundId: "crh-no-such-request" })
  })
})
