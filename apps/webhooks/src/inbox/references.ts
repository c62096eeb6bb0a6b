import { directly } from "@carepanel/store-sql"
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

/** A record a case system created through a delivery, by the case system's own reference for it. */
export interface ReferenceKey {
  readonly authorityId: string
  readonly sourceId: string
  readonly recordType: "request" | "placement"
  readonly reference: string
}

/** How a parked delivery names the record it waits for. */
export const waitingKey = (key: ReferenceKey) => `${key.sourceId}/${key.recordType}/${key.reference}`

export const findReference = (key: ReferenceKey) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.map(
      directly(
        sql,
        sql<{ record_id: string }>`SELECT record_id FROM source_references WHERE authority_id = ${key.authorityId}
          AND source_id = ${key.sourceId} AND record_type = ${key.recordType} AND reference = ${key.reference}`
      ),
      (rows) => rows[0]?.record_id
    )
  )

export const insertReference = (key: ReferenceKey, recordId: string, deliveryId: string) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    directly(
      sql,
      sql`INSERT INTO source_references ${sql.insert({
        authority_id: key.authorityId,
        source_id: key.sourceId,
        record_type: key.recordType,
        reference: key.reference,
        record_id: recordId,
        delivery_id: deliveryId
      })}`
    )
  )

/** Which source created a record, and its own reference for it. */
export interface RecordOrigin {
  readonly sourceId: string
  readonly recordType: ReferenceKey["recordType"]
  readonly reference: string
}

/** The source that created one of `recordIds` (the first by record type, then source), or undefined. */
export const recordOrigin = (authorityId: string, recordIds: ReadonlyArray<string>) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    recordIds.length === 0
      ? Effect.succeed(undefined)
      : Effect.map(
          sql<{ source_id: string; record_type: RecordOrigin["recordType"]; reference: string }>`SELECT source_id, record_type, reference
            FROM source_references WHERE authority_id = ${authorityId} AND record_id IN ${sql.in(recordIds)}
            ORDER BY record_type, source_id LIMIT 1`,
          (rows): RecordOrigin | undefined =>
            rows[0] === undefined ? undefined : { sourceId: rows[0].source_id, recordType: rows[0].record_type, reference: rows[0].reference }
        )
  )
