import type { AuthorityId, StoredEvent } from "@carepanel/core"

/** An `events` row as the drivers return it (PostgreSQL returns BIGINT as a string). */
export interface EventRow {
  readonly position: number | string | bigint
  readonly stream_id: string
  readonly authority_id: string
  readonly stream_type: string
  readonly entity_id: string
  readonly version: number
  readonly type: string
  readonly data: string
  readonly recorded_at: string
  readonly hash: string
}

export const eventColumns = "position, stream_id, authority_id, stream_type, entity_id, version, type, data, recorded_at, hash"

export const toStoredEvent = (row: EventRow): StoredEvent => ({
  stream: { authorityId: row.authority_id as AuthorityId, streamType: row.stream_type, id: row.entity_id },
  version: Number(row.version),
  position: Number(row.position),
  type: row.type,
  data: JSON.parse(row.data),
  recordedAt: row.recorded_at,
  hash: row.hash
})
