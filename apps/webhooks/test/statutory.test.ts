import { repositoryFile } from "@carepanel/core/mutation/repositoryFile"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { bodyOf } from "../src/cli/send.js"
import { authority, socialWorker, sourcesFor } from "./support/fixtures.js"
import { deliver, startTestReceiver } from "./support/receiver.js"
import { countOf, queryStore } from "./support/storeQuery.js"

type Receiver = Awaited<ReturnType<typeof startTestReceiver>>
let receiver: Receiver
/** The test source, also allowed to send legal statuses. */
const sources = sourcesFor()
sources.authorities[authority].sources.mosaic.events.push("legal_status.changed")
beforeAll(async () => {
  receiver = await startTestReceiver({ parkedForMs: 60_000, sources })
})
afterAll(() => receiver.close())

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString()

const placementStarted = (placementRef: string) => ({
  type: "placement.connected_person_started",
  data: {
    actor: socialWorker,
    placementRef,
    childId: `child-${placementRef}`,
    basicTest: { wouldRefuseToSupportReturnHome: false, wouldAskPoliceToUsePoliceProtection: true, wouldSeekLegalAdviceToStartCareProceedings: false },
    placedAt: hoursAgo(5),
    carers: [{ name: "Margaret Ashdale", relationship: "grandmother", hasParentalResponsibility: false }]
  }
})
const protectionStarted = (placementRef: string, startedAt = hoursAgo(6)) => ({ type: "police_protection.started", data: { actor: socialWorker, placementRef, startedAt } })
const protectionEnded = (placementRef: string, outcome: string, endedAt = hoursAgo(1)) => ({
  type: "police_protection.ended",
  data: { actor: socialWorker, placementRef, outcome, endedAt }
})
const mother = { name: "Dana Ashdale", relationship: "mother", consentGivenAt: hoursAgo(2), consentGivenTo: "Priya Ashdown", toldOfRightToObjectAndRemove: true }
const s20Started = (placementRef: string, consents: ReadonlyArray<object> = [mother]) => ({
  type: "accommodation.s20_started",
  data: { actor: socialWorker, placementRef, consents, childWishes: { _tag: "Ascertained", wishesAndFeelings: "Wants to stay with her grandmother" } }
})

/** The placement's events, in order, as the store keeps them. */
const placementEvents = async (placementId: string) =>
  (await queryStore<{ type: string; data: string }>(receiver.store, "SELECT type, data FROM events WHERE entity_id = ? ORDER BY position", [placementId])).map(
    (row) => ({ type: row.type, data: JSON.parse(row.data) as Record<string, unknown> })
  )

const startPlacement = async (placementRef: string) => {
  const answer = await deliver(receiver.url, placementStarted(placementRef))
  expect(answer.status).toBe(200)
  return answer.body.touched[0].id as string
}

describe("police protection (STAT-S46)", () => {
  it("refuses a start on a day that does not exist (30 February) by its path, not rolled over to March, and stores nothing", async () => {
    const kept = "SELECT COUNT(*) AS n FROM webhook_deliveries"
    const before = await countOf(receiver.store, kept)
    const answer = await deliver(receiver.url, protectionStarted("ep-pp-feb30", "2026-02-30T02:00:00.000Z"))
    expect(answer.status).toBe(422)
    expect(answer.body.problems).toEqual([{ path: "data.startedAt", message: "must be a date and time on a day that exists, such as 2027-06-14T10:00:00Z" }])
    expect(await countOf(receiver.store, kept)).toBe(before)
  })

  it("records its start and its outcome with the instant on the placement the case system named", async () => {
    const placementId = await startPlacement("ep-pp-home")
    const started = await deliver(receiver.url, protectionStarted("ep-pp-home", "2026-01-10T02:00:00.000Z"))
    expect(started).toMatchObject({ status: 200, body: { outcome: "applied", touched: [{ type: "placement", id: placementId }] } })
    const ended = await deliver(receiver.url, protectionEnded("ep-pp-home", "returned_home", "2026-01-11T20:30:00.000Z"), { id: "msg_pp_home_ended" })
    expect(ended.status).toBe(200)
    const recorded = await placementEvents(placementId)
    expect(recorded.find((event) => event.type === "PolicePowersRecorded")?.data).toMatchObject({ underPoliceProtection: true, since: "2026-01-10T02:00:00.000Z" })
    expect(recorded.find((event) => event.type === "PoliceProtectionEnded")?.data).toMatchObject({ outcome: "returned_home", endedAt: "2026-01-11T20:30:00.000Z" })
    // Each event records the source and the delivery it came through, beside the person it acted for.
    expect(recorded.find((event) => event.type === "PoliceProtectionEnded")?.data.by).toEqual({ ...socialWorker, via: { sourceId: "mosaic", deliveryId: "msg_pp_home_ended" } })
  })

  it("ended with the child returned home, the child's looked-after period under police protection (L1) ends then, in the same delivery (STAT-R33)", async () => {
    await startPlacement("ep-pp-gone")
    await deliver(receiver.url, protectionStarted("ep-pp-gone"))
    const endedAt = hoursAgo(1)
    expect((await deliver(receiver.url, protectionEnded("ep-pp-gone", "returned_home", endedAt))).status).toBe(200)
    const childEvents = await queryStore<{ type: string; data: string }>(receiver.store, "SELECT type, data FROM events WHERE entity_id = ? ORDER BY position", ["child-ep-pp-gone"])
    expect(childEvents.map((row) => row.type)).toEqual(["ChildRecordOpened", "BecameLookedAfter", "LegalStatusChanged", "LookedAfterEnded"])
    expect(JSON.parse(childEvents.at(-1)!.data)).toMatchObject({ endedAt, reason: "police protection ended: the child was returned home (STAT-S46)" })
  })

  it("records the core's refusal (an end before the start) and answers 422 with its code and message; a repeat gets the same", async () => {
    await startPlacement("ep-pp-early")
    await deliver(receiver.url, protectionStarted("ep-pp-early", hoursAgo(3)))
    const endedEarly = protectionEnded("ep-pp-early", "emergency_protection_order", hoursAgo(4))
    const refused = await deliver(receiver.url, endedEarly, { id: "msg_pp_early" })
    expect(refused.status).toBe(422)
    expect(refused.contentType).toBe("application/problem+json")
    expect(refused.body).toMatchObject({ code: "PoliceProtectionOutcomeRefused", detail: expect.stringMatching(/^Police protection began at .*; it cannot have ended before, at .* \(STAT-S46\)\.$/) })
    expect(await deliver(receiver.url, endedEarly, { id: "msg_pp_early" })).toEqual(refused)
    expect(await countOf(receiver.store, "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE delivery_id = 'msg_pp_early' AND outcome = 'refused'")).toBe(1)
    expect(await countOf(receiver.store, "SELECT COUNT(*) AS n FROM events WHERE type = 'PoliceProtectionEnded' AND data LIKE '%emergency_protection_order%'")).toBe(0)
  })

  it("refuses an end 'accommodated under s20' until the s20 accommodation is recorded with its consents, then accepts it", async () => {
    await startPlacement("ep-pp-s20")
    await deliver(receiver.url, protectionStarted("ep-pp-s20"))
    const tooSoon = await deliver(receiver.url, protectionEnded("ep-pp-s20", "accommodated_s20"))
    expect(tooSoon.status).toBe(422)
    expect(tooSoon.body).toMatchObject({ code: "PoliceProtectionOutcomeRefused", detail: expect.stringContaining("record the s20 accommodation with its consents first") })
    expect((await deliver(receiver.url, s20Started("ep-pp-s20"))).status).toBe(200)
    expect((await deliver(receiver.url, protectionEnded("ep-pp-s20", "accommodated_s20"))).status).toBe(200)
  })

  it("parks an event about a placement not yet known (202), and applies it when the placement arrives", async () => {
    const early = await deliver(receiver.url, protectionStarted("ep-pp-late"), { id: "msg_pp_late" })
    expect(early).toMatchObject({ status: 202, body: { outcome: "parked", waitingFor: "mosaic/placement/ep-pp-late" } })
    const placementId = await startPlacement("ep-pp-late")
    expect((await placementEvents(placementId)).map((event) => event.type)).toContain("PolicePowersRecorded")
    expect(await countOf(receiver.store, "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE delivery_id = 'msg_pp_late' AND outcome = 'applied'")).toBe(1)
  })

  it("refuses a second start of a placement the case system already sent (another delivery id) 422, naming it, and records no second placement", async () => {
    await startPlacement("ep-twice")
    const placements = () => countOf(receiver.store, "SELECT COUNT(*) AS n FROM events WHERE type = 'BasicTestRecorded'")
    const before = await placements()
    const again = await deliver(receiver.url, placementStarted("ep-twice"), { id: "msg_started_twice" })
    expect(again.status).toBe(422)
    expect(again.body).toMatchObject({
      code: "PlacementAlreadyRecorded",
      detail: "The placement ep-twice was already recorded; send its later changes as their own events."
    })
    expect(await placements()).toBe(before)
  })

  it("answers an end without its outcome or instant 422 with both paths, and stores nothing", async () => {
    const before = await countOf(receiver.store, "SELECT COUNT(*) AS n FROM webhook_deliveries")
    const answer = await deliver(receiver.url, { type: "police_protection.ended", data: { actor: socialWorker, placementRef: "ep-pp-home", outcome: "placed_with_carers" } })
    expect(answer.status).toBe(422)
    expect((answer.body.problems as Array<{ path: string }>).map((p) => p.path).sort()).toEqual(["data.endedAt", "data.outcome"])
    expect(await countOf(receiver.store, "SELECT COUNT(*) AS n FROM webhook_deliveries")).toBe(before)
  })
})

describe("s20 accommodation (STAT-S20-CONSENT)", () => {
  it("records each consent of a person with parental responsibility in full, person by person", async () => {
    const placementId = await startPlacement("ep-s20-two")
    const father = { ...mother, name: "Lee Ashdale", relationship: "father" }
    expect((await deliver(receiver.url, s20Started("ep-s20-two", [mother, father]))).status).toBe(200)
    const recorded = (await placementEvents(placementId)).find((event) => event.type === "S20AccommodationRecorded")
    expect(((recorded?.data.consents ?? []) as Array<{ name: string }>).map((consent) => consent.name)).toEqual(["Dana Ashdale", "Lee Ashdale"])
  })

  it("refuses an incomplete consent with the core's words for what is missing (422 S20ConsentIncomplete, recorded), storing no accommodation", async () => {
    const placementId = await startPlacement("ep-s20-partial")
    const answer = await deliver(receiver.url, s20Started("ep-s20-partial", [{ ...mother, consentGivenTo: " ", toldOfRightToObjectAndRemove: false }]), { id: "msg_s20_partial" })
    expect(answer.status).toBe(422)
    expect(answer.body).toMatchObject({
      code: "S20ConsentIncomplete",
      detail:
        "The child cannot be accommodated under s20 until the consent record shows: to whom Dana Ashdale gave consent; that Dana Ashdale was told of the right to object and to remove the child at any time (STAT-S20-CONSENT)."
    })
    expect(await countOf(receiver.store, "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE delivery_id = 'msg_s20_partial' AND outcome = 'refused'")).toBe(1)
    expect((await placementEvents(placementId)).map((event) => event.type)).not.toContain("S20AccommodationRecorded")
  })
})

const visited = (placementRef: string, data: Record<string, unknown> = {}) => ({
  type: "visit.recorded",
  data: { actor: socialWorker, placementRef, visitedAt: hoursAgo(2), seenAlone: true, ...data }
})

describe("visits (STAT-R28)", () => {
  it("records a visit on the placement the case system named: when, who visited, not seen alone and why; its clock is met", async () => {
    const placementId = await startPlacement("ep-visit-1")
    const answer = await deliver(receiver.url, visited("ep-visit-1", { visitor: "Amir Holloway", seenAlone: false, notSeenAloneReason: "She asked for her grandmother to stay" }))
    expect(answer).toMatchObject({ status: 200, body: { outcome: "applied", touched: [{ type: "placement", id: placementId }] } })
    const recorded = (await placementEvents(placementId)).find((event) => event.type === "VisitRecorded")
    expect(recorded?.data).toMatchObject({ visitor: "Amir Holloway", seenAlone: false, notSeenAloneReason: "She asked for her grandmother to stay", by: { name: socialWorker.name } })
  })

  it("answers a visit before the placement, or not seen alone without why, 422 with the core's VisitRefused and stores no visit", async () => {
    const placementId = await startPlacement("ep-visit-2")
    const early = await deliver(receiver.url, visited("ep-visit-2", { visitedAt: hoursAgo(6) }))
    expect(early.status).toBe(422)
    expect(early.body).toMatchObject({ code: "VisitRefused", detail: expect.stringContaining("is not a visit to the child in this placement (STAT-R28).") })
    const noReason = await deliver(receiver.url, visited("ep-visit-2", { seenAlone: false }))
    expect(noReason.body).toMatchObject({ code: "VisitRefused", detail: "The child was not seen alone: say why (STAT-R28)." })
    expect((await placementEvents(placementId)).map((event) => event.type)).not.toContain("VisitRecorded")
  })

  it("parks a visit to a placement not yet known (202), and applies it when the placement arrives", async () => {
    const early = await deliver(receiver.url, visited("ep-visit-late"), { id: "msg_visit_late" })
    expect(early).toMatchObject({ status: 202, body: { outcome: "parked", waitingFor: "mosaic/placement/ep-visit-late" } })
    const placementId = await startPlacement("ep-visit-late")
    expect((await placementEvents(placementId)).map((event) => event.type)).toContain("VisitRecorded")
  })

  it("is in /openapi.json with the placement, the instant and whether the child was seen alone required", async () => {
    const schemas = ((await (await fetch(`${receiver.url}/openapi.json`)).json()) as any).components.schemas
    expect(schemas.visit_recorded.properties.data.required).toEqual(expect.arrayContaining(["placementRef", "visitedAt", "seenAlone"]))
    expect(Object.keys(schemas.visit_recorded.properties.data.properties)).toEqual(expect.arrayContaining(["visitor", "notSeenAloneReason"]))
  })
})

const placementEnded = (placementRef: string, endedAt = hoursAgo(1), reason = "child_returned_home") => ({
  type: "placement.ended",
  data: { actor: socialWorker, placementRef, reason, endedAt }
})
const consentWithdrawn = (placementRef: string, withdrawnBy = "Dana Ashdale", withdrawnAt?: string) => ({
  type: "accommodation.s20_consent_withdrawn",
  data: { actor: socialWorker, placementRef, withdrawnBy, ...(withdrawnAt === undefined ? {} : { withdrawnAt }) }
})

describe("a placement's end", () => {
  it("records the end with its reason at endedAt, when the child left, on the placement the case system named", async () => {
    const placementId = await startPlacement("ep-end-1")
    const endedAt = hoursAgo(2)
    const answer = await deliver(receiver.url, placementEnded("ep-end-1", endedAt, "child_moved"))
    expect(answer).toMatchObject({ status: 200, body: { outcome: "applied", touched: [{ type: "placement", id: placementId }] } })
    expect((await placementEvents(placementId)).find((event) => event.type === "PlacementEnded")?.data).toMatchObject({
      reason: "child_moved",
      endedAt,
      by: { name: socialWorker.name }
    })
  })

  it("the child returned home from s20 accommodation: the child's looked-after period ends at endedAt, in the same delivery (STAT-R33)", async () => {
    await startPlacement("ep-end-home")
    expect((await deliver(receiver.url, s20Started("ep-end-home"))).status).toBe(200)
    const endedAt = hoursAgo(1)
    expect((await deliver(receiver.url, placementEnded("ep-end-home", endedAt))).status).toBe(200)
    const childEvents = await queryStore<{ type: string; data: string }>(receiver.store, "SELECT type, data FROM events WHERE entity_id = ? ORDER BY position", ["child-ep-end-home"])
    expect(childEvents.at(-1)?.type).toBe("LookedAfterEnded")
    expect(JSON.parse(childEvents.at(-1)!.data)).toMatchObject({ endedAt })
  })

  it("answers an end before a visit recorded on the placement 422 with the core's PlacementEndRefused and its words, recorded; no end is stored", async () => {
    const placementId = await startPlacement("ep-end-early")
    expect((await deliver(receiver.url, visited("ep-end-early", { visitedAt: hoursAgo(2) }))).status).toBe(200)
    const early = placementEnded("ep-end-early", hoursAgo(3))
    const refused = await deliver(receiver.url, early, { id: "msg_end_early" })
    expect(refused.status).toBe(422)
    expect(refused.contentType).toBe("application/problem+json")
    expect(refused.body).toMatchObject({
      code: "PlacementEndRefused",
      detail: expect.stringMatching(/^The placement cannot have ended at .*: the visit at .* is recorded on it after that\. Correct that first, or give a later end\.$/)
    })
    expect(await deliver(receiver.url, early, { id: "msg_end_early" })).toEqual(refused)
    expect(await countOf(receiver.store, "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE delivery_id = 'msg_end_early' AND outcome = 'refused'")).toBe(1)
    expect((await placementEvents(placementId)).map((event) => event.type)).not.toContain("PlacementEnded")
  })

  it("parks an end for a placement not yet known (202), and applies it when the placement's start arrives", async () => {
    const endedAt = hoursAgo(1)
    const early = await deliver(receiver.url, placementEnded("ep-end-late", endedAt), { id: "msg_end_late" })
    expect(early).toMatchObject({ status: 202, body: { outcome: "parked", waitingFor: "mosaic/placement/ep-end-late" } })
    const placementId = await startPlacement("ep-end-late")
    expect((await placementEvents(placementId)).find((event) => event.type === "PlacementEnded")?.data).toMatchObject({ reason: "child_returned_home", endedAt })
    expect(await countOf(receiver.store, "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE delivery_id = 'msg_end_late' AND outcome = 'applied'")).toBe(1)
  })

  it("answers an end without its instant, or with a reason the core does not take, 422 with both paths, and stores nothing", async () => {
    const before = await countOf(receiver.store, "SELECT COUNT(*) AS n FROM webhook_deliveries")
    const answer = await deliver(receiver.url, { type: "placement.ended", data: { actor: socialWorker, placementRef: "ep-end-1", reason: "ran_away" } })
    expect(answer.status).toBe(422)
    expect((answer.body.problems as Array<{ path: string }>).map((p) => p.path).sort()).toEqual(["data.endedAt", "data.reason"])
    expect(await countOf(receiver.store, "SELECT COUNT(*) AS n FROM webhook_deliveries")).toBe(before)
  })

  it("is in /openapi.json with the placement, the reason (the core's reasons) and the instant required", async () => {
    const schemas = ((await (await fetch(`${receiver.url}/openapi.json`)).json()) as any).components.schemas
    expect(schemas.placement_ended.properties.data.required).toEqual(expect.arrayContaining(["placementRef", "reason", "endedAt"]))
    expect(schemas.placement_ended.properties.data.properties.reason.enum).toEqual(["approved_as_foster_carer", "child_moved", "child_returned_home", "approval_expired_child_moved"])
  })
})

describe("s20 consent withdrawn (STAT-S20-CONSENT)", () => {
  it("records who withdrew consent on the placement the case system named: the s20 basis ends", async () => {
    const placementId = await startPlacement("ep-s20-withdrawn")
    expect((await deliver(receiver.url, s20Started("ep-s20-withdrawn"))).status).toBe(200)
    const answer = await deliver(receiver.url, consentWithdrawn("ep-s20-withdrawn"))
    expect(answer).toMatchObject({ status: 200, body: { outcome: "applied", touched: [{ type: "placement", id: placementId }] } })
    expect((await placementEvents(placementId)).find((event) => event.type === "S20ConsentWithdrawn")?.data).toMatchObject({ withdrawnBy: "Dana Ashdale", by: { name: socialWorker.name } })
  })

  it("answers a withdrawal on a placement with no s20 accommodation 422 with the core's S20ConsentIncomplete and its words, storing nothing", async () => {
    const placementId = await startPlacement("ep-s20-none")
    const refused = await deliver(receiver.url, consentWithdrawn("ep-s20-none"))
    expect(refused.status).toBe(422)
    expect(refused.body).toMatchObject({
      code: "S20ConsentIncomplete",
      detail: "There is no s20 consent in force to withdraw: record the s20 accommodation first (STAT-S20-CONSENT)."
    })
    expect((await placementEvents(placementId)).map((event) => event.type)).not.toContain("S20ConsentWithdrawn")
  })

  it("parks a withdrawal for a placement not yet known (202); released by the placement's start, it is refused while no s20 accommodation is recorded (kept for replay)", async () => {
    const early = await deliver(receiver.url, consentWithdrawn("ep-s20-late"), { id: "msg_s20_withdrawn_late" })
    expect(early).toMatchObject({ status: 202, body: { outcome: "parked", waitingFor: "mosaic/placement/ep-s20-late" } })
    // Released with the start, the withdrawal finds no s20 accommodation yet: refused, recorded, and replayable by an operator.
    const placementId = await startPlacement("ep-s20-late")
    expect(await countOf(receiver.store, "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE delivery_id = 'msg_s20_withdrawn_late' AND outcome = 'refused'")).toBe(1)
    expect((await placementEvents(placementId)).map((event) => event.type)).not.toContain("S20ConsentWithdrawn")
  })

  it("records the withdrawal at withdrawnAt, when it happened, not when it arrived; one before the s20 accommodation began is answered 422 NotYetHappened naming both times", async () => {
    const placementId = await startPlacement("ep-s20-withdrawn-at")
    expect((await deliver(receiver.url, s20Started("ep-s20-withdrawn-at"))).status).toBe(200)
    const early = await deliver(receiver.url, consentWithdrawn("ep-s20-withdrawn-at", "Dana Ashdale", hoursAgo(3)))
    expect(early).toMatchObject({ status: 422, body: { code: "NotYetHappened", detail: expect.stringMatching(/^The s20 accommodation began at .*: consent cannot have been withdrawn before it, at .* \(STAT-S20-CONSENT\)\.$/) } })
    const withdrawnAt = hoursAgo(1)
    expect((await deliver(receiver.url, consentWithdrawn("ep-s20-withdrawn-at", "Dana Ashdale", withdrawnAt))).status).toBe(200)
    expect((await placementEvents(placementId)).find((event) => event.type === "S20ConsentWithdrawn")?.data).toMatchObject({ withdrawnBy: "Dana Ashdale", withdrawnAt })
  })

  it("a withdrawal parked (202) behind its placement and s20 accommodation, applied when they arrive, records the time it carries, not when it was applied", async () => {
    const withdrawnAt = hoursAgo(1)
    expect(await deliver(receiver.url, s20Started("ep-s20-parked-at"), { id: "msg_s20_started_parked_at" })).toMatchObject({ status: 202, body: { outcome: "parked" } })
    const parked = await deliver(receiver.url, consentWithdrawn("ep-s20-parked-at", "Dana Ashdale", withdrawnAt), { id: "msg_s20_withdrawn_parked_at" })
    expect(parked).toMatchObject({ status: 202, body: { outcome: "parked", waitingFor: "mosaic/placement/ep-s20-parked-at" } })
    const placementId = await startPlacement("ep-s20-parked-at")
    expect(await countOf(receiver.store, "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE delivery_id = 'msg_s20_withdrawn_parked_at' AND outcome = 'applied'")).toBe(1)
    const withdrawn = (await placementEvents(placementId)).find((event) => event.type === "S20ConsentWithdrawn")?.data
    expect(withdrawn).toMatchObject({ withdrawnBy: "Dana Ashdale", withdrawnAt })
    expect(Date.parse(String(withdrawn?.at))).toBeGreaterThan(Date.parse(withdrawnAt))
  })

  it("answers a withdrawal naming nobody 422 by its path, and stores nothing", async () => {
    const before = await countOf(receiver.store, "SELECT COUNT(*) AS n FROM webhook_deliveries")
    const answer = await deliver(receiver.url, consentWithdrawn("ep-s20-withdrawn", "  "))
    expect(answer.status).toBe(422)
    expect((answer.body.problems as Array<{ path: string }>).map((p) => p.path)).toEqual(["data.withdrawnBy"])
    expect(await countOf(receiver.store, "SELECT COUNT(*) AS n FROM webhook_deliveries")).toBe(before)
  })
})

describe("the statutory examples (docs/webhooks.md, carepanel-webhooks send --example)", () => {
  it("apply in order: the placement, police protection, s20 accommodation with consent, police protection ended by it, a visit, consent withdrawn, the placement ended", async () => {
    const types = [
      "placement.connected_person_started",
      "police_protection.started",
      "accommodation.s20_started",
      "police_protection.ended",
      "visit.recorded",
      "accommodation.s20_consent_withdrawn",
      "placement.ended"
    ]
    for (const type of types) {
      const answer = await deliver(receiver.url, bodyOf({ url: "", secret: "", example: type }))
      expect([type, answer.status, answer.body.outcome]).toEqual([type, 200, "applied"])
    }
  })

  it("docs/webhooks.md shows the s20 example as the examples directory holds it, and its refusal as the core words it", () => {
    const docs = repositoryFile("docs/webhooks.md")
    const shown = /```json\n(\{\n {2}"type": "accommodation\.s20_started"[\s\S]*?)```/.exec(docs)?.[1]
    expect(JSON.parse(shown ?? "null")).toEqual(JSON.parse(bodyOf({ url: "", secret: "", example: "accommodation.s20_started" })))
    expect(docs.replace(/\s+/g, " ")).toContain(
      "until the consent record shows: to whom Dana Ashdale gave consent; that Dana Ashdale was told of the right to object and to remove the child at any time (STAT-S20-CONSENT)."
    )
  })

  it("are in /openapi.json: the end with its outcomes and instant required, s20 with each consent's fields", async () => {
    const schemas = ((await (await fetch(`${receiver.url}/openapi.json`)).json()) as any).components.schemas
    expect(schemas.police_protection_ended.properties.data.required).toEqual(expect.arrayContaining(["placementRef", "outcome", "endedAt"]))
    expect(schemas.police_protection_ended.properties.data.properties.outcome.enum).toEqual(["returned_home", "accommodated_s20", "emergency_protection_order", "interim_care_order"])
    expect(JSON.stringify(schemas.accommodation_s20_started)).toContain("toldOfRightToObjectAndRemove")
  })
})

describe("legal status (SSDA903) on the child's statutory record", () => {
  /** The child record's events, in order, as the store keeps them. */
  const childEvents = async (childId: string) =>
    (await queryStore<{ type: string; data: string }>(receiver.store, "SELECT type, data FROM events WHERE entity_id = ? ORDER BY position", [childId])).map((row) => ({
      type: row.type,
      data: JSON.parse(row.data) as Record<string, unknown>
    }))

  it("applies the example legal status by the child's id: the child becomes looked after from it; a code that is not SSDA903 is refused by name, storing nothing", async () => {
    const example = JSON.parse(bodyOf({ url: "", secret: "", example: "legal_status.changed" }))
    const answer = await deliver(receiver.url, example)
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    expect(answer.body.touched).toEqual([{ type: "child", id: example.data.childId }])
    expect(await childEvents(example.data.childId)).toMatchObject([
      { type: "ChildRecordOpened" },
      { type: "LegalStatusChanged", data: { code: "C1", from: "2026-06-03T14:30:00.000Z", by: { via: { sourceId: "mosaic" } } } },
      { type: "BecameLookedAfter", data: { route: "legal_status", code: "C1", from: "2026-06-03T14:30:00.000Z" } }
    ])

    const refused = await deliver(receiver.url, { ...example, data: { ...example.data, childId: "child-ls-2", code: "V9" } })
    expect(refused.status).toBe(422)
    expect(refused.body).toMatchObject({ code: "LegalStatusRefused" })
    expect(refused.body.detail).toContain('"V9" is not an SSDA903 legal status code. The codes are C1 (interim care order)')
    expect(await childEvents("child-ls-2")).toEqual([])
  })

  it("a placement's child already looked after keeps its start when an interim care order follows", async () => {
    const placementId = await startPlacement("ep-ls-3")
    const placed = await placementEvents(placementId)
    const childId = placed[0]!.data.childId as string
    const answer = await deliver(receiver.url, { type: "legal_status.changed", data: { actor: socialWorker, childId, code: "C1", from: hoursAgo(1) } })
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    const events = await childEvents(childId)
    expect(events.filter((event) => event.type === "BecameLookedAfter")).toMatchObject([{ data: { route: "regulation24_placement", from: placed[1]!.data.placedAt } }])
    expect(events.at(-1)).toMatchObject({ type: "LegalStatusChanged", data: { code: "C1" } })
  })
})
