import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { recordOrigin } from "../src/inbox/references.js"
import { approved, eclipseSecret, socialWorker, submitted, teamManager, withdrawn } from "./support/fixtures.js"
import { deliver, startTestReceiver } from "./support/receiver.js"
import { countOf, queryStore } from "./support/storeQuery.js"

type Receiver = Awaited<ReturnType<typeof startTestReceiver>>
let receiver: Receiver
beforeAll(async () => {
  receiver = await startTestReceiver({ parkedForMs: 60_000 })
})
afterAll(() => receiver.close())

const events = () => countOf(receiver.store, "SELECT COUNT(*) AS n FROM events")
const deliveries = () => countOf(receiver.store, "SELECT COUNT(*) AS n FROM webhook_deliveries")
const eventsOfType = (type: string) => countOf(receiver.store, "SELECT COUNT(*) AS n FROM events WHERE type = ?", [type])

describe("exactly once", () => {
  it("answers a repeat what the first delivery was answered, and writes nothing", async () => {
    const first = await deliver(receiver.url, submitted("form-repeat"), { id: "msg_repeat" })
    expect(first.status).toBe(200)
    const before = await events()
    const again = await deliver(receiver.url, submitted("form-repeat"), { id: "msg_repeat" })
    expect(again).toEqual(first)
    expect(await events()).toBe(before)
  })

  it("answers 409 to the same webhook-id with a different body, and applies nothing", async () => {
    await deliver(receiver.url, submitted("form-changed"), { id: "msg_changed" })
    const before = await events()
    const changed = await deliver(receiver.url, withdrawn("form-changed"), { id: "msg_changed" })
    expect(changed.status).toBe(409)
    expect(changed.contentType).toBe("application/problem+json")
    expect(changed.body).toEqual({
      type: "https://carepanel.example/problems/delivery-id-reused",
      title: "This webhook-id was already received with a different body; it was not applied.",
      status: 409,
      detail: "A webhook-id names one event for good: send a new or changed event under a new webhook-id, and a retry of this one with the body it was first sent with.",
      deliveryId: "msg_changed"
    })
    expect(await events()).toBe(before)
    expect(await deliver(receiver.url, withdrawn("form-changed"), { id: "msg_changed" })).toEqual(changed)
    // The id is looked up before the body is read: another body that is not even an event is 409 too, not 422.
    expect((await deliver(receiver.url, "{not json", { id: "msg_changed" })).status).toBe(409)
  })

  it("answers 20 copies of one delivery sent at once alike, and applies it once; another body under the id at once is 409", async () => {
    const body = JSON.stringify(submitted("form-burst"))
    const copies = await Promise.all(Array.from({ length: 20 }, () => deliver(receiver.url, body, { id: "msg_burst" })))
    expect(new Set(copies.map((copy) => JSON.stringify(copy)))).toEqual(new Set([JSON.stringify(copies[0])]))
    expect(copies[0]).toMatchObject({ status: 200, contentType: "application/json", body: { deliveryId: "msg_burst", outcome: "applied" } })
    expect(await countOf(receiver.store, "SELECT COUNT(*) AS n FROM source_references WHERE reference = 'form-burst'")).toBe(1)
    const mixed = await Promise.all(
      Array.from({ length: 10 }, (_, i) => deliver(receiver.url, i % 2 === 0 ? submitted("form-burst-a") : submitted("form-burst-b"), { id: "msg_burst_mixed" }))
    )
    // Whichever body came first is applied and every copy of it answered 200; every copy of the other, 409.
    const statusesOf = (parity: number) => new Set(mixed.filter((_, i) => i % 2 === parity).map((answer) => answer.status))
    expect([...statusesOf(0), ...statusesOf(1)].sort()).toEqual([200, 409])
  })
})

describe("outcomes", () => {
  it("records a domain refusal and answers 422 with the core's code and message; a repeat gets the same", async () => {
    await deliver(receiver.url, submitted("form-refused"))
    expect((await deliver(receiver.url, withdrawn("form-refused"))).status).toBe(200)
    const refused = await deliver(receiver.url, withdrawn("form-refused"), { id: "msg_withdraw_twice" })
    expect(refused.status).toBe(422)
    expect(refused.contentType).toBe("application/problem+json")
    expect(refused.body).toMatchObject({
      type: "https://carepanel.example/problems/refused",
      title: "Carepanel refused the event.",
      status: 422,
      code: "ReferralNotInStatus",
      detail: expect.stringContaining("withdraw"),
      deliveryId: "msg_withdraw_twice"
    })
    expect(await deliver(receiver.url, withdrawn("form-refused"), { id: "msg_withdraw_twice" })).toEqual(refused)
    expect(await countOf(receiver.store, "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE delivery_id = 'msg_withdraw_twice' AND outcome = 'refused'")).toBe(1)
  })

  it("refuses a role the source may not act as (422 NotPermitted), recorded like any refusal", async () => {
    const answer = await deliver(receiver.url, { ...approved("form-role"), data: { formId: "form-role", actor: { ...teamManager, role: "head_of_service" } } })
    expect(answer.status).toBe(422)
    expect(answer.body).toMatchObject({ code: "NotPermitted", detail: "This source may act only as a social worker or team manager, not as a head of service." })
  })

  it("answers shape errors 422 problem+json with every problem by path, and stores nothing", async () => {
    const before = await deliveries()
    const bad = submitted("form-bad")
    const answer = await deliver(receiver.url, {
      ...bad,
      data: { ...bad.data, formId: "has spaces", actor: { ...socialWorker, role: "wizard" }, form: { ...bad.data.form, panelId: "" } }
    })
    expect(answer.status).toBe(422)
    expect(answer.contentType).toBe("application/problem+json")
    expect(answer.body).toMatchObject({ type: "https://carepanel.example/problems/invalid-event", title: "The event does not fit its schema; nothing was stored.", status: 422 })
    const paths = (answer.body.problems as Array<{ path: string }>).map((p) => p.path)
    expect(paths).toEqual(expect.arrayContaining(["data.formId", "data.actor.role", "data.form.panelId"]))
    expect(await deliveries()).toBe(before)
  })

  it("keeps nothing under the id of an event that did not fit, so the corrected event may go under the same id (docs/webhooks.md)", async () => {
    const bad = submitted("form-corrected")
    expect((await deliver(receiver.url, { ...bad, data: { ...bad.data, actor: { ...socialWorker, role: "wizard" } } }, { id: "msg_corrected" })).status).toBe(422)
    expect(await deliver(receiver.url, bad, { id: "msg_corrected" })).toMatchObject({ status: 200, body: { deliveryId: "msg_corrected", outcome: "applied" } })
  })

  it("answers a wrong field inside an optional section with that field alone, not a line saying the section could be left out", async () => {
    const bad = submitted("form-optional-section")
    const form = { ...bad.data.form, teamManager: { personId: "W-2051", name: "" } }
    const answer = await deliver(receiver.url, { ...bad, data: { ...bad.data, form } })
    expect(answer.status).toBe(422)
    // Before: also "data.form.teamManager Expected undefined" in the problems and the detail.
    expect(answer.body.problems).toEqual([{ path: "data.form.teamManager.name", message: "must not be empty" }])
    expect(answer.body.detail).toBe("Please correct: data.form.teamManager.name must not be empty.")
  })

  it("answers a body that is not JSON, and an unknown type, 422 with the path", async () => {
    expect((await deliver(receiver.url, "{not json")).body.problems).toEqual([{ path: "", message: "must be a JSON object" }])
    expect((await deliver(receiver.url, { type: "request.teleported", data: {} })).body.problems[0].path).toBe("type")
  })

  it("answers an address that is not the route (a URL that stops at the host, a source's path cut short) 404 saying where deliveries go", async () => {
    for (const path of ["/", "/webhooks/wexcombe"]) {
      const response = await fetch(`${receiver.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })
      expect(response.status, path).toBe(404)
      expect(response.headers.get("content-type"), path).toBe("application/problem+json")
      // Before: "404 Not Found" as plain text.
      expect(((await response.json()) as { detail: string }).detail, path).toContain("POST /webhooks/{authority}/{source}")
    }
  })

  it("answers 403 to an event type the source may not send", async () => {
    // Eclipse may send withdrawals only.
    const answer = await deliver(receiver.url, { type: "legal_status.changed", data: { actor: socialWorker, childId: "child-1", code: "V2", from: "2027-06-01T09:00:00Z" } }, { source: "eclipse", secret: eclipseSecret })
    expect(answer.status).toBe(403)
  })

  it("updates and resubmits the request a form id created, after it was returned for changes", async () => {
    const first = await deliver(receiver.url, submitted("form-update"))
    const returned = await deliver(receiver.url, { type: "request.returned", data: { formId: "form-update", actor: teamManager, reason: "Add the school's view" } })
    expect(returned.status).toBe(200)
    const again = await deliver(receiver.url, submitted("form-update"))
    expect(again.status).toBe(200)
    expect(again.body.touched).toEqual(first.body.touched)
    expect(await countOf(receiver.store, "SELECT COUNT(*) AS n FROM events WHERE entity_id = ? AND type = 'DraftEdited'", [first.body.touched[0].id])).toBe(1)
  })

  it("answers a submission with the request it touched, and a resubmission records only the papers not yet on the request", async () => {
    const first = await deliver(receiver.url, submitted("form-papers"))
    expect(first.body.touched).toEqual([{ type: "request", id: expect.any(String) }])
    const requestId = first.body.touched[0].id as string
    const papersRecorded = () => countOf(receiver.store, "SELECT COUNT(*) AS n FROM events WHERE entity_id = ? AND type = 'DocumentRecorded'", [requestId])
    expect(await papersRecorded()).toBe(6)
    await deliver(receiver.url, { type: "request.returned", data: { formId: "form-papers", actor: teamManager, reason: "Add the school's view" } })
    const again = submitted("form-papers")
    const schoolView = { documentId: "form-papers-doc-school", kind: "assessment", title: "The school's view" }
    expect((await deliver(receiver.url, { ...again, data: { ...again.data, documents: [...again.data.documents, schoolView] } })).status).toBe(200)
    expect(await papersRecorded()).toBe(7)
  })

  it("attaches a paper to the request its form id names (document.attached), parked until the request arrives", async () => {
    const paper = (formId: string) => ({ type: "document.attached", data: { formId, actor: socialWorker, document: { documentId: `${formId}-minutes`, kind: "assessment", title: "The strategy meeting's minutes" } } })
    const recorded = (requestId: string, documentId: string) =>
      countOf(receiver.store, "SELECT COUNT(*) AS n FROM events WHERE entity_id = ? AND type = 'DocumentRecorded' AND data LIKE ?", [requestId, `%"${documentId}"%`])
    const request = (await deliver(receiver.url, submitted("form-attach"))).body.touched[0].id as string
    const attached = await deliver(receiver.url, paper("form-attach"))
    expect(attached).toMatchObject({ status: 200, body: { outcome: "applied", touched: [{ type: "request", id: request }] } })
    expect(await recorded(request, "form-attach-minutes")).toBe(1)

    expect(await deliver(receiver.url, paper("form-attach-late"))).toMatchObject({ status: 202, body: { outcome: "parked", waitingFor: "mosaic/request/form-attach-late" } })
    const late = (await deliver(receiver.url, submitted("form-attach-late"))).body.touched[0].id as string
    expect(await recorded(late, "form-attach-late-minutes")).toBe(1)
  })

  it("starts a connected-person placement (Regulation 24): 200 with the placement", async () => {
    const answer = await deliver(receiver.url, {
      type: "placement.connected_person_started",
      data: {
        actor: socialWorker,
        placementRef: "episode-77",
        childId: "child-ash-02",
        basicTest: { wouldRefuseToSupportReturnHome: true, wouldAskPoliceToUsePoliceProtection: false, wouldSeekLegalAdviceToStartCareProceedings: false },
        placedAt: new Date(Date.now() - 3_600_000).toISOString(),
        carers: [{ name: "Margaret Ashdale", relationship: "grandmother", hasParentalResponsibility: false }]
      }
    })
    expect(answer.status).toBe(200)
    expect(answer.body.touched).toEqual([{ type: "placement", id: expect.stringMatching(/^plc_/) }])
  })
})

describe("which source created a record (for outcomes sent back)", () => {
  it("names the source and its own reference for a record a delivery created, and none for any other record or none", async () => {
    const created = await deliver(receiver.url, submitted("form-origin"))
    const originOf = (ids: ReadonlyArray<string>) => Effect.runPromise(recordOrigin("wexcombe", ids).pipe(Effect.provide(receiver.store)))
    expect(await originOf(["ref_not_from_a_source", created.body.touched[0].id])).toEqual({ sourceId: "mosaic", recordType: "request", reference: "form-origin" })
    expect(await originOf(["ref_not_from_a_source"])).toBeUndefined()
    expect(await originOf([])).toBeUndefined()
  })
})

describe("the OpenAPI document", () => {
  it("serves OpenAPI 3.1 at /openapi.json with every event's schema, generated from the Effect schemas", async () => {
    const document = (await (await fetch(`${receiver.url}/openapi.json`)).json()) as any
    expect(document.openapi).toBe("3.1.0")
    const schemas = Object.keys(document.components.schemas)
    expect(schemas).toEqual(expect.arrayContaining(["request_submitted", "request_approved", "placement_connected_person_started", "police_protection_started", "visit_recorded", "Problem"]))
    const submittedSchema = document.components.schemas.request_submitted
    expect(submittedSchema.properties.data.required).toEqual(expect.arrayContaining(["actor", "formId", "form"]))
  })

  it("describes the 200 and 202 answers with the fields they carry (before: a description only)", async () => {
    const document = (await (await fetch(`${receiver.url}/openapi.json`)).json()) as any
    const responses = document.paths["/webhooks/{authority}/{source}"].post.responses
    const schemaOf = (status: string) => document.components.schemas[responses[status].content["application/json"].schema.$ref.split("/").at(-1)]
    const parked = await deliver(receiver.url, approved("form-openapi"))
    const applied = await deliver(receiver.url, submitted("form-openapi"))
    expect(Object.keys(schemaOf("202").properties).sort()).toEqual(Object.keys(parked.body).sort())
    expect(Object.keys(schemaOf("200").properties).sort()).toEqual(Object.keys(applied.body).sort())
    expect(Object.keys(schemaOf("200").properties.touched.items.properties).sort()).toEqual(Object.keys(applied.body.touched[0]).sort())
  })
})

describe("out-of-order deliveries", () => {
  it("parks an event about a request not yet known (202), and applies it when the request arrives", async () => {
    const early = await deliver(receiver.url, approved("form-late"), { id: "msg_early_approval" })
    expect(early).toMatchObject({ status: 202, body: { outcome: "parked", waitingFor: "mosaic/request/form-late" } })
    const approvals = await eventsOfType("ReferralApproved")
    expect((await deliver(receiver.url, submitted("form-late"))).status).toBe(200)
    expect(await eventsOfType("ReferralApproved")).toBe(approvals + 1)
    expect(await countOf(receiver.store, "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE delivery_id = 'msg_early_approval' AND outcome = 'applied'")).toBe(1)
  })

  it("answers a repeat of a parked delivery what became of it: applied with the record once its request came (before: still 202 parked)", async () => {
    await deliver(receiver.url, approved("form-late-repeat"), { id: "msg_repeat_after_release" })
    const request = await deliver(receiver.url, submitted("form-late-repeat"))
    expect(await deliver(receiver.url, approved("form-late-repeat"), { id: "msg_repeat_after_release" })).toMatchObject({
      status: 200,
      contentType: "application/json",
      body: { deliveryId: "msg_repeat_after_release", outcome: "applied", touched: request.body.touched }
    })
  })

  it("keeps a parked delivery's body until it is applied, and a refused one's for replay", async () => {
    const bodyKept = async (deliveryId: string) =>
      countOf(receiver.store, "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE delivery_id = ? AND body IS NOT NULL", [deliveryId])
    await deliver(receiver.url, withdrawn("form-kept"), { id: "msg_kept_first" })
    await deliver(receiver.url, withdrawn("form-kept"), { id: "msg_kept_second" })
    expect([await bodyKept("msg_kept_first"), await bodyKept("msg_kept_second")]).toEqual([1, 1])
    expect((await deliver(receiver.url, submitted("form-kept"))).status).toBe(200)
    // Released in the order they came: the first withdraws the request, the second is refused (already withdrawn).
    const outcome = (deliveryId: string) => queryStore<{ outcome: string }>(receiver.store, "SELECT outcome FROM webhook_deliveries WHERE delivery_id = ?", [deliveryId])
    expect([...(await outcome("msg_kept_first")), ...(await outcome("msg_kept_second"))]).toEqual([{ outcome: "applied" }, { outcome: "refused" }])
    expect([await bodyKept("msg_kept_first"), await bodyKept("msg_kept_second")]).toEqual([0, 1])
    // The second's refusal is its answer now, in the core's words, as if it had been refused when it came.
    expect(await deliver(receiver.url, withdrawn("form-kept"), { id: "msg_kept_second" })).toMatchObject({
      status: 422,
      contentType: "application/problem+json",
      body: { type: "https://carepanel.example/problems/refused", code: "ReferralNotInStatus", detail: expect.stringContaining("withdraw"), deliveryId: "msg_kept_second" }
    })
  })

  it("marks a delivery parked longer than the configured time dead", async () => {
    const quick = await startTestReceiver({ dataDir: receiver.dataDir, parkedForMs: 1, sweepEveryMs: 50 })
    try {
      await deliver(quick.url, approved("form-never"), { id: "msg_never" })
      const dead = () => countOf(receiver.store, "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE delivery_id = 'msg_never' AND outcome = 'dead'")
      await expect.poll(dead, { timeout: 5_000 }).toBe(1)
      // A repeat hears that it died and what it waited for (before: the 202 it was first given).
      expect(await deliver(quick.url, approved("form-never"), { id: "msg_never" })).toMatchObject({
        status: 422,
        contentType: "application/problem+json",
        body: { type: "https://carepanel.example/problems/waited-too-long", waitingFor: "mosaic/request/form-never", deliveryId: "msg_never", detail: expect.stringContaining("replay") }
      })
    } finally {
      await quick.close()
    }
  })
})
