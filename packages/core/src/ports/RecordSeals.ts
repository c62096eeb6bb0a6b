import { Context, type Effect } from "effect"
import type { PersistenceError } from "../shared/errors.js"
import type { AuthorityId, ChildId } from "../shared/ids.js"
import type { StreamRef } from "./EventStore.js"

/** A store's checkpoint as it signed it: its events chain up to a position (its signature covers the access log's too). */
export interface SignedCheckpoint {
  readonly v: 1 | 2
  readonly storeId?: string | undefined
  readonly at: string
  readonly events: { readonly position: number; readonly head: string }
  readonly access: { readonly seq: number; readonly head: string }
  readonly keyId: string
  readonly signature: string
}

/** One commit's signed link in the store-wide chain: its head covers its events and the head before it. */
export interface SignedCommit {
  readonly firstPosition: number
  readonly lastPosition: number
  readonly streamId: string
  /** The chain's head before this commit ("" for the first commit of the store). */
  readonly previousHead: string
  readonly head: string
  readonly keyId: string
  readonly signature: string
}

/**
 * What ties a child's records to a signed checkpoint, for a court bundle's offline re-check: the checkpoint, the
 * signed commit of each of the records' events up to it, and each record's last version and hash at the
 * checkpoint, that list signed with the same key (so a record or its last events cannot be left out unseen).
 */
export interface RecordSeal {
  readonly storeId: string
  readonly checkpoint: SignedCheckpoint
  readonly commits: ReadonlyArray<SignedCommit>
  readonly records: ReadonlyArray<{ readonly streamId: string; readonly version: number; readonly hash: string }>
  readonly keyId: string
  readonly signature: string
}

/** A store that signs its record (store-sql) seals records for a court bundle; an unsigned store has none. */
export class RecordSeals extends Context.Tag("@carepanel/core/RecordSeals")<
  RecordSeals,
  {
    /** Takes a checkpoint now and seals the streams as they are at it. */
    readonly seal: (authorityId: AuthorityId, childId: ChildId, streams: ReadonlyArray<StreamRef>) => Effect.Effect<RecordSeal, PersistenceError>
  }
>() {}
