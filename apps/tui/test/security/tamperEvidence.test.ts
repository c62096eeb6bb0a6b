import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { RandomIds } from "@carepanel/app-kit"
import { makeRequest, shiftedClock } from "@carepanel/demo"
import { generateSigningKeyPem, lastCheckpoint, SqliteStoreLayer, signingKeyFromPem, trustedKeyOf, verifyStore } from "@carepanel/store-sql"
import { SqlClient } from "@effect/sql"
import { Cause, Effect, Exit } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeTuiRuntime, type TuiRuntime } from "../../src/core/runtime.js"
import { recordShown } from "../../src/ui/useLoggedRead.js"
import { demoPolicy, staff, testNow } from "../support/harness.js"

// The store layer exactly as main() builds it for SQLite, with the key and witness from the environment.
const dataDir = mkdtempSync(join(tmpdir(), "carepanel-tui-tamper-"))
const witnessFile = join(mkdtempSync(join(tmpdir(), "carepanel-tui-witness-")), "witness.jsonl")
const signingKeyPem = generateSigningKeyPem()
const store = SqliteStoreLayer({ dataDir }, { CAREPANEL_SIGNING_KEY: signingKeyPem, CAREPANEL_WITNESS_FILE: witnessFile })
const trusted = [trustedKeyOf(signingKeyFromPem(signingKeyPem))]
let tui: TuiRuntime

const sqlThroughTheTui = <A,>(statement: (sql: SqlClient.SqlClient) => Effect.Effect<A, unknown>) =>
  tui.runtime.runPromiseExit(Effect.flatMap(SqlClient.SqlClient, statement).pipe(Effect.provide(store)))

const verified = async () => tui.runtime.runPromise(Effect.flatMap(lastCheckpoint(witnessFile), (witness) => verifyStore({ trusted, witness })).pipe(Effect.provide(store)))

beforeAll(async () => {
  const offset = testNow.getTime() - Date.now()
  tui = await makeTuiRuntime({ store, accessLog: store, ids: RandomIds, policies: [demoPolicy], operator: staff.administrator, clock: shiftedClock(() => offset) })
  await tui.runtime.runPromise(makeRequest(demoPolicy, staff, { id: "wx-child-70", name: "Ivo Drummond" }, demoPolicy.referral.inScope.requestTypes[0]!, "ready"))
  // The Requests screen showing the child's name: an entry of the access log, as the TUI writes it.
  await tui.runtime.runPromise(recordShown(staff.administrator, ["wx-child-70"], ["fullName"], "tui: Requests"))
}, 60_000)
afterAll(() => tui?.runtime.dispose())

describe("Tamper evidence through the TUI's store", () => {
  it("what the TUI writes is in the signed chain: verify finds it intact", async () => {
    expect(await verified()).toMatchObject({ _tag: "Intact" })
  })

  it("the TUI's own database connection cannot rewrite a child's event: upsert, update and delete are refused, the record unchanged", async () => {
    const before = await sqlThroughTheTui((sql) => sql<{ position: number; data: string }>`SELECT position, data FROM events ORDER BY position LIMIT 1`)
    const [first] = before._tag === "Success" ? before.value : []
    expect(first).toBeDefined()
    const forged = first!.data.replace("Ivo Drummond", "Someone Else")
    const attempts = [
      (sql: SqlClient.SqlClient) => sql`INSERT OR REPLACE INTO events SELECT position, stream_id, authority_id, stream_type, entity_id, version, type, ${forged}, recorded_at, hash FROM events WHERE position = ${first!.position}`,
      (sql: SqlClient.SqlClient) => sql`UPDATE events SET data = ${forged} WHERE position = ${first!.position}`,
      (sql: SqlClient.SqlClient) => sql`DELETE FROM events WHERE position = ${first!.position}`,
      (sql: SqlClient.SqlClient) => sql`DELETE FROM access_log`,
      (sql: SqlClient.SqlClient) => sql`INSERT OR REPLACE INTO access_log SELECT * FROM access_log`
    ]
    for (const [i, attempt] of attempts.entries()) {
      const refused = await sqlThroughTheTui(attempt)
      // Refused by the append-only triggers (not, say, a statement that does not fit the table).
      expect(refused._tag, `attempt ${i}`).toBe("Failure")
      const error = Exit.isFailure(refused) ? (Cause.squash(refused.cause) as { readonly cause?: { readonly message?: string } }) : undefined
      expect(error?.cause?.message, `attempt ${i}`).toMatch(/append-only: an? (event|entry) is never (updated|deleted|replaced)/)
    }
    const after = await sqlThroughTheTui((sql) => sql<{ position: number; data: string }>`SELECT position, data FROM events ORDER BY position LIMIT 1`)
    expect(after).toEqual(before)
    expect(await verified()).toMatchObject({ _tag: "Intact" })
  })
})
