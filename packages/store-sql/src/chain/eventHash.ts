import { createHash } from "node:crypto"

/** The fields of an event that its hash covers, as stored. `data` is the stored canonical JSON text. */
export interface HashedFields {
  readonly streamId: string
  readonly version: number
  readonly type: string
  readonly data: string
  readonly recordedAt: string
}

/** The hash of the event before the first one of a stream. */
export const genesisHash = ""

/**
 * `sha256(prevHash || canonical(stream_id, version, type, data, recorded_at))` in lowercase hex, where
 * canonical is the JSON array of those five values (data as the JSON value itself, not a string).
 */
export const eventHash = (prevHash: string, event: HashedFields): string =>
  createHash("sha256")
    .update(prevHash)
    .update(
      `[${JSON.stringify(event.streamId)},${event.version},${JSON.stringify(event.type)},${event.data},${JSON.stringify(event.recordedAt)}]`
    )
    .digest("hex")
