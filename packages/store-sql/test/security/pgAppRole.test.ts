import { readFileSync } from "node:fs"
import { SqlClient } from "@effect/sql"
import { AccessLog, type AuthorityId, EventStore, RequestKeys } from "@carepanel/core"
import { Effect, Layer } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { PgStoreLayer } from "../../src/index.js"
import { appendSome, authorityA, streamNamed } from "../support/appendSome.js"
import { runOn } from "../support/dialects.js"
import { closePgAdmin, freshPgDatabase } from "../support/freshStores.js"
import { leftBehind, playedWeek, writtenByAnOlderVersion } from "../support/rebuildStores.js"
import { rebuildReadModels } from "../../src/rebuild/rebuildReadModels.js"

afterAll(closePgAdmin)

/** The documented grants, statement by statement (comments dropped). */
const roleScript = readFileSync(new URL("../../sql/postgres-app-role.sql", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => !line.startsWith("--"))
  .join("\n")
  .split(";")
  .map((statement) => statement.trim())
  .filter((statement) => statement !== "")

const asRole = (url: string, role: string) => url.replace("postgres://postgres@", `postgres://${role}@`)

const driverMessage = (error: { cause?: unknown }) => String((error.cause as { message?: unknown })?.message)

/** As the owner: the role `carepanel_app` (made once per cluster) given the grants docs/deployment.md's script gives. */
const grantAppRole = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql.unsafe(`DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'carepanel_app') THEN CREATE ROLE carepanel_app LOGIN; END IF;
  END $$`)
  for (const statement of roleScript) yield* sql.unsafe(statement)
})

describe("PostgreSQL: the least-privilege application role", () => {
  it("appends events and access-log entries but can never change, remove or unprotect them", async () => {
    const ownerUrl = await freshPgDatabase()
    const stream = streamNamed("r1")
    await runOn(
      PgStoreLayer(ownerUrl),
      Effect.gen(function* () {
        yield* grantAppRole
      })
    )
    await runOn(
      PgStoreLayer(asRole(ownerUrl, "carepanel_app")),
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        yield* appendSome(stream, 2)
        yield* (yield* AccessLog).record([
          {
            authorityId: authorityA,
            personId: "sw-ada" as never,
            role: "social_worker",
            at: "2027-06-01T09:00:00.000Z",
            childId: "child-1" as never,
            fields: ["name"],
            purpose: "panel preparation"
          }
        ])
        // A change sent with a request key: the key claimed, then its records kept (an UPDATE), all as this role.
        const keyed = { authorityId: authorityA, personId: "sw-ada", key: "app-role-key", fingerprint: "append" }
        expect((yield* (yield* RequestKeys).once(keyed, appendSome(streamNamed("r2"), 1)))._tag).toBe("Applied")
        expect((yield* (yield* RequestKeys).once(keyed, appendSome(streamNamed("r2"), 1)))._tag).toBe("AlreadyApplied")
        const refused = [
          "UPDATE events SET data = '{}' WHERE version = 1",
          "DELETE FROM events",
          "TRUNCATE events",
          "ALTER TABLE events DISABLE TRIGGER ALL",
          "DROP TRIGGER events_are_never_changed ON events",
          "INSERT INTO events SELECT * FROM events WHERE position = 1 ON CONFLICT (position) DO UPDATE SET data = '{}'",
          "UPDATE access_log SET purpose = 'forged'",
          "DELETE FROM access_log",
          "TRUNCATE access_log",
          "ALTER TABLE access_log DISABLE TRIGGER ALL",
          "UPDATE chain_links SET head = ''",
          "DELETE FROM chain_links",
          "DELETE FROM signing_keys",
          "CREATE TABLE shadow (id int)"
        ]
        const messages: Array<string> = []
        for (const statement of refused) messages.push(driverMessage(yield* Effect.flip(sql.unsafe(statement))))
        for (const message of messages) expect(message).toMatch(/permission denied|must be owner/)
        const events = yield* (yield* EventStore).readStream(stream)
        expect(events.map((e) => (e.data as { amount: number }).amount)).toEqual([100, 101])
        const log = yield* sql<{ purpose: string }>`SELECT purpose FROM access_log`
        expect(log.map((row) => row.purpose)).toEqual(["panel preparation"])
      })
    )
  })

  it("started as carepanel_app before the owner has migrated, fails at start saying to migrate as the owner first (docs/deployment.md, step 4)", async () => {
    const ownerUrl = await freshPgDatabase()
    await runOn(PgStoreLayer(ownerUrl), grantAppRole)
    const unmigrated = await freshPgDatabase()
    const refused = await Effect.runPromise(Effect.flip(Layer.build(PgStoreLayer(asRole(unmigrated, "carepanel_app"))).pipe(Effect.scoped)))
    expect(refused).toMatchObject({ _tag: "StoreConfigError", setting: "DATABASE_URL" })
    expect(String((refused as Error).message)).toMatch(
      /^Cannot prepare the database at DATABASE_URL .*: permission denied for schema public\. This role may not change the schema: start this version once as the database's owner role to apply its migrations, then as this role \(docs\/deployment\.md, "Migrations and the least-privilege role"\)$/
    )
  }, 60_000)

  it("can run carepanel-store rebuild, as docs/deployment.md's upgrade says: a stale decision put right, obsolete rows deleted", async () => {
    const ownerUrl = await freshPgDatabase()
    const [decisionId] = await playedWeek(() => PgStoreLayer(ownerUrl), "support-panels")
    await runOn(
      PgStoreLayer(ownerUrl),
      Effect.gen(function* () {
        yield* grantAppRole
        yield* writtenByAnOlderVersion("support-panels" as AuthorityId, decisionId!, "awaiting_sign_off")
        yield* leftBehind("support-panels" as AuthorityId, decisionId!)
      })
    )
    const report = await runOn(PgStoreLayer(asRole(ownerUrl, "carepanel_app")), rebuildReadModels())
    expect([report.changed, report.removed, report.failed]).toEqual([1, 2, []])
  })
})
