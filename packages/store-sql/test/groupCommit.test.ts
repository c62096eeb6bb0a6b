import { SqlClient } from "@effect/sql"
import type { SqlError } from "@effect/sql/SqlError"
import { AccessLog, type AuthorityId, type ChildId, EventStore, type PersonId } from "@carepanel/core"
import { Data, Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { type IntegrityReport, StoreIntegrity, trustedKeyOf, verifyStore } from "../src/index.js"
import { dialects, runOn } from "./support/dialects.js"
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

for (const dialect of dialects) {
  describe(`${dialect.name}: group commit`, () => {
    it("commits sent together share signatures, and verify still checks every commit's link", () =>
      runOn(
        dialect.fresh(),
        Effect.gen(function* () {
          yield* sendTogether
          const sql = yield* SqlClient.SqlClient
          const links = yield* sql<{ log: string; first_seq: number; signature: string }>`SELECT log, first_seq, signature FROM chain_links ORDER BY log, last_seq`
          const eventLinks = links.filter((link) => link.log === "events")
          expect(eventLinks, "one link per commit").toHaveLength(commits)
          const signed = eventLinks.filter((link) => link.signature !== "")
          expect(signed.length, "some commits were grouped under one signature").toBeLessThan(commits)
          expect(eventLinks.at(-1)?.signature, "a group's last link is signed").not.toBe("")
          expect(links.filter((link) => link.log === "access")).toHaveLength(records)
          const trusted = [trustedKeyOf((yield* StoreIntegrity).key)]
          expect(yield* verifyStore({ trusted })).toMatchObject({ _tag: "Intact", events: 2 * commits, commits, accessEntries: records })

          // The last group's signature blanked: its unsigned links are no longer covered by any signature.
          const lastSigned = yield* sql<{ last_seq: number }>`SELECT last_seq FROM chain_links WHERE log = 'events' ORDER BY last_seq DESC LIMIT 1`
          const blanked = yield* verifyTampered(sql`UPDATE chain_links SET signature = '' WHERE log = 'events' AND last_seq = ${lastSigned[0]!.last_seq}`)
          expect(blanked).toMatchObject({ _tag: "Broken", log: "events", reason: expect.stringContaining("no signed commit follows") })

          // An event under an unsigned link edited: its hash, and the group's signed head, no longer match.
          const unsigned = eventLinks.find((link) => link.signature === "")!
          const edited = yield* verifyTampered(sql`UPDATE events SET data = '{"note":"forged"}' WHERE position = ${unsigned.first_seq}`)
          expect(edited).toMatchObject({ _tag: "Broken", log: "events", position: Number(unsigned.first_seq), reason: "its content does not match its hash" })

          expect(yield* verifyStore({ trusted }), "every tampering was rolled back").toMatchObject({ _tag: "Intact" })
        })
      ))
  })
}
