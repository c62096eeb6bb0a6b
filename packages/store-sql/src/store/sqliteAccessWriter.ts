import type { AccessRecord } from "@carepanel/core"
import Database from "better-sqlite3"
import { Clock, Effect } from "effect"
import { signedLinkRow } from "../chain/appendLink.js"
import { bySeq, chainGenesis, linkedColumns, linkedRowOf } from "../chain/chainLink.js"
import type { SigningKey } from "../chain/signingKey.js"

/** A group of access-log records to write, signed at `signedAt`; `true` once committed and synced, `false` if nothing of it was written. */
type WriteAccessGroup = (entries: ReadonlyArray<AccessRecord>, signedAt: string) => boolean

/**
 * The access log's own connection to the SQLite file, for the reads of children's records that no transaction of the
 * caller holds (most of them). Each group of records arriving in one turn of the event loop is written in one
 * synchronous transaction on the driver itself: `BEGIN IMMEDIATE`, the rows (`RETURNING` what the link covers), the
 * access log's last head, one signed link, `COMMIT` with the file's sync. Through @effect/sql and the group commit the
 * same statements cost several times their own work in Effect machinery, a third of a logged read (docs/performance.md).
 *
 * It never waits for the write lock (`busy_timeout = 0`): while another transaction holds it (this process's group
 * commit, another process) `BEGIN` fails at once and nothing is written; so does any refused row (the whole group is
 * rolled back). The caller then writes the records through the group commit, which waits for the lock and lets a
 * refused record fail alone. SQLite's lock is the file's, so the links stay in seq order whichever connection wrote
 * them.
 */
const openSqliteAccessWriter = (filename: string, synchronous: "FULL" | "NORMAL", key: SigningKey) => {
  const db = new Database(filename)
  db.pragma("busy_timeout = 0")
  db.pragma(`synchronous = ${synchronous}`)
  const begin = db.prepare("BEGIN IMMEDIATE")
  const commit = db.prepare("COMMIT")
  const rollback = db.prepare("ROLLBACK")
  const insert = db.prepare(
    `INSERT INTO access_log (authority_id, person_id, role, at, child_id, fields, purpose) VALUES (?, ?, ?, ?, ?, ?, ?)
      RETURNING ${linkedColumns.access.join(", ")}`
  )
  const lastHead = db.prepare<[], { head: string }>("SELECT head FROM chain_links WHERE log = 'access' ORDER BY last_seq DESC LIMIT 1")
  const insertLink = db.prepare(
    `INSERT INTO chain_links (log, last_seq, first_seq, subject, head, key_id, signature, signed_at)
      VALUES (@log, @last_seq, @first_seq, @subject, @head, @key_id, @signature, @signed_at)`
  )

  const write: WriteAccessGroup = (entries, signedAt) => {
    try {
      begin.run()
    } catch {
      return false
    }
    try {
      const rows = entries
        .map((entry) =>
          linkedRowOf(
            "access",
            insert.get(entry.authorityId, entry.personId, entry.role, entry.at, entry.childId, JSON.stringify(entry.fields), entry.purpose) as Record<string, unknown>
          )
        )
        .sort(bySeq)
      insertLink.run(signedLinkRow(key, lastHead.get()?.head ?? chainGenesis, "access", "", rows, signedAt))
      commit.run()
      return true
    } catch {
      // A rollback that fails too (the disk gone) leaves SQLite to roll back; the group commit then reports the store's state.
      if (db.inTransaction) {
        try {
          rollback.run()
        } catch {}
      }
      return false
    }
  }
  const close = () => {
    db.close()
  }
  return { write, close }
}

interface Waiting {
  readonly entries: ReadonlyArray<AccessRecord>
  /** When it was recorded, by the Effect clock, as the group commit signs: a group's link is signed at its last member's. */
  readonly signedAt: string
  readonly resume: (written: Effect.Effect<boolean>) => void
}

/**
 * Gathers the records that arrive in one turn of the event loop (as the group commit does on SQLite) and writes them as
 * one group: each caller is answered `true` once the group is durable, or `false` (nothing of it written) to take the
 * group commit's path. In the caller's scope: the connection closes with it, and a record after that is answered `false`.
 */
export const makeSqliteAccessWriter = (filename: string, synchronous: "FULL" | "NORMAL", key: SigningKey) =>
  Effect.gen(function* () {
    const writer = yield* Effect.acquireRelease(
      Effect.sync(() => ({ ...openSqliteAccessWriter(filename, synchronous, key), closed: false })),
      (writer) =>
        Effect.sync(() => {
          writer.closed = true
          writer.close()
        })
    )
    let waiting: Array<Waiting> = []
    const writeWaiting = () => {
      const group = waiting
      waiting = []
      const written = !writer.closed && writer.write(group.flatMap((member) => member.entries), group.at(-1)!.signedAt)
      for (const member of group) member.resume(Effect.succeed(written))
    }
    return (entries: ReadonlyArray<AccessRecord>): Effect.Effect<boolean> =>
      Effect.flatMap(Clock.currentTimeMillis, (millis) =>
        Effect.async<boolean>((resume) => {
          if (waiting.push({ entries, signedAt: new Date(millis).toISOString(), resume }) === 1) setImmediate(writeWaiting)
        })
      )
  })
