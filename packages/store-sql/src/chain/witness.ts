import { appendFileSync, mkdirSync, readFileSync } from "node:fs"
import { dirname } from "node:path"
import { SqlClient } from "@effect/sql"
import { Effect, Schema } from "effect"
import { chainGenesis } from "./chainLink.js"
import { type SigningKey, signText } from "./signingKey.js"
import { readStoreId } from "./storeId.js"

/**
 * A signed statement of how far both chains reached, kept by a witness outside the data directory. Version 2 names
 * the store (migration 0011), so a checkpoint of another store is refused; version 1 (before it) names none.
 */
export const Checkpoint = Schema.Struct({
  v: Schema.Literal(1, 2),
  storeId: Schema.optional(Schema.String),
  at: Schema.String,
  events: Schema.Struct({ position: Schema.Number, head: Schema.String }),
  access: Schema.Struct({ seq: Schema.Number, head: Schema.String }),
  keyId: Schema.String,
  signature: Schema.String
})
export type Checkpoint = typeof Checkpoint.Type

export const checkpointMessage = (c: Omit<Checkpoint, "signature">) =>
  c.v === 1
    ? `carepanel-checkpoint-v1\n${c.at}\n${c.events.position}\n${c.events.head}\n${c.access.seq}\n${c.access.head}`
    : `carepanel-checkpoint-v2\n${c.storeId ?? ""}\n${c.at}\n${c.events.position}\n${c.events.head}\n${c.access.seq}\n${c.access.head}`

const lastLink = (log: "events" | "access") =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.map(
      sql<{ last_seq: number | string; head: string }>`SELECT last_seq, head FROM chain_links WHERE log = ${log}
        ORDER BY last_seq DESC LIMIT 1`,
      (rows) => ({ seq: Number(rows[0]?.last_seq ?? 0), head: rows[0]?.head ?? chainGenesis })
    )
  )

/** Signs the heads of both chains as they are now, naming the store. */
export const makeCheckpoint = (key: SigningKey, at: string) =>
  Effect.gen(function* () {
    const storeId = (yield* readStoreId) ?? ""
    const events = yield* lastLink("events")
    const access = yield* lastLink("access")
    const unsigned = { v: 2 as const, storeId, at, events: { position: events.seq, head: events.head }, access, keyId: key.keyId }
    return { ...unsigned, signature: signText(key, checkpointMessage(unsigned)) } satisfies Checkpoint
  })

/** Appends one checkpoint as a JSON line (O_APPEND: concurrent writers' lines do not interleave). */
export const appendCheckpoint = (file: string, checkpoint: Checkpoint) =>
  Effect.try({
    try: () => {
      mkdirSync(dirname(file), { recursive: true })
      appendFileSync(file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 })
    },
    catch: (cause) => new Error(`Cannot append to the witness file ${file}: ${(cause as Error).message}`)
  })

/** The witness file's last checkpoint (undefined for an empty file); fails naming the file if it is unreadable. */
export const lastCheckpoint = (file: string) =>
  Effect.try({
    try: () => readFileSync(file, "utf8").split("\n").filter((line) => line.trim() !== "").at(-1),
    catch: (cause) => new Error(`Cannot read the witness file ${file}: ${(cause as Error).message}`)
  }).pipe(
    Effect.flatMap((line) =>
      line === undefined
        ? Effect.succeed(undefined)
        : Effect.try({ try: () => JSON.parse(line) as unknown, catch: () => new Error(`The witness file ${file} ends with a line that is not JSON`) }).pipe(
            Effect.flatMap(Schema.decodeUnknown(Checkpoint)),
            Effect.mapError((error) => (error instanceof Error && error.name !== "ParseError" ? error : new Error(`The witness file ${file} ends with a line that is not a checkpoint`)))
          )
    )
  )
