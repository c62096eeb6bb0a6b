import { SqlClient } from "@effect/sql"
import {
  Decision,
  decisionCollection,
  decisionDeadlineIndex,
  type IndexValue,
  ReferralClockInputs,
  referralClocksCollection,
  referralDeadlineIndex,
  Sitting,
  sittingCollection,
  sittingDeadlineIndex
} from "@carepanel/core"
import { Effect, Schema } from "effect"
import { writeReadModels } from "../store/writeReadModels.js"
import type { Migration } from "./Migration.js"

/** Rows read and written again per statement. */
const page = 500

/** The core's running-deadline index fields of a stored document, by its collection. */
const fieldsOf: ReadonlyArray<readonly [string, (doc: unknown) => Readonly<Record<string, IndexValue>>]> = [
  [referralClocksCollection, (doc) => referralDeadlineIndex(Schema.decodeUnknownSync(ReferralClockInputs)(doc))],
  [sittingCollection, (doc) => sittingDeadlineIndex(Schema.decodeUnknownSync(Sitting)(doc))],
  [decisionCollection, (doc) => decisionDeadlineIndex(Schema.decodeUnknownSync(Decision)(doc))]
]

interface Row {
  readonly authority_id: string
  readonly id: string
  readonly index_fields: string
  readonly doc: string
}

/** Every row of one collection, a page at a time in key order, with the core's fields added to its index. */
const reindex = (collection: string, fields: (doc: unknown) => Readonly<Record<string, IndexValue>>) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    let after = { authority_id: "", id: "" }
    for (;;) {
      const rows = yield* sql<Row>`SELECT authority_id, id, index_fields, doc FROM read_models
        WHERE collection = ${collection} AND (authority_id > ${after.authority_id} OR (authority_id = ${after.authority_id} AND id > ${after.id}))
        ORDER BY authority_id, id LIMIT ${page}`
      if (rows.length === 0) return
      yield* writeReadModels(
        rows.map((row) => {
          const doc = JSON.parse(row.doc) as unknown
          return { collection, authorityId: row.authority_id as never, id: row.id, index: { ...JSON.parse(row.index_fields), ...fields(doc) }, doc }
        })
      )
      after = rows[rows.length - 1]!
    }
  })

/**
 * The running deadlines read only the records that may have a running clock, by index fields the core writes from
 * this version on (`awaits` on requests' clocks, sittings and decisions; `sittingId` on requests' clocks; `month` on
 * sittings: see the core's `deadlines/awaiting.ts`). Added here to the rows already in the store, worked out by the
 * core from each stored document, in the migration's transaction.
 */
export const deadlineMarkers: Migration = {
  sqlite: [],
  pg: [],
  rewrite: Effect.forEach(fieldsOf, ([collection, fields]) => reindex(collection, fields), { discard: true })
}
