import { SqlClient } from "@effect/sql"
import { awaitsField, preset, ReadModels, type ReadModelRow } from "@carepanel/core"
import { inMemoryCore, playWeek } from "@carepanel/core/testing"
import { Effect, TestContext } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { makeRecordingStore } from "../dev/england/recordingStore.js"
import { migrations, runMigrationsOf } from "../src/migrations/runMigrations.js"
import { indexRowsOf, readModelsRowOf } from "../src/store/writeReadModels.js"
import { runOn } from "./support/dialects.js"
import { closePgAdmin, removeTempDirs } from "./support/freshStores.js"
import { migrationEngines } from "./support/migrationEngines.js"

afterAll(async () => {
  removeTempDirs()
  await closePgAdmin()
})

const marked = ["referralClocks", "sittings", "decisions"]
/** The index fields migration 15 adds, by collection (a request's clocks had none). */
const added: Readonly<Record<string, ReadonlyArray<string>>> = { referralClocks: [awaitsField, "sittingId"], sittings: [awaitsField, "month"], decisions: [awaitsField] }

/** A week of a care-planning panel (drafts, requests decided and deferred, a sitting and its record) as the core writes it today. */
const week = async () => {
  const policy = preset("care-planning")
  const store = makeRecordingStore()
  await Effect.runPromise(playWeek(policy, { uploads: false }).pipe(Effect.provide(inMemoryCore(policy, store.layer)), Effect.provide(TestContext.TestContext)))
  return { authorityId: policy.authority.id, rows: store.readModelRows().filter((row) => marked.includes(row.collection)) }
}

/** The row as a store before migration 15 held it: the same document, an index without the running deadlines' fields. */
const before = (row: ReadModelRow): ReadModelRow => ({
  ...row,
  index: Object.fromEntries(Object.entries(row.index).filter(([field]) => !added[row.collection]!.includes(field)))
})

describe("migration 15: the running deadlines' index fields for the records already in a store", () => {
  for (const { name, prepare } of migrationEngines) {
    it(`${name}: gives every request's clocks, sitting and decision the index the core writes with its commits`, async () => {
      const { authorityId, rows } = await week()
      expect(new Set(rows.map((row) => row.collection))).toEqual(new Set(marked))
      const { client, store } = await prepare()
      await Effect.runPromise(
        Effect.gen(function* () {
          yield* runMigrationsOf(migrations.filter(([id]) => id < 15))
          const sql = yield* SqlClient.SqlClient
          const old = rows.map(before)
          yield* sql`INSERT INTO read_models ${sql.insert(old.map(readModelsRowOf))}`
          const entries = old.flatMap(indexRowsOf)
          if (entries.length > 0) yield* sql`INSERT INTO read_model_index ${sql.insert(entries)}`
        }).pipe(Effect.provide(client), Effect.scoped)
      )
      const after = await runOn(
        store(),
        Effect.gen(function* () {
          const readModels = yield* ReadModels
          const all = yield* Effect.forEach(marked, (collection) => readModels.query({ collection, authorityId }))
          // Read back by each marker, as the running deadlines read them: the index entries, not only the row's fields.
          const byMarker = yield* Effect.forEach(["submission", "record", "notHeld", "action"], (marker) =>
            Effect.forEach(marked, (collection) => readModels.query({ collection, authorityId, where: { [awaitsField]: marker } }))
          )
          return { all: all.flat(), byMarker: byMarker.map((lists) => lists.flat().map((row) => row.id).sort()) }
        })
      )
      const indexById = (list: ReadonlyArray<ReadModelRow>) => Object.fromEntries(list.map((row) => [`${row.collection}/${row.id}`, row.index]))
      expect(indexById(after.all)).toEqual(indexById(rows))
      const expected = ["submission", "record", "notHeld", "action"].map((marker) =>
        rows.filter((row) => (row.index[awaitsField] as ReadonlyArray<string>).includes(marker)).map((row) => row.id).sort()
      )
      expect(after.byMarker).toEqual(expected)
      expect(expected.every((ids) => ids.length > 0)).toBe(true)
    }, 120_000)
  }
})
