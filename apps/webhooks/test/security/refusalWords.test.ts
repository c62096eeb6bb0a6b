import { Actor, AuthorityId, Deliveries, type DeliverySummary, PersonId } from "@carepanel/core"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { authority, socialWorker, submitted, wexcombe, wexcombeScope, wexcombeTerms, withdrawn } from "../support/fixtures.js"
import { deliver, startTestReceiver } from "../support/receiver.js"

/**
 * A refusal's words quote what the event carried: a parent's name in an s20 consent (or, under another authority's
 * policy, a child's name on an incomplete request). The case system that sent those names is answered them in full; the delivery list that integrators and
 * panel administrators read (the API's `webhookDeliveries`, the terminal UI's Deliveries screen) is not. The receiver
 * runs Wexcombe's policy with its requests in scope under a rule of its own terms of reference (WEX-2).
 */
const child = { id: "child-canary-words", name: "Tallulah Canarywood" }
const parent = "Marigold Canarywood"
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString()

type Receiver = Awaited<ReturnType<typeof startTestReceiver>>
let receiver: Receiver
const answered: Record<string, { status: number; body: any }> = {}

const placementStarted = {
  type: "placement.connected_person_started",
  data: {
    actor: socialWorker,
    placementRef: "ep-canary",
    childId: child.id,
    basicTest: { wouldRefuseToSupportReturnHome: false, wouldAskPoliceToUsePoliceProtection: true, wouldSeekLegalAdviceToStartCareProceedings: false },
    placedAt: hoursAgo(5),
    carers: [{ name: "Hester Canarywood", relationship: "grandmother", hasParentalResponsibility: false }]
  }
}
const consentNotInFull = {
  type: "accommodation.s20_started",
  data: {
    actor: socialWorker,
    placementRef: "ep-canary",
    consents: [{ name: parent, relationship: "mother", consentGivenAt: hoursAgo(2), consentGivenTo: " ", toldOfRightToObjectAndRemove: false }],
    childWishes: { _tag: "Ascertained", wishesAndFeelings: "Wants to stay with her grandmother" }
  }
}

/** What an integrator lists, through the core's use case the API and the terminal UI both read through. */
const listed = () =>
  Effect.runPromise(
    Effect.flatMap(Deliveries, (deliveries) =>
      deliveries.list(new Actor({ personId: PersonId.make("it-team"), name: "Wexcombe IT", authorityId: AuthorityId.make(authority), roles: ["integrator"] }), { limit: 50 })
    ).pipe(Effect.provide(Deliveries.Default), Effect.provide(receiver.store)) as Effect.Effect<ReadonlyArray<DeliverySummary>>
  )

beforeAll(async () => {
  receiver = await startTestReceiver({ policies: [wexcombe] })
  expect((await deliver(receiver.url, placementStarted)).status).toBe(200)
  answered.s20 = await deliver(receiver.url, consentNotInFull, { id: "msg_canary_s20" })
  answered.s20Again = await deliver(receiver.url, consentNotInFull, { id: "msg_canary_s20" })
  expect((await deliver(receiver.url, submitted("form-canary-withdrawn", child))).status).toBe(200)
  expect((await deliver(receiver.url, withdrawn("form-canary-withdrawn", `${child.name} moved away`))).status).toBe(200)
  answered.withdrawnTwice = await deliver(receiver.url, withdrawn("form-canary-withdrawn", `${child.name} moved away`), { id: "msg_canary_withdrawn" })
  answered.outOfScope = await deliver(receiver.url, submitted("form-canary-secure", child, "secure_accommodation"), { id: "msg_canary_scope" })
}, 60_000)
afterAll(() => receiver?.close())

describe("a refusal's words about a child or family", () => {
  it("are answered in full to the case system that sent the names, the first time and to a repeat", () => {
    expect(answered.s20).toMatchObject({ status: 422, body: { code: "S20ConsentIncomplete", ruleId: "STAT-S20-CONSENT", detail: expect.stringContaining(`to whom ${parent} gave consent`) } })
    expect(answered.s20Again).toEqual(answered.s20)
    expect(answered.withdrawnTwice).toMatchObject({ status: 422, body: { code: "ReferralNotInStatus" } })
    expect(answered.outOfScope).toMatchObject({ status: 422, body: { code: "OutOfScope", ruleId: "WEX-2" } })
  })

  it("are never in the delivery list operators read: its code, the rule it cites and where the words went instead", async () => {
    const deliveries = await listed()
    const refused = deliveries.filter((delivery) => delivery.outcome === "refused")
    expect(refused.map((delivery) => delivery.deliveryId).sort()).toEqual(["msg_canary_s20", "msg_canary_scope", "msg_canary_withdrawn"])
    const listing = JSON.stringify(deliveries)
    for (const part of ["Canarywood", "Tallulah", "Marigold", "moved away"]) expect(listing).not.toContain(part)
    expect(refused.find((delivery) => delivery.deliveryId === "msg_canary_s20")).toMatchObject({
      code: "S20ConsentIncomplete",
      message: "The case system was told why in its answer (STAT-S20-CONSENT); those words are not listed here, since they can name the child or family."
    })
  })

  it("WEX-2: cite the authority's own rule with its source and words, where the answer's ruleId gives its id alone", async () => {
    const [delivery] = (await listed()).filter((each) => each.deliveryId === "msg_canary_scope")
    expect(delivery).toMatchObject({
      code: "OutOfScope",
      message: `The case system was told why in its answer (WEX-2, ${wexcombeTerms}, "${wexcombeScope}"); those words are not listed here, since they can name the child or family.`
    })
  })

  it("are listed as they are where they are made of roles and ids only (a source's role the rule does not allow)", async () => {
    const byTheWrongRole = { type: "request.approved", data: { formId: "form-canary-withdrawn", actor: { ...socialWorker, role: "panel_member" } } }
    expect((await deliver(receiver.url, byTheWrongRole, { id: "msg_canary_role" })).status).toBe(422)
    const [delivery] = (await listed()).filter((each) => each.deliveryId === "msg_canary_role")
    expect(delivery).toMatchObject({ code: "NotPermitted", message: "This source may act only as a social worker or team manager, not as a panel member." })
  })
})
