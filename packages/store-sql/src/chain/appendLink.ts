import { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import { type ChainLog, chainGenesis, type LinkedRow, linkHead, linkMessage } from "./chainLink.js"
import { type SigningKey, signText } from "./signingKey.js"

/** The head of a log's last link (the genesis when it has none). */
export const lastLinkHead = (log: ChainLog) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.map(
      sql<{ head: string }>`SELECT head FROM chain_links WHERE log = ${log} ORDER BY last_seq DESC LIMIT 1`,
      (rows) => rows[0]?.head ?? chainGenesis
    )
  )

/**
 * Chains and signs rows just written to a log; must run in the transaction that wrote them, after whatever
 * serialises that log's writers (event_head for events; the access-log lock), so links follow commit order.
 */
export const appendLink = (key: SigningKey, log: ChainLog, subject: string, rows: ReadonlyArray<LinkedRow>, signedAt: string) =>
  Effect.gen(function* () {
    if (rows.length === 0) return
    const sql = yield* SqlClient.SqlClient
    yield* sql`INSERT INTO chain_links ${sql.insert(signedLinkRow(key, yield* lastLinkHead(log), log, subject, rows, signedAt))}`
  })

/** The `chain_links` row of a commit's rows (in seq order, at least one), chained to `prevHead` and signed. */
export const signedLinkRow = (key: SigningKey, prevHead: string, log: ChainLog, subject: string, rows: ReadonlyArray<LinkedRow>, signedAt: string) => {
  const firstSeq = Number(rows[0]![0])
  const lastSeq = Number(rows[rows.length - 1]![0])
  const head = linkHead(prevHead, log, subject, firstSeq, lastSeq, rows)
  return { log, last_seq: lastSeq, first_seq: firstSeq, subject, head, key_id: key.keyId, signature: signText(key, linkMessage(log, lastSeq, head)), signed_at: signedAt }
}

/** Records the signing key's public part, once, so that verify can name the key of every signature. */
export const recordSigningKey = (key: SigningKey, at: string) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    sql`INSERT INTO signing_keys (key_id, public_key, first_used_at)
      SELECT ${key.keyId}, ${key.publicKeyPem}, ${at} WHERE NOT EXISTS (SELECT 1 FROM signing_keys WHERE key_id = ${key.keyId})`
  )
