import { SqlClient } from "@effect/sql"
import { AccessLog, type AuthorityId, type ChildId, EventStore, type PersonId } from "@carepanel/core"
import { Effect, Either, Layer } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { type GroupCommitOptions, StoreIntegrity, trustedKeyOf, verifyStore } from "../src/index.js"
import { groupingEngines, runOn } from "./support/dialects.js"
import { closePgAdmin, removeTempDirs } from "./support/freshStores.js"

afterAll(async () => {
  removeTempDirs()
  await closePgAdmin()
})

const authorityId = "refusal-authority" as AuthorityId
const refusal = "the test refuses this entry"

/** A trigger that refuses an access-log entry whose purpose is "refused", as a full disk would refuse any. */
const refuseSomeEntries = Effect.flatMap(SqlClient.SqlClient, (sql) =>
  sql.onDialectOrElse({
    pg: () =>
      Effect.zipRight(
        sql.unsafe(`CREATE FUNCTION refuse_some_entries() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN IF NEW.purpose = 'refused' THEN RAISE EXCEPTION '${refusal}'; END IF; RETURN NEW; END $$`),
        sql.unsafe("CREATE TRIGGER refuse_some_entries BEFORE INSERT ON access_log FOR EACH ROW EXECUTE FUNCTION refuse_some_entries()")
      ),
    orElse: () =>
      sql.unsafe(`CREATE TRIGGER refuse_some_entries BEFORE INSERT ON access_log WHEN NEW.purpose = 'refused'
        BEGIN SELECT RAISE(ABORT, '${refusal}'); END`)
  })
)

const readOf = (r: number, purpose: string) =>
  Effect.flatMap(AccessLog, (log) =>
    log.record([{ authorityId, personId: `sw-${r}` as PersonId, role: "social_worker", at: "2027-06-01T09:00:00.000Z", childId: `child-${r}` as ChildId, fields: ["name"], purpose }])
  )

const noteOn = (i: number) =>
  Effect.flatMap(EventStore, (store) =>
    store.append({
      stream: { authorityId, streamType: "child-record", id: `child-${i}` },
      expectedVersion: 0,
      events: [{ type: "NoteRecorded", data: { note: `note ${i}` } }],
      readModels: [],
      notifications: []
    })
  )

/**
 * With the tracer off, as the apps run without telemetry, SQLite writes reads' entries on the access log's own
 * connection first (sqliteAccessWriter.ts); a refused row sends its whole group back to the group commit.
 */
const engines = [
  ...groupingEngines,
  { name: "SQLite, tracer off", fresh: async (options: GroupCommitOptions) => Layer.merge(await groupingEngines[0].fresh(options), Layer.setTracerEnabled(false)) }
]

for (const engine of engines) {
  describe(`${engine.name}: an access-log entry the database refuses, in a group`, () => {
    it("fails alone: the reads and appends sent with it are written and answered, and the chain verifies", async () => {
      const groups: Array<number> = []
      const layer = await engine.fresh({ onGroup: (commits) => groups.push(commits) })
      await runOn(
        layer,
        Effect.gen(function* () {
          yield* refuseSomeEntries
          const sent: ReadonlyArray<Effect.Effect<unknown, unknown, AccessLog | EventStore>> = [noteOn(0), readOf(1, "panel preparation"), readOf(2, "refused"), noteOn(3), readOf(4, "panel preparation"), noteOn(5)]
          const results = yield* Effect.all(sent.map((commit) => Effect.either(commit)), { concurrency: "unbounded" })

          expect(results.map(Either.isRight)).toEqual([true, true, false, true, true, true])
          // The reader is told the log could not be written (so the API withholds what was read); the driver's own
          // message stays in the cause, for the operators.
          const refused = Either.isLeft(results[2]!) ? (results[2].left as { readonly cause?: { readonly cause?: unknown } }) : undefined
          expect(refused).toMatchObject({ _tag: "PersistenceError", operation: "record reads of a child's record" })
          expect(String(refused?.cause?.cause)).toContain(refusal)
          // SQLite: the six went as one group; it was rolled back at the refusal and written again without it.
          if (engine.name === "SQLite") expect(groups).toEqual([5])
          expect(groups.reduce((sum, size) => sum + size, 0), "every other commit was written once").toBe(5)

          const sql = yield* SqlClient.SqlClient
          const logged = yield* sql<{ child_id: string }>`SELECT child_id FROM access_log ORDER BY seq`
          expect(logged.map((row) => row.child_id).sort()).toEqual(["child-1", "child-4"])
          const store = yield* EventStore
          for (const i of [0, 3, 5]) expect(yield* store.readStream({ authorityId, streamType: "child-record", id: `child-${i}` })).toHaveLength(1)
          const trusted = [trustedKeyOf((yield* StoreIntegrity).key)]
          expect(yield* verifyStore({ trusted })).toMatchObject({ _tag: "Intact", events: 3, commits: 3, accessEntries: 2 })
        })
      )
    })
  })
}
