import type { DeliverySummary } from "@carepanel/core"
import { describe, expect, it } from "vitest"
import { deliveryExplanation, deliveryStateLabel, replayRefusal } from "../src/data/deliveries.js"

const delivery = (more: Partial<DeliverySummary>): DeliverySummary => ({
  deliveryId: "msg_1",
  sourceId: "mosaic",
  eventType: "request.approved",
  outcome: "applied",
  receivedAt: "2027-05-31T16:40:00Z",
  updatedAt: "2027-05-31T16:40:00Z",
  ...more
})

// What the Deliveries screen says of each delivery, in a line an operator can act on.
describe("a webhook delivery, in words", () => {
  it("each outcome with its symbol; a parked one with nothing to wait for is a replay asked for", () => {
    expect(deliveryStateLabel(delivery({ outcome: "applied" }))).toBe("✓ applied")
    expect(deliveryStateLabel(delivery({ outcome: "refused" }))).toBe("✗ refused")
    expect(deliveryStateLabel(delivery({ outcome: "parked", waitingFor: "mosaic/request/MOS-9" }))).toBe("◌ parked")
    expect(deliveryStateLabel(delivery({ outcome: "parked" }))).toBe("↻ to retry")
    expect(deliveryStateLabel(delivery({ outcome: "dead" }))).toBe("‼ dead")
    expect(deliveryStateLabel(delivery({ outcome: "refused", erasedAt: "2027-05-01T10:00:00Z" }))).toBe("✗ refused, erased Sat 1 May 2027")
  })

  it("what became of it and what to do, the core's words without their full stop", () => {
    expect(deliveryExplanation(delivery({ outcome: "applied" }))).toBe("Applied. Nothing to do.")
    expect(deliveryExplanation(delivery({ outcome: "refused", code: "ReferralNotInStatus", message: "It is not awaiting approval." }))).toBe(
      "Refused (ReferralNotInStatus): It is not awaiting approval. Replay once the case system's record is put right (r)."
    )
    expect(deliveryExplanation(delivery({ outcome: "refused", code: "InvalidInput", message: "Form 3.2 is missing. Send it first." }))).toBe(
      "Refused (InvalidInput): Form 3.2 is missing. Send it first. Replay once the case system's record is put right (r)."
    )
    expect(deliveryExplanation(delivery({ outcome: "refused" }))).toBe("Refused. Replay once the case system's record is put right (r).")
    expect(deliveryExplanation(delivery({ outcome: "parked", waitingFor: "mosaic/request/MOS-9" }))).toBe(
      "Waiting for mosaic/request/MOS-9 to arrive from the case system; applied when it does."
    )
    expect(deliveryExplanation(delivery({ outcome: "parked" }))).toBe("A replay was asked for: the next webhook receiver on the store tries it within seconds.")
    expect(deliveryExplanation(delivery({ outcome: "dead", waitingFor: "mosaic/request/MOS-7" }))).toBe(
      "Dead: it waited too long for mosaic/request/MOS-7. Replay it (r) once that record has arrived."
    )
    expect(deliveryExplanation(delivery({ outcome: "dead" }))).toBe("Dead: it waited too long. Replay it (r) once that record has arrived.")
  })

  it("once its body is erased: the day (in London), the code left, and that it cannot be replayed", () => {
    const erasedAt = "2027-05-01T23:30:00Z" // 00:30 on Sunday 2 May in London
    expect(deliveryExplanation(delivery({ outcome: "refused", code: "ReferralNotInStatus", erasedAt }))).toBe(
      "Refused (ReferralNotInStatus). Its body was erased on Sun 2 May 2027, after the receiver's retention period, so it cannot be replayed: the case system can send the event again under a new webhook-id."
    )
    expect(deliveryExplanation(delivery({ outcome: "refused", erasedAt }))).toMatch(/^Refused\. Its body was erased on Sun 2 May 2027/)
    expect(deliveryExplanation(delivery({ outcome: "dead", erasedAt }))).toMatch(/^Dead\. Its body was erased on Sun 2 May 2027/)
    expect(replayRefusal(delivery({ outcome: "dead", erasedAt }))).toBe(
      "Cannot replay: this delivery's body was erased on Sun 2 May 2027, after the receiver's retention period. Ask the case system to send it again."
    )
    expect(replayRefusal(delivery({ outcome: "dead" }))).toBeUndefined()
  })
})
