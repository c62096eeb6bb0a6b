import { execFileSync } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir, userInfo } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { Decisions, type Notification, Outbox, Referrals, type Sitting, Sittings } from "@carepanel/core"
import { seedAuthority, shiftedClock } from "@carepanel/demo"
import { type KeptDelivery, SqliteStoreLayer, webhookDeliveryRowOf } from "@carepanel/store-sql"
import { SqlClient } from "@effect/sql"
import { DateTime, Effect } from "effect"
import { afterAll, beforeAll, expect, it } from "vitest"
import { RandomIds } from "@carepanel/app-kit"
import { makeTuiRuntime, type TuiRuntime } from "../../src/core/runtime.js"
import { decisionFields } from "../../src/data/decisionContent.js"
import { demoPolicy, staff, testNow, typedDecision } from "../support/harness.js"
import { canary, shownCanary } from "../security/canary.js"
import { ensureTmux, screenShows, tmuxSession } from "./tmux.js"

const appDir = fileURLToPath(new URL("../..", import.meta.url))
const workspaceRoot = join(appDir, "../..")
const dataDir = mkdtempSync(join(tmpdir(), "carepanel-tui-e2e-"))
const duringSitting = "2027-06-02T09:10:00Z" // 10:10 in London on Wednesday 2 June 2027: the sitting began at 10:00
const fromSource = ["node", "--conditions=@carepanel/source", "--import", "tsx"]
const terminal = tmuxSession(`carepanel-e2e-${process.pid}`, 100, 30)
let core: TuiRuntime

/** A YAML double-quoted string holding any character, each control as its `\\u` escape. */
const yamlQuoted = (text: string): string =>
  `"${text.replace(/[^ -~]|["\\]/gu, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`)}"`

/** The store as this test process sees it: the same SQLite file the TUI runs on, read through the core. */
const openStore = (at: Date) => {
  const store = SqliteStoreLayer({ dataDir })
  const offset = at.getTime() - Date.now()
  return makeTuiRuntime({ store, accessLog: store, ids: RandomIds, policies: [demoPolicy], operator: staff.administrator, clock: shiftedClock(() => offset) })
}

beforeAll(async () => {
  ensureTmux()
  core = await openStore(testNow)
  await core.runtime.runPromise(seedAuthority(demoPolicy))
  const operators = join(dataDir, "operators.yaml")
  writeFileSync(operators, `operators:\n  ${userInfo().username}:\n    personId: dev-ingleby\n    name: ${yamlQuoted(`Dev ${canary} Ingleby`)}\n    authorityId: wexcombe\n    roles: [panel_administrator]\n`)
  // As the README says to start it: `npm run tui` from the repository's root.
  terminal.start("npm run -s tui", workspaceRoot, {
    CAREPANEL_DATA_DIR: dataDir,
    CAREPANEL_OPERATORS: operators,
    CAREPANEL_NOW: duringSitting
  })
}, 120_000)

afterAll(async () => {
  terminal.stop()
  await core?.runtime.dispose()
})

// The operator's name (from the operators file) is terminal control: it is on the top line of every screen.
it("shows a staff name holding terminal control escaped: the real terminal is neither retitled nor cleared", async () => {
  const { text } = await screenShows(terminal.screen, "Sittings this week and next", 120_000)
  const [top, tabs] = text.split("\n")
  expect(top).toMatch(/^Carepanel · Wexcombe Borough Council \(fictional\) · Dev /)
  const shownName = top!.slice(top!.indexOf("Dev ") + 4).replace(/…$/, "")
  expect(shownName.length).toBeGreaterThan(20)
  expect(shownCanary.startsWith(shownName) || shownName.startsWith(shownCanary)).toBe(true)
  expect(tabs).toMatch(/^\[1 Week\] 2 Req/)
  expect(terminal.title()).not.toContain("pwned")
}, 180_000)

it("runs a sitting from a real terminal: follows another process's write, accepts a request, records a decision, replays a dead delivery", async () => {
  await screenShows(terminal.screen, "Sittings this week and next", 120_000)
  await terminal.keys("2")
  await screenShows(terminal.screen, "Requests:", 5_000)

  // A second process writes to the store: the TUI shows the new request within 2 s of its commit.
  const requestId = execFileSync(fromSource[0]!, [...fromSource.slice(1), "test/e2e/writeRequest.ts", dataDir, "2027-06-02T09:11:00Z"], { cwd: appDir, encoding: "utf8" }).trim()
  const followed = await screenShows(terminal.screen, /● ready .* wx-child-10/, 2_000)
  expect(followed.ms).toBeLessThan(2_000)

  await terminal.keys("j")
  await screenShows(terminal.screen, "Ivo Drummond (wx-child-10)", 5_000)
  await terminal.keys("a")
  await screenShows(terminal.screen, `Accept ${requestId} onto a sitting`, 5_000)
  await terminal.keys("Enter") // the sitting under way: its agenda is closed, the core says so
  await screenShows(terminal.screen, "✗ Refused: The sitting on Wed 2 Jun 2027 has already started", 10_000)
  await terminal.keys("Right", "Enter")
  await screenShows(terminal.screen, `✓ Accepted ${requestId} onto the sitting.`, 10_000)

  await terminal.keys("3")
  await screenShows(terminal.screen, "Support Panel · Wed 2 Jun 2027 10:00", 5_000)
  // The chair says enough members are present before any decision is recorded.
  const [underWay] = (await core.runtime.runPromise(Effect.flatMap(Sittings, (use) => use.list(staff.administrator, { from: "2027-06-02" as never })))) as ReadonlyArray<Sitting>
  const chairAtTheSitting = await openStore(new Date(duringSitting))
  await chairAtTheSitting.runtime.runPromise(Effect.flatMap(Sittings, (use) => use.confirmQuorum(staff.chair, underWay!.id, true, "Chair and members present")))
  await chairAtTheSitting.runtime.dispose()
  await terminal.keys("m")
  await screenShows(terminal.screen, "Not decided yet", 5_000)
  await terminal.keys("Enter")
  const [sitting] = (await core.runtime.runPromise(Effect.flatMap(Sittings, (use) => use.list(staff.administrator, { from: "2027-06-02" as never })))) as ReadonlyArray<Sitting>
  const item = sitting!.agenda[0]!
  const request = await core.runtime.runPromise(Effect.flatMap(Referrals, (use) => use.get(staff.administrator, item.referralId)))
  await screenShows(terminal.screen, `Decision on ${request.id}`, 5_000)
  for (const field of decisionFields(demoPolicy, request, typedDecision)) {
    await screenShows(terminal.screen, `› ${field.label}:`, 5_000)
    if (typedDecision[field.key] !== undefined) await terminal.keys({ text: typedDecision[field.key]! })
    await terminal.keys("Enter")
    await new Promise((resolve) => setTimeout(resolve, 60))
  }
  await screenShows(terminal.screen, `✓ Decision recorded on ${request.id}.`, 10_000)
  const decided = await screenShows(terminal.screen, "Decided: approve", 5_000)
  expect(decided.text).toContain("→ Set up the weekly payment · social worker (Priya Ashdown) · due 2027-06-16")

  // And from the store, as another process reads it.
  const [accepted, heard] = await core.runtime.runPromise(
    Effect.all([Effect.flatMap(Referrals, (use) => use.get(staff.administrator, requestId as never)), Effect.flatMap(Referrals, (use) => use.get(staff.administrator, request.id))])
  )
  expect(accepted.status).toBe("accepted")
  expect(accepted.sittingId).not.toBe(sitting!.id)
  const decision = await core.runtime.runPromise(Effect.flatMap(Decisions, (use) => use.get(staff.administrator, heard.hearings[0]!.decisionId)))
  expect(decision.content).toMatchObject({ outcome: "approve", rationale: typedDecision.rationale, actions: [{ description: "Set up the weekly payment", dueDate: "2027-06-16" }, { description: "Review the budget plan with the family" }], returnToPanel: { withinWeeks: 6 } })

  // A delivery the webhook receiver (another process) gave up on: listed on the Deliveries screen (0), replayed with r.
  await Effect.runPromise(
    Effect.provide(
      Effect.flatMap(SqlClient.SqlClient, (sql) => sql`INSERT INTO webhook_deliveries ${sql.insert({ ...webhookDeliveryRowOf(deadDelivery) })}`),
      SqliteStoreLayer({ dataDir })
    ) as Effect.Effect<unknown>
  )
  await terminal.keys("0")
  await screenShows(terminal.screen, /› ‼ dead .* msg_e2e_dead/, 5_000)
  await screenShows(terminal.screen, "Dead: it waited too long for mosaic/request/MOS-404", 5_000)
  await terminal.keys("r")
  await screenShows(terminal.screen, "✓ Delivery msg_e2e_dead will be tried again", 10_000)
  const [row] = await Effect.runPromise(
    Effect.provide(
      Effect.flatMap(SqlClient.SqlClient, (sql) => sql<{ outcome: string; waiting_for: string | null }>`SELECT outcome, waiting_for FROM webhook_deliveries WHERE delivery_id = 'msg_e2e_dead'`),
      SqliteStoreLayer({ dataDir })
    ) as Effect.Effect<ReadonlyArray<{ outcome: string; waiting_for: string | null }>>
  )
  expect(row).toEqual({ outcome: "parked", waiting_for: null })

  // A clock reminder the API (another process) queues for the administrator: in this terminal's inbox within 2 s. This
  // terminal has no SMTP, so it runs no dispatcher: none of the store's emails was taken and sent nowhere.
  const queuedAt = await core.runtime.runPromise(DateTime.now)
  await core.runtime.runPromise(Effect.flatMap(Outbox, (outbox) => outbox.enqueue([reminder], DateTime.formatIso(queuedAt))))
  await terminal.keys("9")
  const reminded = await screenShows(terminal.screen, "clock.overdue            Papers for the Support Panel on Wed 9 Jun 2027", 2_000)
  expect(reminded.ms).toBeLessThan(2_000)
  const emails = await Effect.runPromise(
    Effect.provide(
      Effect.flatMap(SqlClient.SqlClient, (sql) => sql<{ state: string }>`SELECT DISTINCT state FROM outbox_deliveries WHERE channel = 'email'`),
      SqliteStoreLayer({ dataDir })
    ) as Effect.Effect<ReadonlyArray<{ state: string }>>
  )
  expect(emails).toEqual([{ state: "pending" }])

  await terminal.keys("q")
}, 240_000)

const reminder: Notification = {
  id: "reminder-e2e-papers",
  authorityId: demoPolicy.authority.id,
  kind: "clock.overdue",
  recipients: [{ _tag: "RoleHolder", role: "panel_administrator" }],
  headline: "Papers for the Support Panel on Wed 9 Jun 2027 are overdue (LIN-3)",
  body: ["Send them from the Sitting screen (p)."],
  facts: {}
}

const deadDelivery: KeptDelivery = {
  authorityId: demoPolicy.authority.id,
  deliveryId: "msg_e2e_dead",
  sourceId: "mosaic",
  eventType: "request.approved",
  bodySha256: "0".repeat(64),
  outcome: "dead",
  answer: { status: 202, body: { deliveryId: "msg_e2e_dead", outcome: "parked", waitingFor: "mosaic/request/MOS-404" } },
  receivedAt: "2027-05-25T09:00:00.000Z",
  updatedAt: "2027-06-01T09:00:00.000Z",
  waitingFor: "mosaic/request/MOS-404",
  body: '{"type":"request.approved","data":{"formId":"MOS-404","actor":{"personId":"tom-brackley","name":"Tom Brackley","role":"team_manager"}}}'
}
