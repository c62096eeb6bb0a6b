import { coreLayer } from "@carepanel/app-kit"
import { eraseSettledBodies } from "@carepanel/store-sql"
import { Deliveries, Referrals } from "@carepanel/core"
import { staffOf } from "@carepanel/core/testing"
import { Effect, ManagedRuntime } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { approved, authority, eclipseSecret, sourcesFor, submitted, withdrawn } from "./support/fixtures.js"
import { deliver, quietNotifier, startTestReceiver, testConfig } from "./support/receiver.js"
import { queryStore, sqliteAt } from "./support/storeQuery.js"

type Receiver = Awaited<ReturnType<typeof startTestReceiver>>
let receiver: Receiver
/** Another process's view of the same store (the API's or the terminal UI's): the core's Deliveries use case. */
let operator: ManagedRuntime.ManagedRuntime<Deliveries | Referrals, unknown>
const staff = staffOf(authority)

beforeAll(async () => {
  receiver = await startTestReceiver({ parkedForMs: 300, sweepEveryMs: 100, replayEveryMs: 100 })
  const store = sqliteAt(receiver.dataDir)
  operator = ManagedRuntime.make(coreLayer({ store, accessLog: store, notifier: quietNotifier, policies: testConfig(receiver.dataDir).policies }))
})
afterAll(async () => {
  await operator.dispose()
  await receiver.close()
})

const listed = (outcome?: "parked" | "dead" | "applied" | "refused") =>
  operator.runPromise(Effect.flatMap(Deliveries, (use) => use.list(staff.administrator, { ...(outcome === undefined ? {} : { outcome }), limit: 50 })))
const replay = (deliveryId: string, actor = staff.administrator) =>
  operator.runPromise(Effect.either(Effect.flatMap(Deliveries, (use) => use.replay(actor, deliveryId))))
const outcomeOf = async (deliveryId: string) => (await listed()).find((delivery) => delivery.deliveryId === deliveryId)?.outcome

describe("deliveries an operator can see and replay", () => {
  it("an approval sent before its request waits, dies, and once the request has come is applied when replayed", async () => {
    const early = await deliver(receiver.url, approved("form-replayed"), { id: "msg_early_approval" })
    expect(early.status).toBe(202)
    await expect.poll(() => outcomeOf("msg_early_approval"), { timeout: 10_000 }).toBe("dead")
    const dead = (await listed("dead")).find((delivery) => delivery.deliveryId === "msg_early_approval")
    expect(dead).toMatchObject({ sourceId: "mosaic", eventType: "request.approved", message: expect.stringContaining("It waited for mosaic/request/form-replayed") })
    expect(JSON.stringify(dead)).not.toContain("Tom Brackley")

    expect((await deliver(receiver.url, submitted("form-replayed"), { id: "msg_late_request" })).status).toBe(200)
    expect(await outcomeOf("msg_early_approval")).toBe("dead")

    const asked = await replay("msg_early_approval")
    expect(asked).toMatchObject({ _tag: "Right", right: { outcome: "parked" } })
    expect((asked as { right: { waitingFor?: string } }).right.waitingFor).toBeUndefined()
    await expect.poll(() => outcomeOf("msg_early_approval"), { timeout: 10_000 }).toBe("applied")
    const [row] = await queryStore<{ record_id: string }>(receiver.store, "SELECT record_id FROM source_references WHERE reference = ?", ["form-replayed"])
    const request = await operator.runPromise(Effect.flatMap(Referrals, (use) => use.get(staff.administrator, row!.record_id as never)))
    expect(request.status).toBe("ready")
    // The sender repeating it now hears that it was applied, not the 202 it was first answered.
    expect(await deliver(receiver.url, approved("form-replayed"), { id: "msg_early_approval" })).toMatchObject({ status: 200, body: { outcome: "applied" } })
  }, 60_000)

  it("says why a delivery refused when its record came was refused: the core's code and words (before: none)", async () => {
    await deliver(receiver.url, withdrawn("form-withdrawn-twice"), { id: "msg_withdraw_first" })
    await deliver(receiver.url, withdrawn("form-withdrawn-twice"), { id: "msg_withdraw_again" })
    expect((await deliver(receiver.url, submitted("form-withdrawn-twice"))).status).toBe(200)
    const refused = (await listed("refused")).find((delivery) => delivery.deliveryId === "msg_withdraw_again")
    expect(refused).toMatchObject({ code: "ReferralNotInStatus", message: expect.stringContaining("withdraw") })
    expect(JSON.stringify(refused)).not.toContain("Robin Ashdale")
  }, 30_000)

  it("parks a replayed delivery again, waiting for its record, while that record has still not come", async () => {
    await deliver(receiver.url, approved("form-still-missing"), { id: "msg_still_missing" })
    await expect.poll(() => outcomeOf("msg_still_missing"), { timeout: 10_000 }).toBe("dead")
    expect(await replay("msg_still_missing")).toMatchObject({ _tag: "Right", right: { outcome: "parked" } })
    // Tried again by the receiver: parked for the request (then dead again after 300 ms), not left asking for a replay.
    const waitingFor = async () => (await listed()).find((delivery) => delivery.deliveryId === "msg_still_missing")?.waitingFor
    await expect.poll(waitingFor, { timeout: 10_000 }).toBe("mosaic/request/form-still-missing")
  }, 30_000)

  it("refuses to replay an applied delivery or one that does not exist, and anyone but an operator", async () => {
    await deliver(receiver.url, submitted("form-applied"), { id: "msg_applied" })
    expect(await replay("msg_applied")).toMatchObject({ _tag: "Left", left: { _tag: "NotReplayable" } })
    expect(await replay("msg_nowhere")).toMatchObject({ _tag: "Left", left: { _tag: "NotFound" } })
    expect(await replay("msg_applied", staff.socialWorker)).toMatchObject({ _tag: "Left", left: { _tag: "NotPermitted" } })
    expect(await outcomeOf("msg_applied")).toBe("applied")
  }, 30_000)

  it("refuses a replay of a delivery whose source has since left the sources file", async () => {
    const before = await startTestReceiver({ sources: sourcesFor() })
    const store = sqliteAt(before.dataDir)
    const elsewhere = ManagedRuntime.make(coreLayer({ store, accessLog: store, notifier: quietNotifier, policies: testConfig(before.dataDir).policies }))
    try {
      const parked = await deliver(before.url, withdrawn("form-left"), { id: "msg_from_eclipse", source: "eclipse", secret: eclipseSecret })
      expect(parked.status).toBe(202)
      await before.close()
      const { eclipse: _, ...mosaicOnly } = sourcesFor().authorities.wexcombe.sources
      const withoutEclipse = { authorities: { wexcombe: { sources: mosaicOnly } } }
      const after = await startTestReceiver({ dataDir: before.dataDir, sources: withoutEclipse, replayEveryMs: 100 })
      try {
        const asked = await elsewhere.runPromise(Effect.either(Effect.flatMap(Deliveries, (use) => use.replay(staff.administrator, "msg_from_eclipse"))))
        expect(asked).toMatchObject({ _tag: "Right" })
        const outcome = async () =>
          (await elsewhere.runPromise(Effect.flatMap(Deliveries, (use) => use.list(staff.administrator, { limit: 50 })))).find((delivery) => delivery.deliveryId === "msg_from_eclipse")?.outcome
        await expect.poll(outcome, { timeout: 10_000 }).toBe("refused")
        const refused = (await elsewhere.runPromise(Effect.flatMap(Deliveries, (use) => use.list(staff.administrator, { limit: 50 })))).find((delivery) => delivery.deliveryId === "msg_from_eclipse")
        expect(refused).toMatchObject({ code: "SourceNotConfigured", message: expect.stringContaining("eclipse") })
      } finally {
        await after.close()
      }
    } finally {
      await elsewhere.dispose()
    }
  }, 30_000)

  it("UK GDPR art. 5(1)(e): a refused delivery past the retention period loses its body and words; a repeat of its id is answered 422 with its code and why, and a replay is refused saying why", async () => {
    const kept = await startTestReceiver()
    const store = sqliteAt(kept.dataDir)
    const elsewhere = ManagedRuntime.make(coreLayer({ store, accessLog: store, notifier: quietNotifier, policies: testConfig(kept.dataDir).policies }))
    try {
      expect((await deliver(kept.url, submitted("form-kept"))).status).toBe(200)
      await deliver(kept.url, withdrawn("form-kept"), { id: "msg_kept_first" })
      const refused = await deliver(kept.url, withdrawn("form-kept", "Moved in with an aunt in Wexcombe"), { id: "msg_kept_again" })
      expect(refused).toMatchObject({ status: 422, body: { code: "ReferralNotInStatus" } })
      // 90 days on: the sweep, as every receiver on the store runs it (here at once, not waiting for the days).
      const now = new Date().toISOString()
      expect(await Effect.runPromise(eraseSettledBodies(new Date(Date.now() + 60_000).toISOString(), now, 90).pipe(Effect.provide(store)))).toBe(1)
      const [row] = await queryStore<{ outcome: string; body: string | null }>(kept.store, "SELECT outcome, body FROM webhook_deliveries WHERE delivery_id = ?", ["msg_kept_again"])
      expect(row).toEqual({ outcome: "refused", body: null })

      const repeat = await deliver(kept.url, withdrawn("form-kept", "Moved in with an aunt in Wexcombe"), { id: "msg_kept_again" })
      expect(repeat).toMatchObject({ status: 422, body: { code: "ReferralNotInStatus", erasedAt: now, detail: expect.stringContaining("erased") } })
      expect(JSON.stringify(repeat.body)).not.toContain(refused.body.detail as string)
      const asked = await elsewhere.runPromise(Effect.either(Effect.flatMap(Deliveries, (use) => use.replay(staff.administrator, "msg_kept_again"))))
      expect(asked).toMatchObject({ _tag: "Left", left: { _tag: "NotReplayable" } })
      expect((asked as { left: { message: string } }).left.message).toBe(
        `Delivery msg_kept_again was refused and its body was erased on ${now.slice(0, 10)}, after the receiver's retention period, so it cannot be tried again: the case system can send the event again under a new webhook-id.`
      )
      const [after] = await queryStore<{ outcome: string }>(kept.store, "SELECT outcome FROM webhook_deliveries WHERE delivery_id = ?", ["msg_kept_again"])
      expect(after).toEqual({ outcome: "refused" })
    } finally {
      await elsewhere.dispose()
      await kept.close()
    }
  }, 30_000)
})
