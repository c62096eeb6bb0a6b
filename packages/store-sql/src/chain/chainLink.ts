import { createHash } from "node:crypto"

/** The two append-only logs a store-wide chain covers: `events` by position, `access` (the access log) by seq. */
export type ChainLog = "events" | "access"

/** A row's values as the link hash covers them, in column order (see `linkedColumns`). */
export type LinkedRow = ReadonlyArray<string | number>

/** The columns of each log that a link covers, in order; the first is the sequence number. */
export const linkedColumns: Record<ChainLog, ReadonlyArray<string>> = {
  events: ["position", "stream_id", "authority_id", "stream_type", "entity_id", "version", "type", "data", "recorded_at", "hash"],
  access: ["seq", "authority_id", "person_id", "role", "at", "child_id", "fields", "purpose"]
}

/** One commit's link in a store-wide chain, as stored in `chain_links`. */
export interface ChainLink {
  readonly log: ChainLog
  readonly firstSeq: number
  readonly lastSeq: number
  /** The stream of an events commit; empty for the access log. */
  readonly subject: string
  readonly head: string
  readonly keyId: string
  readonly signature: string
  readonly signedAt: string
}

/** Rows in the order a link covers them: by their sequence number (the first column). */
export const bySeq = (a: LinkedRow, b: LinkedRow) => Number(a[0]) - Number(b[0])

/** The head before a log's first link. */
export const chainGenesis = ""

/** Numbers as numbers, the rest as text: the same row reads the same from SQLite and PostgreSQL. */
export const linkedRowOf = (log: ChainLog, row: Readonly<Record<string, unknown>>): LinkedRow =>
  linkedColumns[log].map((column) => {
    const value = row[column]
    return column === "position" || column === "seq" || column === "version" ? Number(value) : String(value)
  })

/**
 * `sha256(prevHead || JSON [log, subject, firstSeq, lastSeq, rows])` in lowercase hex: each commit's head covers
 * every column of its rows and, through `prevHead`, every commit before it in the log.
 */
export const linkHead = (prevHead: string, log: ChainLog, subject: string, firstSeq: number, lastSeq: number, rows: ReadonlyArray<LinkedRow>) =>
  createHash("sha256").update(prevHead).update(JSON.stringify([log, subject, firstSeq, lastSeq, rows])).digest("hex")

/** The text a link's signature is over. */
export const linkMessage = (log: ChainLog, lastSeq: number, head: string) => `carepanel-chain-v1\n${log}\n${lastSeq}\n${head}`
