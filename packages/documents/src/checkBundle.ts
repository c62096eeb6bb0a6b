import type { BundleEvent, BundleManifest, RecordSeal, SignedCommit } from "@carepanel/core"
import {
  type Checkpoint,
  canonicalJson,
  checkpointMessage,
  eventHash,
  genesisHash,
  type LinkedRow,
  linkHead,
  linkMessage,
  sealMessage,
  type TrustedKey,
  verifyText
} from "@carepanel/store-sql"

export type BundleCheck =
  | {
      readonly ok: true
      readonly events: number
      readonly streams: number
      readonly lastPosition: number
      readonly checkpoint: { readonly position: number; readonly at: string; readonly keyId: string; readonly storeId: string }
      /** Positions of events recorded after the checkpoint: signed by no checkpoint in this bundle. */
      readonly uncovered: ReadonlyArray<number>
    }
  | { readonly ok: false; readonly position: number | undefined; readonly problem: string }

const bad = (position: number | undefined, problem: string): BundleCheck => ({ ok: false, position, problem })

class Mismatch {
  constructor(readonly result: BundleCheck) {}
}
const stop = (position: number | undefined, problem: string): never => {
  throw new Mismatch(bad(position, problem))
}

const describeEvent = (event: BundleEvent) => `event at position ${event.position} (${event.streamId}, version ${event.version}, ${event.type})`

/** The columns the store's link covers for one event, in its order (`linkedColumns.events` in @carepanel/store-sql). */
export const linkedRow = (authorityId: string, event: BundleEvent): LinkedRow => [
  event.position,
  event.streamId,
  authorityId,
  event.streamType,
  event.recordId,
  event.version,
  event.type,
  canonicalJson(event.data),
  event.recordedAt,
  event.hash
]

/** Checks `signature` over `message` with the key it names, which must be one of the authority's. */
const signedBy = (keys: ReadonlyMap<string, TrustedKey>, keyId: string, message: string, signature: string, what: string, position: number | undefined) => {
  const key = keys.get(keyId)
  if (key === undefined) stop(position, `${what} is signed with key ${keyId}, not with the authority's key (${[...keys.keys()].join(", ")}).`)
  if (!verifyText(key!.publicKey, message, signature)) stop(position, `${what} does not match its signature (key ${keyId}): it was changed after it was signed.`)
}

const checkCheckpoint = (seal: RecordSeal, keys: ReadonlyMap<string, TrustedKey>) => {
  const checkpoint = seal.checkpoint as Checkpoint
  signedBy(keys, checkpoint.keyId, checkpointMessage(checkpoint), checkpoint.signature, "The checkpoint", undefined)
  if (checkpoint.storeId !== seal.storeId) stop(undefined, `The checkpoint is of store ${checkpoint.storeId ?? "(none)"}, not of the store the bundle names (${seal.storeId}).`)
}

const checkSealSignature = (manifest: BundleManifest, seal: RecordSeal, keys: ReadonlyMap<string, TrustedKey>) => {
  const checkpoint = seal.checkpoint
  const statement = {
    storeId: seal.storeId,
    authorityId: manifest.authorityId,
    childId: manifest.childId,
    checkpoint: { position: checkpoint.events.position, head: checkpoint.events.head },
    records: seal.records
  }
  signedBy(keys, seal.keyId, sealMessage(statement), seal.signature, `The list of ${manifest.childId}'s records at the checkpoint`, undefined)
}

/** Recomputes a complete commit's head from the head before it and its events, and checks the authority signed it. */
const checkCommit = (authorityId: string, commit: SignedCommit, events: ReadonlyArray<BundleEvent>, keys: ReadonlyMap<string, TrustedKey>) => {
  const where = `The commit of positions ${commit.firstPosition}-${commit.lastPosition} (${commit.streamId})`
  events.forEach((event, i) => {
    if (event.position !== commit.firstPosition + i) stop(commit.firstPosition + i, `Position ${commit.firstPosition + i} of the signed commit ${commit.firstPosition}-${commit.lastPosition} (${commit.streamId}) is missing from the bundle.`)
  })
  const head = linkHead(commit.previousHead, "events", commit.streamId, commit.firstPosition, commit.lastPosition, events.map((event) => linkedRow(authorityId, event)))
  if (head !== commit.head) stop(commit.firstPosition, `${where} differs from what the store signed when it was recorded.`)
  signedBy(keys, commit.keyId, linkMessage("events", commit.lastPosition, commit.head), commit.signature, where, commit.firstPosition)
}

const walkEvents = (manifest: BundleManifest, seal: RecordSeal, keys: ReadonlyMap<string, TrustedKey>) => {
  const through = seal.checkpoint.events.position
  const commits = [...seal.commits].sort((a, b) => a.firstPosition - b.firstPosition)
  const streams = new Map<string, { readonly version: number; readonly hash: string }>()
  const atCheckpoint = new Map<string, { readonly version: number; readonly hash: string }>()
  const uncovered: Array<number> = []
  let commitIndex = 0
  let inCommit: Array<BundleEvent> = []
  let lastPosition = 0
  for (const event of manifest.events) {
    const where = describeEvent(event)
    if (!(event.position > lastPosition)) stop(event.position, `The ${where} is out of order: it comes after position ${lastPosition}.`)
    const previous = streams.get(event.streamId) ?? { version: 0, hash: genesisHash }
    if (event.version !== previous.version + 1) {
      stop(event.position, `Version ${previous.version + 1} of ${event.streamId} is missing: the bundle goes from version ${previous.version} to the ${where}.`)
    }
    const expected = eventHash(previous.hash, { streamId: event.streamId, version: event.version, type: event.type, data: canonicalJson(event.data), recordedAt: event.recordedAt })
    if (expected !== event.hash) stop(event.position, `The ${where} does not match its hash: it was changed after it was recorded.`)
    streams.set(event.streamId, { version: event.version, hash: event.hash })
    lastPosition = event.position
    if (event.position > through) {
      uncovered.push(event.position)
      continue
    }
    atCheckpoint.set(event.streamId, { version: event.version, hash: event.hash })
    while (commitIndex < commits.length && commits[commitIndex]!.lastPosition < event.position) {
      const skipped = commits[commitIndex]!
      stop(skipped.firstPosition + inCommit.length, `Position ${skipped.firstPosition + inCommit.length} of the signed commit ${skipped.firstPosition}-${skipped.lastPosition} (${skipped.streamId}) is missing from the bundle.`)
    }
    const commit = commits[commitIndex]
    if (commit === undefined || commit.firstPosition > event.position || commit.streamId !== event.streamId) {
      stop(event.position, `The ${where} is not covered by any signed commit in the bundle.`)
    }
    inCommit.push(event)
    if (event.position === commit!.lastPosition) {
      checkCommit(manifest.authorityId, commit!, inCommit, keys)
      inCommit = []
      commitIndex += 1
    }
  }
  if (commitIndex < commits.length) {
    const left = commits[commitIndex]!
    stop(left.firstPosition + inCommit.length, `Position ${left.firstPosition + inCommit.length} of the signed commit ${left.firstPosition}-${left.lastPosition} (${left.streamId}) is missing from the bundle.`)
  }
  return { streams, atCheckpoint, uncovered, lastPosition }
}

/** Every record the seal lists ends, at the checkpoint, exactly where the seal says; the bundle holds no other record. */
const checkRecords = (seal: RecordSeal, atCheckpoint: ReadonlyMap<string, { readonly version: number; readonly hash: string }>) => {
  const sealed = new Map(seal.records.map((record) => [record.streamId, record]))
  for (const record of seal.records) {
    const held = atCheckpoint.get(record.streamId)
    if (held === undefined) stop(undefined, `Record ${record.streamId} (version ${record.version} at the checkpoint) is missing from the bundle.`)
    if (held!.version !== record.version || held!.hash !== record.hash) {
      stop(
        undefined,
        `Record ${record.streamId} ends at version ${held!.version} in the bundle, but at version ${record.version} at the checkpoint: its last events were removed.`
      )
    }
  }
  for (const streamId of atCheckpoint.keys()) {
    if (!sealed.has(streamId)) stop(undefined, `Record ${streamId} is in the bundle but not in the signed list of the child's records.`)
  }
}

/**
 * Re-checks a court bundle's manifest offline against the authority's public keys, and answers the first thing that
 * does not match: the checkpoint's signature and store; then event by event in position order, each record's versions
 * and chained hashes (`eventHash`, as the store wrote them), and each signed commit's head and signature (`linkHead`);
 * last, the signed list of the child's records, and that every record ends where it says. Events after the
 * checkpoint pass their hashes but are reported as `uncovered`.
 */
export const checkBundle = (manifest: BundleManifest, keys: ReadonlyArray<TrustedKey>): BundleCheck => {
  const format = (manifest as { format?: unknown }).format
  if (format === "carepanel-court-bundle/1") {
    return bad(undefined, "This bundle was made before bundles carried a signed checkpoint (format carepanel-court-bundle/1): ask the authority for a new one.")
  }
  if (format !== "carepanel-court-bundle/2" || !Array.isArray(manifest.events)) {
    return bad(undefined, "This is not a Carepanel court bundle manifest (format carepanel-court-bundle/2).")
  }
  const seal = manifest.integrity
  if (seal === undefined || seal === null) {
    return bad(undefined, "This bundle carries no signed checkpoint: its store does not sign its record, so it cannot be checked against the authority's key.")
  }
  try {
    const trusted = new Map(keys.map((key) => [key.keyId, key]))
    checkCheckpoint(seal, trusted)
    const walked = walkEvents(manifest, seal, trusted)
    checkSealSignature(manifest, seal, trusted)
    checkRecords(seal, walked.atCheckpoint)
    return {
      ok: true,
      events: manifest.events.length,
      streams: walked.streams.size,
      lastPosition: walked.lastPosition,
      checkpoint: { position: seal.checkpoint.events.position, at: seal.checkpoint.at, keyId: seal.checkpoint.keyId, storeId: seal.storeId },
      uncovered: walked.uncovered
    }
  } catch (error) {
    if (error instanceof Mismatch) return error.result
    return bad(undefined, `The bundle is malformed: ${(error as Error).message}`)
  }
}
