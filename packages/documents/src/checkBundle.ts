import type { BundleManifest } from "@carepanel/core"
import { canonicalJson, eventHash, genesisHash } from "@carepanel/store-sql"

export type BundleCheck =
  | { readonly ok: true; readonly events: number; readonly streams: number; readonly lastPosition: number }
  | { readonly ok: false; readonly position: number | undefined; readonly problem: string }

const bad = (position: number | undefined, problem: string): BundleCheck => ({ ok: false, position, problem })

/**
 * Re-checks a court bundle's manifest offline, event by event in position order: positions increase, each record's
 * versions run 1, 2, 3... with none missing, and each event's hash is the store's chained SHA-256 of its content
 * (`eventHash` from @carepanel/store-sql, the same function that wrote it). Answers the first thing that does not match.
 * Without a signed checkpoint it cannot tell that a record's last events were cut off; see the README.
 */
export const checkBundle = (manifest: BundleManifest): BundleCheck => {
  if (manifest.format !== "carepanel-court-bundle/1" || !Array.isArray(manifest.events)) {
    return bad(undefined, "This is not a Carepanel court bundle manifest (format carepanel-court-bundle/1).")
  }
  const streams = new Map<string, { readonly version: number; readonly hash: string }>()
  let lastPosition = 0
  for (const event of manifest.events) {
    const where = `event at position ${event.position} (${event.streamId}, version ${event.version}, ${event.type})`
    if (!(event.position > lastPosition)) return bad(event.position, `The ${where} is out of order: it comes after position ${lastPosition}.`)
    const previous = streams.get(event.streamId) ?? { version: 0, hash: genesisHash }
    if (event.version !== previous.version + 1) {
      return bad(event.position, `Version ${previous.version + 1} of ${event.streamId} is missing: the bundle goes from version ${previous.version} to the ${where}.`)
    }
    const expected = eventHash(previous.hash, { streamId: event.streamId, version: event.version, type: event.type, data: canonicalJson(event.data), recordedAt: event.recordedAt })
    if (expected !== event.hash) return bad(event.position, `The ${where} does not match its hash: it was changed after it was recorded.`)
    streams.set(event.streamId, { version: event.version, hash: event.hash })
    lastPosition = event.position
  }
  return { ok: true, events: manifest.events.length, streams: streams.size, lastPosition }
}
