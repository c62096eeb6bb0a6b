import { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import { directly } from "../sql/directly.js"
import { bySeq, type ChainLog, chainGenesis, type LinkedRow, linkHead, linkMessage } from "./chainLink.js"
import type { PendingLink } from "./pendingLinks.js"
import { type SigningKey, signText } from "./signingKey.js"

/** The head of a log's last link (the genesis when it has none). */
export const lastLinkHead = (log: ChainLog) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.map(
      directly(sql, sql<{ head: string }>`SELECT head FROM chain_links WHERE log = ${log} ORDER BY last_seq DESC LIMIT 1`),
      (rows) => rows[0]?.head ?? chainGenesis
    )
  )

/** Rows per INSERT of links, well under SQLite's and PostgreSQL's limits on bound parameters. */
const linksPerInsert = 500

/**
 * What a group's links of one log are: an events commit keeps its own link, so that a court bundle can show each of a
 * child's commits signed on its own; a group's access-log entries share one (no document carries one child's reads
 * apart from the log, and `verify` walks the whole log), so a group of reads costs one signature, not one a read.
 */
const linksToSign = (log: ChainLog, ofLog: ReadonlyArray<PendingLink>): ReadonlyArray<PendingLink> =>
  log === "events" || ofLog.length < 2
    ? ofLog
    : [{ log, subject: "", rows: ofLog.flatMap((link) => link.rows).sort(bySeq), signedAt: ofLog.at(-1)!.signedAt }]

/**
 * Chains and signs the links of one group of commits, in order (see `linksToSign`). Must run in the transaction that
 * wrote the rows, after whatever serialises that log's writers (event_head for events; the access-log lock), so links
 * follow commit order.
 */
export const writeLinks = (key: SigningKey, links: ReadonlyArray<PendingLink>) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    for (const log of ["events", "access"] as const) {
      const ofLog = linksToSign(log, links.filter((link) => link.log === log))
      if (ofLog.length === 0) continue
      let head = yield* lastLinkHead(log)
      const rows = ofLog.map((link) => {
        const row = signedLinkRow(key, head, log, link.subject, link.rows, link.signedAt)
        head = row.head
        return row
      })
      for (let i = 0; i < rows.length; i += linksPerInsert) {
        yield* directly(sql, sql`INSERT INTO chain_links ${sql.insert(rows.slice(i, i + linksPerInsert))}`)
      }
    }
  })

/** The `chain_links` row of a commit's rows (in seq order, at least one), chained to `prevHead` and signed. */
export const signedLinkRow = (key: SigningKey, prevHead: string, log: ChainLog, subject: string, rows: ReadonlyArray<LinkedRow>, signedAt: string) => {
  const firstSeq = Number(rows[0]![0])
  const lastSeq = Number(rows[rows.length - 1]![0])
  const head = linkHead(prevHead, log, subject, firstSeq, lastSeq, rows)
  return { log, last_seq: lastSeq, first_seq: firstSeq, subject, head, key_id: key.keyId, signature: signText(key, linkMessage(log, lastSeq, head)), signed_at: signedAt }
}

/** Chains and signs one commit's rows just written to a log (a group of one; see `writeLinks`). */
export const appendLink = (key: SigningKey, log: ChainLog, subject: string, rows: ReadonlyArray<LinkedRow>, signedAt: string) =>
  rows.length === 0 ? Effect.void : writeLinks(key, [{ log, subject, rows, signedAt }])

/** Records the signing key's public part, once, so that verify can name the key of every signature. */
export const recordSigningKey = (key: SigningKey, at: string) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    sql`INSERT INTO signing_keys (key_id, public_key, first_used_at)
      SELECT ${key.keyId}, ${key.publicKeyPem}, ${at} WHERE NOT EXISTS (SELECT 1 FROM signing_keys WHERE key_id = ${key.keyId})`
  )
