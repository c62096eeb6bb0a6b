import { SqlClient } from "@effect/sql"
import { AccessLog, AuthorityId, ChildId, PersonId } from "@carepanel/core"
import { join } from "node:path"
import { PgClient } from "@effect/sql-pg"
import Database from "better-sqlite3"
import { Context, Effect, Layer, Redacted } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { Inbox, migrations, migrationsTable, PgStoreLayer, SqliteStoreLayer } from "../src/index.js"
import { appendSome, authorityA, streamNamed } from "./support/appendSome.js"
import { runOn } from "./support/dialects.js"
import { closePgAdmin, freshDataDir, freshPgDatabase, removeTempDirs } from "./support/freshStores.js"

afterAll(async () => {
  removeTempDirs()
  await closePgAdmin()
})

const applied = Effect.flatMap(SqlClient.SqlClient, (sql) =>
  sql<{ migration_id: number; name: string }>`SELECT migration_id, name FROM ${sql(migrationsTable)} ORDER BY migration_id`
)
const expected = migrations.map(([id, name]) => ({ migration_id: id, name }))

const stores = [
  {
    name: "SQLite",
    open: () => Promise.resolve(SqliteStoreLayer({ dataDir: freshDataDir() })),
    /** A database file that already holds a table named `events`, not Carepanel's. */
    foreign: () => {
      const dataDir = freshDataDir()
      const file = new Database(join(dataDir, "carepanel.sqlite"))
      file.exec("CREATE TABLE events (note TEXT)")
      file.close()
      return Promise.resolve({ layer: SqliteStoreLayer({ dataDir }), words: "table events already exists" })
    }
  },
  {
    name: "PostgreSQL",
    open: async () => PgStoreLayer(await freshPgDatabase()),
    foreign: async () => {
      const url = await freshPgDatabase()
      await Effect.runPromise(Effect.scoped(Effect.flatMap(Layer.build(PgClient.layer({ url: Redacted.make(url) })), (context) => Context.get(context, PgClient.PgClient).unsafe("CREATE TABLE events (note text)"))))
      return { layer: PgStoreLayer(url), words: 'relation "events" already exists' }
    }
  }
]

for (const { name, open, foreign } of stores) {
  describe(`${name}: schema migrations`, () => {
    it("a migration that cannot run (a table of the same name already there) stops the start with one line: the setting, the migration, the database's words", async () => {
      const { layer, words } = await foreign()
      const refused = await Effect.runPromise(Effect.flip(Layer.build(layer).pipe(Effect.scoped)))
      expect(refused).toMatchObject({ _tag: "StoreConfigError" })
      expect((refused as Error).message).toMatch(new RegExp(`^Cannot prepare the database at (dataDir|DATABASE_URL) .*: Migration "1_create_events" failed: ${words}$`))
    })

    it("runs each numbered migration once, records it, and keeps the data on the next start", async () => {
      const layer = await open()
      await runOn(layer, appendSome(streamNamed("r1"), 2))
      expect(await runOn(layer, applied)).toEqual(expected)
      expect(await runOn(layer, Effect.flatMap(SqlClient.SqlClient, (sql) => sql`SELECT count(*) AS n FROM events`))).toEqual([
        { n: name === "PostgreSQL" ? "2" : 2 }
      ])
      expect(await runOn(layer, applied)).toEqual(expected)
    })

    it("answers the inbox: true the first time a message id is seen per authority, false after", async () => {
      const layer = await open()
      const mark = (authority: string, id: string) =>
        Effect.flatMap(Inbox, (inbox) => inbox.markProcessed(authority as typeof authorityA, id))
      expect(await runOn(layer, Effect.all([mark("a", "m1"), mark("a", "m1"), mark("b", "m1"), mark("a", "m2")]))).toEqual([
        true,
        false,
        true,
        true
      ])
      expect(await runOn(layer, mark("a", "m1"))).toBe(false)
    })

    it("STAT-GDPR: keeps every read of a child's record, per authority, in order, and never changes one", async () => {
      const layer = await open()
      const entry = (authority: string, personId: string) => ({
        authorityId: AuthorityId.make(authority),
        personId: PersonId.make(personId),
        role: "integrator" as const,
        at: "2027-06-01T09:00:00.000Z",
        childId: ChildId.make("child-1"),
        fields: ["fullName", "dateOfBirth"],
        purpose: "query ChildRecord"
      })
      await runOn(layer, Effect.flatMap(AccessLog, (log) => log.record([entry("a", "p1"), entry("b", "p2"), entry("a", "p3")])))
      const forA = await runOn(layer, Effect.flatMap(AccessLog, (log) => log.forChild(AuthorityId.make("a"), ChildId.make("child-1"))))
      expect(forA.map((record) => record.personId)).toEqual(["p1", "p3"])
      expect(forA[0]!.fields).toEqual(["fullName", "dateOfBirth"])
      const tamper = Effect.flatMap(SqlClient.SqlClient, (sql) => sql`UPDATE access_log SET person_id = 'someone-else'`)
      await expect(runOn(layer, tamper)).rejects.toThrow()
      const after = await runOn(layer, Effect.flatMap(AccessLog, (log) => log.forChild(AuthorityId.make("a"), ChildId.make("child-1"))))
      expect(after).toEqual(forA)
    })
  })
}

describe("PostgreSQL: concurrent starts", () => {
  it("lets several stores start on one empty database at once; each migration runs once", async () => {
    const layer = PgStoreLayer(await freshPgDatabase())
    const firsts = await Promise.all(
      Array.from({ length: 4 }, () => runOn(layer, Effect.flatMap(Inbox, (inbox) => inbox.markProcessed(authorityA, "m"))))
    )
    expect(firsts.filter(Boolean)).toHaveLength(1)
    expect(await runOn(layer, applied)).toEqual(expected)
  })
})
