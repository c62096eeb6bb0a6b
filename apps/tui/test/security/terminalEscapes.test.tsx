import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { RandomIds } from "@carepanel/app-kit"
import { Actor, Agendas, Decisions, Referrals, type Sitting, Sittings } from "@carepanel/core"
import { exampleDecision } from "@carepanel/core/testing"
import { makeRequest, seedAuthority, shiftedClock } from "@carepanel/demo"
import { type KeptDelivery, SqliteStoreLayer, webhookDeliveryRowOf } from "@carepanel/store-sql"
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeTuiRuntime, type TuiRuntime } from "../../src/core/runtime.js"
import { listWorkingRequests } from "../../src/data/requests.js"
import type { Route } from "../../src/ui/Navigation.js"
import { demoPolicy, press, renderTui, staff, testNow, waitFor } from "../support/harness.js"
import { canary, rawControl, shownCanary } from "./canary.js"

// What an attacker in the data would try: records whose text is terminal control, read by the TUI from a real store.
const dataDir = mkdtempSync(join(tmpdir(), "carepanel-tui-escapes-"))
const store = SqliteStoreLayer({ dataDir })
const duringSitting = new Date("2027-06-09T09:10:00Z") // 10:10 in London on Wednesday 9 June 2027, the sitting began at 10:00
const operator = new Actor({ ...staff.administrator, name: `Dev ${canary} Ingleby` })
let tui: TuiRuntime
let requestId: string
let sitting: Sitting
/** Where the Requests screen lists the ready request whose child's name is the canary. */
let readyRow: number

const delivery: KeptDelivery = {
  authorityId: demoPolicy.authority.id,
  deliveryId: "msg_canary_1",
  sourceId: "mosaic",
  eventType: `request.${canary}`,
  bodySha256: "0".repeat(64),
  outcome: "refused",
  answer: { status: 422, body: { title: "Carepanel refused the event.", code: "InvalidInput", detail: `Cannot apply: ${canary}` }, listed: `Cannot apply: ${canary}` },
  receivedAt: "2027-06-09T08:00:00.000Z",
  updatedAt: "2027-06-09T08:00:00.000Z",
  body: "{}"
}

beforeAll(async () => {
  const offset = { ms: testNow.getTime() - Date.now() }
  tui = await makeTuiRuntime({ store, accessLog: store, ids: RandomIds, policies: [demoPolicy], operator, clock: shiftedClock(() => offset.ms) })
  const run = <A, E>(effect: Effect.Effect<A, E, never>) => tui.runtime.runPromise(effect as never) as Promise<A>
  await tui.runtime.runPromise(seedAuthority(demoPolicy))
  // A child whose name is control, accepted onto next week's sitting and decided there with a rationale, an action and an owner that are control too.
  const requestType = demoPolicy.referral.inScope.requestTypes[0]!
  const made = await tui.runtime.runPromise(makeRequest(demoPolicy, staff, { id: "wx-child-66", name: `Ivo ${canary} Drummond` }, requestType, "ready"))
  requestId = made.id
  const sittings = await tui.runtime.runPromise(Effect.flatMap(Sittings, (use) => use.list(staff.administrator)))
  sitting = sittings.find((each) => each.date === "2027-06-09")!
  await tui.runtime.runPromise(Effect.flatMap(Referrals, (use) => use.acceptOntoSitting(staff.administrator, made.id, sitting.id)))
  await tui.runtime.runPromise(Effect.flatMap(Agendas, (use) => use.build(staff.administrator, sitting.id)))
  offset.ms = duringSitting.getTime() - Date.now()
  await tui.runtime.runPromise(Effect.flatMap(Sittings, (use) => use.confirmQuorum(staff.chair, sitting.id, true, `Present: ${canary}`)))
  const content = exampleDecision(demoPolicy, requestType, "approve", { actionsDue: "2027-06-23" as never, key: made.id })
  await tui.runtime.runPromise(
    Effect.flatMap(Decisions, (use) =>
      use.recordAtPanel(staff.administrator, made.id, sitting.id, {
        ...content,
        rationale: `Agreed ${canary}`,
        actions: content.actions.map((action) => ({ ...action, description: `Pay ${canary}`, ownerName: `Sam ${canary}` }))
      })
    )
  )
  // Another child of the same name, still ready: the Requests screen's detail shows the name.
  const ready = await tui.runtime.runPromise(makeRequest(demoPolicy, staff, { id: "wx-child-67", name: `Ivo ${canary} Drummond` }, requestType, "ready"))
  const listed = await tui.runtime.runPromise(listWorkingRequests(operator))
  readyRow = listed.findIndex((request) => request.id === ready.id)
  await run(Effect.flatMap(SqlClient.SqlClient, (client) => client`INSERT INTO webhook_deliveries ${client.insert({ ...webhookDeliveryRowOf(delivery) })}`).pipe(Effect.provide(store)))
}, 60_000)
afterAll(() => tui?.runtime.dispose())

/** Every screen of the TUI, with what shows once it has loaded, and the keys that bring the canary's record into view. */
const screens = (): ReadonlyArray<{ readonly route: Route; readonly loaded: string | RegExp; readonly keys?: ReadonlyArray<string>; readonly shows?: string }> => [
  { route: { name: "week" }, loaded: "Sittings this week and next" },
  { route: { name: "requests" }, loaded: "Requests:", keys: Array(readyRow).fill("j"), shows: "(wx-child-67)" },
  { route: { name: "sitting", sittingId: sitting.id }, loaded: "Agenda (2)" },
  { route: { name: "meeting", sittingId: sitting.id }, loaded: "item 1 of 2", keys: ["n"], shows: "Decided: approve" },
  { route: { name: "record" }, loaded: /Record|record/ },
  { route: { name: "deadlines" }, loaded: "overdue" },
  { route: { name: "statutory" }, loaded: /STAT-/ },
  { route: { name: "reports" }, loaded: /Decisions by outcome/ },
  { route: { name: "search", query: "wx-child-66" }, loaded: "Search", keys: ["\r"], shows: requestId },
  { route: { name: "inbox" }, loaded: "Inbox" },
  { route: { name: "deliveries" }, loaded: "msg_canary_1" }
]

describe("Terminal escape injection", () => {
  it("no screen sends a record's control characters to the terminal: each shows them as visible stand-ins", async () => {
    const shown: Record<string, boolean> = {}
    for (const { route, loaded, keys = [], shows = loaded } of screens()) {
      const { lastFrame, stdin, unmount } = renderTui(tui, { initial: route, columns: 160, rows: 40 })
      await waitFor(lastFrame, loaded)
      for (const key of keys) await press(stdin, key)
      const frame = await waitFor(lastFrame, shows)
      expect(frame.match(rawControl), `${route.name} sends control characters to the terminal:\n${frame}`).toBeNull()
      // The operator's name is on the top line of every screen.
      expect(frame).toContain(`Dev ${shownCanary} Ingleby`)
      shown[route.name] = frame.split("\n").slice(1).some((line) => line.includes(shownCanary))
      unmount()
    }
    // Where the record's own text is on the screen, it is there, escaped (not dropped).
    expect(shown).toMatchObject({ requests: true, meeting: true, deliveries: true })
  })
})
