import { SqlClient } from "@effect/sql"
import type { SqlError } from "@effect/sql/SqlError"
import { AccessLog, type AuthorityId, type ChildId, EventStore, type PersonId } from "@carepanel/core"
import { Data, Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { type IntegrityReport, StoreIntegrity, trustedKeyOf, verifyStore } from "../src/index.js"
import { groupingEngines, runOn } from "./support/dialects.js"
import { disableTriggers } from "./support/disableTriggers.js"
import { closePgAdmin, removeTempDirs } from "./support/freshStores.js"

afterAll(async () => {
  removeTempDirs()
  await closePgAdmin()
})

const authorityId = "group-authority" as AuthorityId
const commits = 20
const records = 8

/** `commits` appends to as many streams and `records` access-log records, all sent at the same moment. */
const sendTogether = Effect.gen(function* () {
  const store = yield* EventStore
  const log = yield* AccessLog
  const appends = Array.from({ length: commits }, (_, i) =>
    store.append({
      stream: { authorityId, streamType: "child-record", id: `child-${i}` },
      expectedVersion: 0,
      events: [{ type: "NoteRecorded", data: { note: `note ${i}` } }, { type: "NoteRecorded", data: { note: `more ${i}` } }],
      readModels: [],
      notifications: []
    })
  )
  const reads = Array.from({ length: records }, (_, r) =>
    log.record([
      { authorityId, personId: `sw-${r}` as PersonId, role: "social_worker", at: "2027-06-01T09:00:00.000Z", childId: `child-${r}` as ChildId, fields: ["name"], purpose: "panel preparation" }
    ])
  )
  yield* Effect.all([...appends, ...reads], { concurrency: "unbounded", discard: true })
})

class RolledBack extends Data.TaggedError("RolledBack")<{ readonly report: IntegrityReport }> {}

/** Verify after a tampering made in a transaction that is then rolled back. */
const verifyTampered = (tamper: Effect.Effect<unknown, SqlError, SqlClient.SqlClient>) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const trusted = [trustedKeyOf((yield* StoreIntegrity).key)]
    return yield* sql
      .withTransaction(
        Effect.gen(function* () {
          yield* disableTriggers
          yield* tamper
          return yield* new RolledBack({ report: yield* verifyStore({ trusted }) })
        })
      )
      .pipe(Effect.catchTag("RolledBack", (rolledBack) => Effect.succeed(rolledBack.report)))
  })

for (const engine of groupingEngines) {
  describe(`${engine.name}: group commit`, () => {
    it("commits sent together are written in groups, each events commit with its own signed link, and verify checks every one", async () => {
      const groups: Array<number> = []
      const layer = await engine.fresh({ onGroup: (commits) => groups.push(commits) })
      await runOn(
        layer,
        Effect.gen(function* () {
          yield* sendTogether
          expect(Math.max(...groups), "some commits shared a group").toBeGreaterThan(1)
          expect(groups.reduce((sum, size) => sum + size, 0), "every commit was in exactly one group").toBe(commits + records)
          const sql = yield* SqlClient.SqlClient
          const links = yield* sql<{ log: string; first_seq: number; signature: string }>`SELECT log, first_seq, signature FROM chain_links ORDER BY log, last_seq`
          const eventLinks = links.filter((link) => link.log === "events")
          expect(eventLinks, "one link per commit").toHaveLength(commits)
          expect(eventLinks.filter((link) => link.signature === ""), "every commit's link is signed on its own (a court bundle shows them one by one)").toEqual([])
          const accessLinks = links.filter((link) => link.log === "access")
          expect(accessLinks.length, "a group's reads share one link").toBeGreaterThan(0)
          expect(accessLinks.length).toBeLessThanOrEqual(groups.length)
          const trusted = [trustedKeyOf((yield* StoreIntegrity).key)]
          expect(yield* verifyStore({ trusted })).toMatchObject({ _tag: "Intact", events: 2 * commits, commits, accessEntries: records })

          // One grouped commit's signature blanked, and one of its events edited: each is caught at its position.
          const grouped = eventLinks[Math.floor(commits / 2)]!
          const blanked = yield* verifyTampered(sql`UPDATE chain_links SET signature = '' WHERE log = 'events' AND first_seq = ${grouped.first_seq}`)
          expect(blanked).toMatchObject({ _tag: "Broken", log: "events", position: Number(grouped.first_seq) })
          const edited = yield* verifyTampered(sql`UPDATE events SET data = '{"note":"forged"}' WHERE position = ${grouped.first_seq}`)
          expect(edited).toMatchObject({ _tag: "Broken", log: "events", position: Number(grouped.first_seq), reason: "its content does not match its hash" })

          expect(yield* verifyStore({ trusted }), "every tampering was rolled back").toMatchObject({ _tag: "Intact" })
        })
      )
    })

    it("reads logged from separate turns of the event loop, as an API's concurrent requests are, are written together (SQLite: one group, one sync)", async () => {
      const groups: Array<number> = []
      const layer = await engine.fresh({ onGroup: (commits) => groups.push(commits) })
      // Each record starts in its own setImmediate callback, as each request arrives in its own I/O callback: with
      // SQLite's synchronous driver, a leader that yields only a microtask wrote each of them in a group of one.
      const nextTurn = Effect.async<void>((resume) => {
        setImmediate(() => resume(Effect.void))
      })
      await runOn(
        layer,
        Effect.gen(function* () {
          const log = yield* AccessLog
          const reads = Array.from({ length: records }, (_, r) =>
            Effect.zipRight(
              nextTurn,
              log.record([
                { authorityId, personId: `sw-${r}` as PersonId, role: "social_worker", at: "2027-06-01T09:00:00.000Z", childId: `child-${r}` as ChildId, fields: ["name"], purpose: "panel preparation" }
              ])
            )
          )
          yield* Effect.all(reads, { concurrency: "unbounded", discard: true })
          // SQLite: one group. PostgreSQL's leader waits on the network, so the rest queue behind it for the next one.
          if (engine.name === "SQLite") expect(groups).toEqual([records])
          else expect(groups.length, `groups ${groups.join(", ")}`).toBeLessThanOrEqual(2)
          expect(groups.reduce((sum, size) => sum + size, 0)).toBe(records)
          // One link and one signature for each group's reads, not one a read.
          const sql = yield* SqlClient.SqlClient
          const links = yield* sql<{ first_seq: number; last_seq: number }>`SELECT first_seq, last_seq FROM chain_links WHERE log = 'access' ORDER BY last_seq`
          expect(links).toHaveLength(groups.length)
          const trusted = [trustedKeyOf((yield* StoreIntegrity).key)]
          expect(yield* verifyStore({ trusted })).toMatchObject({ _tag: "Intact", accessEntries: records, commits: 0 })
          // Any read of a shared link changed, or removed, breaks it.
          const seq = (yield* sql<{ seq: number }>`SELECT seq FROM access_log ORDER BY seq LIMIT 1 OFFSET ${records - 3}`)[0]!.seq
          const edited = yield* verifyTampered(sql`UPDATE access_log SET purpose = 'nothing to see' WHERE seq = ${seq}`)
          expect(edited).toMatchObject({ _tag: "Broken", log: "access" })
          const removed = yield* verifyTampered(sql`DELETE FROM access_log WHERE seq = ${seq}`)
          expect(removed).toMatchObject({ _tag: "Broken", log: "access" })
          expect(yield* verifyStore({ trusted })).toMatchObject({ _tag: "Intact" })
        })
      )
    })
  })
}
