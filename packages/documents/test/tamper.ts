import type { BundleManifest, SignedCommit } from "@carepanel/core"
import { canonicalJson, eventHash, genesisHash, linkHead, linkMessage, type SigningKey, sealMessage, signText } from "@carepanel/store-sql"
import { linkedRow } from "../src/checkBundle.js"

/**
 * A forger's bundle: the event at `position` changed, every later hash of its record recomputed, every commit whose
 * events or previous head changed re-headed and re-signed, and the list of records re-signed, all with `forger`'s key
 * (the checkpoint they cannot re-sign without leaving their key on it too).
 */
export const resignedByAnotherKey = (manifest: BundleManifest, position: number, forger: SigningKey): BundleManifest => {
  const target = manifest.events.find((event) => event.position === position)!
  let hash = genesisHash
  const changed = new Set<number>()
  const events = manifest.events.map((event) => {
    if (event.streamId !== target.streamId) return event
    const data = event === target ? { ...(event.data as object), note: "forged" } : event.data
    const rehashed = event.position >= position ? { ...event, data, hash: eventHash(hash, { streamId: event.streamId, version: event.version, type: event.type, data: canonicalJson(data), recordedAt: event.recordedAt }) } : event
    if (rehashed !== event) changed.add(event.position)
    hash = rehashed.hash
    return rehashed
  })
  const seal = manifest.integrity!
  const newHeads = new Map<string, string>()
  const commits = seal.commits.map((commit): SignedCommit => {
    const previousHead = newHeads.get(commit.previousHead) ?? commit.previousHead
    const touched = events.some((event) => changed.has(event.position) && event.position >= commit.firstPosition && event.position <= commit.lastPosition)
    if (!touched && previousHead === commit.previousHead) return commit
    const rows = events.filter((event) => event.position >= commit.firstPosition && event.position <= commit.lastPosition).map((event) => linkedRow(manifest.authorityId, event))
    const head = linkHead(previousHead, "events", commit.streamId, commit.firstPosition, commit.lastPosition, rows)
    newHeads.set(commit.head, head)
    return { ...commit, previousHead, head, keyId: forger.keyId, signature: signText(forger, linkMessage("events", commit.lastPosition, head)) }
  })
  const records = seal.records.map((record) => (record.streamId === target.streamId ? { ...record, hash } : record))
  const statement = { storeId: seal.storeId, authorityId: manifest.authorityId, childId: manifest.childId, checkpoint: { position: seal.checkpoint.events.position, head: seal.checkpoint.events.head }, records }
  return { ...manifest, events, integrity: { ...seal, commits, records, keyId: forger.keyId, signature: signText(forger, sealMessage(statement)) } }
}
