import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { deliverySummaryOf, type KeptDelivery, keptDeliveryOf, webhookDeliveryRowOf } from "../../src/store/webhookDeliveryRows.js"

const kept = fc.record(
  {
    authorityId: fc.string({ minLength: 1 }),
    deliveryId: fc.string({ minLength: 1 }),
    sourceId: fc.string({ minLength: 1 }),
    eventType: fc.string({ minLength: 1 }),
    bodySha256: fc.stringMatching(/^[0-9a-f]{64}$/),
    outcome: fc.constantFrom("applied", "refused", "parked", "dead" as const),
    answer: fc.record({ status: fc.integer({ min: 200, max: 599 }), body: fc.dictionary(fc.string(), fc.jsonValue()) }),
    receivedAt: fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
    updatedAt: fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
    waitingFor: fc.option(fc.string({ minLength: 1 }), { nil: undefined }),
    body: fc.option(fc.json(), { nil: undefined })
  },
  { requiredKeys: ["authorityId", "deliveryId", "sourceId", "eventType", "bodySha256", "outcome", "answer", "receivedAt", "updatedAt"] }
) as fc.Arbitrary<KeptDelivery>

describe("webhook_deliveries rows (the receiver's writes, the operators' reads)", () => {
  it("read back as written, except that an applied delivery's body is not kept", () => {
    fc.assert(
      fc.property(kept, (delivery) => {
        const back = keptDeliveryOf(JSON.parse(JSON.stringify(webhookDeliveryRowOf(delivery))))
        expect(back).toEqual({
          ...delivery,
          answer: JSON.parse(JSON.stringify(delivery.answer)),
          waitingFor: delivery.waitingFor,
          body: delivery.outcome === "applied" ? undefined : delivery.body
        })
      })
    )
  })

  it("summarise for an operator with the refusal's code and its words for operators, never the body", () => {
    const refused: KeptDelivery = {
      authorityId: "wexcombe",
      deliveryId: "msg_1",
      sourceId: "mosaic",
      eventType: "request.withdrawn",
      bodySha256: "0".repeat(64),
      outcome: "refused",
      answer: {
        status: 422,
        body: { title: "Carepanel refused the event.", code: "ReferralNotInStatus", detail: "You cannot withdraw this request." },
        listed: "You cannot withdraw this request."
      },
      receivedAt: "2026-12-01T09:00:00.000Z",
      updatedAt: "2026-12-01T09:00:00.000Z",
      body: '{"data":{"child":"Robin Ashdale"}}'
    }
    expect(deliverySummaryOf(refused)).toEqual({
      deliveryId: "msg_1",
      sourceId: "mosaic",
      eventType: "request.withdrawn",
      outcome: "refused",
      receivedAt: "2026-12-01T09:00:00.000Z",
      updatedAt: "2026-12-01T09:00:00.000Z",
      code: "ReferralNotInStatus",
      message: "You cannot withdraw this request."
    })
    expect(deliverySummaryOf({ ...refused, outcome: "parked", waitingFor: "mosaic/request/f-1", answer: { status: 202, body: { title: "Parked" } } })).toMatchObject({
      waitingFor: "mosaic/request/f-1",
      message: "Parked"
    })
  })

  it("never list a refusal's detail, which can name the child or family, even when kept without words for operators", () => {
    const keptBefore: KeptDelivery = {
      authorityId: "wexcombe",
      deliveryId: "msg_2",
      sourceId: "mosaic",
      eventType: "accommodation.s20_started",
      bodySha256: "0".repeat(64),
      outcome: "refused",
      answer: { status: 422, body: { title: "Carepanel refused the event.", code: "S20ConsentIncomplete", detail: "that Marigold Canarywood was told of the right to object" } },
      receivedAt: "2026-12-01T09:00:00.000Z",
      updatedAt: "2026-12-01T09:00:00.000Z"
    }
    expect(deliverySummaryOf(keptBefore)).toMatchObject({ code: "S20ConsentIncomplete", message: "Carepanel refused the event." })
    expect(JSON.stringify(deliverySummaryOf(keptBefore))).not.toContain("Canarywood")
  })
})
