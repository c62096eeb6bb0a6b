import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { RandomIds } from "@carepanel/app-kit"
import type { Actor } from "@carepanel/core"
import { shiftedClock } from "@carepanel/demo"
import { erasedAnswer, type KeptDelivery, SqliteStoreLayer, webhookDeliveryRowOf } from "@carepanel/store-sql"
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeTuiRuntime, type TuiRuntime } from "../src/core/runtime.js"
import { demoPolicy, press, renderTui, staff, testNow, waitFor } from "./support/harness.js"

// Deliveries live in the SQL store the webhook receiver writes (the in-memory store has none): a real SQLite file.
const dataDir = mkdtempSync(join(tmpdir(), "carepanel-tui-deliveries-"))
const store = SqliteStoreLayer({ dataDir })
const sql = <A,>(effect: Effect.Effect<A, unknown, SqlClient.SqlClient>) => Effect.runPromise(Effect.provide(effect, store) as Effect.Effect<A>)

const kept = (deliveryId: string, outcome: KeptDelivery["outcome"], receivedAt: string, answer: KeptDelivery["answer"], waitingFor?: string): KeptDelivery => ({
  authorityId: demoPolicy.authority.id,
  deliveryId,
  sourceId: "mosaic",
  eventType: "request.approved",
  bodySha256: "0".repeat(64),
  outcome,
  answer,
  receivedAt,
  updatedAt: receivedAt,
  waitingFor,
  body: '{"type":"request.approved","data":{"formId":"MOS-7","actor":{"personId":"tom-brackley","name":"Tom Brackley","role":"team_manager"}}}'
})

/** As the webhook receiver (another process) records them in the shared store. */
const received: ReadonlyArray<KeptDelivery> = [
  kept("msg_dead_1", "dead", "2027-05-24T09:00:00.000Z", { status: 202, body: { deliveryId: "msg_dead_1", outcome: "parked", waitingFor: "mosaic/request/MOS-7" } }, "mosaic/request/MOS-7"),
  kept("msg_refused_1", "refused", "2027-05-30T10:15:00.000Z", {
    status: 422,
    body: { title: "Carepanel refused the event.", code: "ReferralNotInStatus", detail: "You cannot approve the request about Tallulah Canarywood: it is not awaiting approval." },
    // What the receiver lists to operators: a refusal's own words can name the child (apps/webhooks refusal.ts).
    listed: "You cannot approve this request: it is not awaiting approval."
  }),
  kept("msg_parked_1", "parked", "2027-05-31T16:40:00.000Z", { status: 202, body: { outcome: "parked", waitingFor: "mosaic/request/MOS-9" } }, "mosaic/request/MOS-9"),
  kept("msg_applied_1", "applied", "2027-05-31T17:00:00.000Z", { status: 200, body: { outcome: "applied" } })
]

const outcomeOf = async (deliveryId: string) =>
  (await sql(Effect.flatMap(SqlClient.SqlClient, (client) => client<{ outcome: string; waiting_for: string | null }>`SELECT outcome, waiting_for FROM webhook_deliveries WHERE delivery_id = ${deliveryId}`)))[0]

const runtimes: Array<TuiRuntime> = []
const tuiAs = async (operator: Actor) => {
  const offset = testNow.getTime() - Date.now()
  const tui = await makeTuiRuntime({ store, accessLog: store, ids: RandomIds, policies: [demoPolicy], operator, clock: shiftedClock(() => offset) })
  runtimes.push(tui)
  return tui
}

let administrator: TuiRuntime
beforeAll(async () => {
  administrator = await tuiAs(staff.administrator)
  await sql(Effect.flatMap(SqlClient.SqlClient, (client) => Effect.forEach(received, (delivery) => client`INSERT INTO webhook_deliveries ${client.insert({ ...webhookDeliveryRowOf(delivery) })}`)))
})
afterAll(() => Promise.all(runtimes.map((tui) => tui.runtime.dispose())))

describe("Deliveries from case systems", () => {
  it("lists what did not apply, newest first, by outcome in words; the selected one's answer says what to do; o shows one outcome", async () => {
    const { lastFrame, stdin, unmount } = renderTui(administrator, { initial: { name: "deliveries" } })
    const frame = await waitFor(lastFrame, "Deliveries from case systems: 3 not applied")
    const rows = frame.split("\n").filter((line) => /^[›· ] \S/.test(line) && line.includes("msg_"))
    expect(rows.map((row) => /msg_\w+/.exec(row)?.[0])).toEqual(["msg_parked_1", "msg_refused_1", "msg_dead_1"])
    expect(rows[0]).toMatch(/^› ◌ parked +17:40 Mon 31 May 2027 +msg_parked_1 +mosaic request\.approved/)
    expect(rows[1]).toMatch(/^ {2}✗ refused +11:15 Sun 30 May 2027 +msg_refused_1/)
    expect(frame).toContain("Waiting for mosaic/request/MOS-9 to arrive from the case system")
    await press(stdin, "j")
    const refused = await waitFor(lastFrame, "Refused (ReferralNotInStatus)")
    expect(refused.replace(/\s*│\s*/g, " ")).toContain("Refused (ReferralNotInStatus): You cannot approve this request: it is not awaiting approval.")
    expect(refused).not.toContain("approval..")
    expect(refused).not.toContain("Tom Brackley")
    expect(refused).not.toContain("Canarywood")
    await press(stdin, "o")
    const dead = await waitFor(lastFrame, "1 dead")
    expect(dead).toContain("‼ dead")
    expect(dead).not.toContain("msg_refused_1")
    expect(dead).toContain("Dead: it waited too long for mosaic/request/MOS-7")
    unmount()
  })

  it("r replays the selected delivery through the core: marked to retry, in the store, for any receiver; an applied one is refused in the core's words", async () => {
    const { lastFrame, stdin, unmount } = renderTui(administrator, { initial: { name: "deliveries" } })
    await waitFor(lastFrame, "3 not applied")
    await press(stdin, "j", "j")
    await waitFor(lastFrame, "Dead: it waited too long")
    await press(stdin, "r")
    await waitFor(lastFrame, "✓ Delivery msg_dead_1 will be tried again by the webhook receiver within seconds.")
    expect(await outcomeOf("msg_dead_1")).toEqual({ outcome: "parked", waiting_for: null })
    const marked = await waitFor(lastFrame, "A replay was asked for")
    expect(marked).toMatch(/› ↻ to retry .* msg_dead_1/)
    await press(stdin, "o", "o", "o", "o")
    await waitFor(lastFrame, "1 applied")
    await press(stdin, "r")
    await waitFor(lastFrame, "✗ Refused: Delivery msg_applied_1 was applied; only a refused, parked or dead delivery")
    expect(await outcomeOf("msg_applied_1")).toEqual({ outcome: "applied", waiting_for: null })
    unmount()
  })

  it("a refused delivery whose body was erased shows when beside its outcome and says why it cannot be replayed; r says so on the status line, changing nothing", async () => {
    const refusal = { status: 422, body: { title: "Carepanel refused the event.", code: "ReferralNotInStatus", detail: "You cannot approve the request about Tallulah Canarywood." } }
    const erased = { ...kept("msg_erased_1", "refused", "2027-04-01T10:00:00.000Z", erasedAnswer(refusal, "2027-05-01T02:00:00.000Z", 30)), body: undefined }
    await sql(Effect.flatMap(SqlClient.SqlClient, (client) => client`INSERT INTO webhook_deliveries ${client.insert({ ...webhookDeliveryRowOf(erased) })}`))
    try {
      const { lastFrame, stdin, unmount } = renderTui(administrator, { initial: { name: "deliveries" }, columns: 160, rows: 40 })
      await waitFor(lastFrame, "4 not applied")
      await press(stdin, "o", "o")
      await waitFor(lastFrame, "2 refused")
      await press(stdin, "j")
      const frame = await waitFor(lastFrame, "Its body was erased")
      expect(frame).toMatch(/› ✗ refused, erased Sat 1 May 2027 +11:00 Thu 1 Apr 2027 +msg_erased_1/)
      expect(frame).toMatch(/ {2}✗ refused +11:15 Sun 30 May 2027 +msg_refused_1/)
      expect(frame.replace(/[\s│]+/g, " ")).toContain(
        "Refused (ReferralNotInStatus). Its body was erased on Sat 1 May 2027, after the receiver's retention period, so it cannot be replayed: the case system can send the event again under a new webhook-id."
      )
      expect(frame).not.toContain("(r)")
      await press(stdin, "r")
      const refused = await waitFor(lastFrame, "✗ Refused: Cannot replay")
      expect(refused).toContain(
        "✗ Refused: Cannot replay: this delivery's body was erased on Sat 1 May 2027, after the receiver's retention period. Ask the case system to send it again."
      )
      expect(refused).not.toContain("will be tried again")
      expect(await outcomeOf("msg_erased_1")).toEqual({ outcome: "refused", waiting_for: null })
      unmount()
    } finally {
      await sql(Effect.flatMap(SqlClient.SqlClient, (client) => client`DELETE FROM webhook_deliveries WHERE delivery_id = ${"msg_erased_1"}`))
    }
  })

  it("shows someone who is not an operator the core's refusal instead of the list", async () => {
    const chair = await tuiAs(staff.chair)
    const { lastFrame, unmount } = renderTui(chair, { initial: { name: "deliveries" } })
    const frame = await waitFor(lastFrame, /may|only|permit/i)
    expect(frame).not.toContain("msg_")
    unmount()
  })

  it("opens from any screen with 0, and its keys are in its help", async () => {
    const { lastFrame, stdin, unmount } = renderTui(administrator, { columns: 120, rows: 40 })
    await waitFor(lastFrame, "[1 Week]")
    await press(stdin, "0")
    await waitFor(lastFrame, "[0 Deliveries]")
    await press(stdin, "?")
    const help = await waitFor(lastFrame, "Help: Deliveries")
    expect(help).toContain("replay the selected delivery")
    unmount()
  })
})

describe.each([
  [80, 24],
  [120, 40]
])("Deliveries at %ix%i", (columns, rows) => {
  it("snapshot", async () => {
    const { lastFrame, unmount } = renderTui(administrator, { initial: { name: "deliveries" }, columns, rows })
    const frame = await waitFor(lastFrame, "not applied")
    for (const line of frame.split("\n")) expect(line.length).toBeLessThanOrEqual(columns)
    await expect(`${frame}\n`).toMatchFileSnapshot(`__snapshots__/deliveries-${columns}x${rows}.txt`)
    unmount()
  })
})

