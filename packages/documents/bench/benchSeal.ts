import { type RecordSeal, type SignedCommit, type StoredEvent, streamIdOf } from "@carepanel/core"
import { type Checkpoint, checkpointMessage, linkHead, linkMessage, type SigningKey, sealMessage, signText } from "@carepanel/store-sql"
import { linkedRow } from "../src/checkBundle.js"

/**
 * What the store would seal for these events had each been its own commit, signed with `key`: the signed commits,
 * a checkpoint at the last event, and the signed list of records. For the bench only (the tests seal on a real store).
 */
export const benchSeal = (key: SigningKey, authorityId: string, childId: string, events: ReadonlyArray<StoredEvent>, at: string): RecordSeal => {
  const storeId = "store_bench"
  let previousHead = ""
  const commits: Array<SignedCommit> = []
  const last = new Map<string, { version: number; hash: string }>()
  for (const event of events) {
    const streamId = streamIdOf(event.stream)
    const row = linkedRow(authorityId, { ...event, streamId, streamType: event.stream.streamType, recordId: event.stream.id })
    const head = linkHead(previousHead, "events", streamId, event.position, event.position, [row])
    commits.push({ firstPosition: event.position, lastPosition: event.position, streamId, previousHead, head, keyId: key.keyId, signature: signText(key, linkMessage("events", event.position, head)) })
    last.set(streamId, { version: event.version, hash: event.hash })
    previousHead = head
  }
  const position = events.at(-1)?.position ?? 0
  const unsigned = { v: 2 as const, storeId, at, events: { position, head: previousHead }, access: { seq: 0, head: "" }, keyId: key.keyId }
  const checkpoint: Checkpoint = { ...unsigned, signature: signText(key, checkpointMessage(unsigned)) }
  const records = [...last].map(([streamId, record]) => ({ streamId, ...record }))
  const statement = { storeId, authorityId, childId, checkpoint: { position, head: previousHead }, records }
  return { storeId, checkpoint, commits, records, keyId: key.keyId, signature: signText(key, sealMessage(statement)) }
}
