import { SqlClient } from "@effect/sql"
import { awaitsField, ChildId, ChildRecords, Disagreements, preset, ReadModels, type ReadModelRow } from "@carepanel/core"
import { connectedPlacement, inMemoryCore, playWeek, staffOf } from "@carepanel/core/testing"
import { DateTime, Effect, type Layer, TestContext } from "effect"
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

/** A history as the core writes it today, and what a migration adds to its rows. */
interface Case {
  readonly id: number
  readonly collections: ReadonlyArray<string>
  /** The index fields the migration adds, by collection. */
  readonly added: Readonly<Record<string, ReadonlyArray<string>>>
  /** Markers read back by, as the running deadlines read them. */
  readonly markers: ReadonlyArray<string>
  readonly play: Effect.Effect<unknown, unknown, Layer.Layer.Success<ReturnType<typeof inMemoryCore>>>
}

const carePlanning = preset("care-planning")
const staff = staffOf(carePlanning.authority.id)

const cases: ReadonlyArray<Case> = [
  {
    // A week of a care-planning panel: drafts, requests decided and deferred, a sitting and its record.
    id: 15,
    collections: ["referralClocks", "sittings", "decisions"],
    added: { referralClocks: [awaitsField, "sittingId"], sittings: [awaitsField, "month"], decisions: [awaitsField] },
    markers: ["submission", "record", "notHeld", "action"],
    play: playWeek(carePlanning, { uploads: false })
  },
  {
    // The chair's dissent from a decision of that week, a child placed with her aunt, another's emergency protection order.
    id: 16,
    collections: ["disagreements", "placements", "childRecords"],
    added: { disagreements: [awaitsField], placements: [awaitsField], childRecords: [awaitsField] },
    markers: ["areas", "placement", "lookedAfter", "epo"],
    play: Effect.gen(function* () {
      const week = yield* playWeek(carePlanning, { uploads: false })
      const chair = { personId: staff.chair.personId, name: staff.chair.name }
      yield* (yield* Disagreements).recordDissent(staff.chair, { decisionId: week.decisions[0]!.id, member: chair, dissentsFrom: { _tag: "Decision" }, grounds: "The family network was not explored" })
      yield* connectedPlacement(staff, "child-aunt")
      yield* (yield* ChildRecords).recordEmergencyProtectionOrder(staff.socialWorker, ChildId.make("child-epo"), yield* DateTime.now, 8)
    })
  }
]

const history = async ({ play, collections }: Case) => {
  const store = makeRecordingStore()
  await Effect.runPromise(play.pipe(Effect.provide(inMemoryCore(carePlanning, store.layer)), Effect.provide(TestContext.TestContext)))
  return { authorityId: carePlanning.authority.id, rows: store.readModelRows().filter((row) => collections.includes(row.collection)) }
}

/** The row as a store before the migration held it: the same document, an index without the fields it adds. */
const before = (added: Case["added"]) => (row: ReadModelRow): ReadModelRow => ({
  ...row,
  index: Object.fromEntries(Object.entries(row.index).filter(([field]) => !added[row.collection]!.includes(field)))
})

for (const migration of cases) {
  describe(`migration ${migration.id}: the running deadlines' index fields for the records already in a store`, () => {
    for (const { name, prepare } of migrationEngines) {
      it(`${name}: gives every ${migration.collections.join(", ")} row the index the core writes with its commits`, async () => {
        const { authorityId, rows } = await history(migration)
        expect(new Set(rows.map((row) => row.collection))).toEqual(new Set(migration.collections))
        const { client, store } = await prepare()
        await Effect.runPromise(
          Effect.gen(function* () {
            yield* runMigrationsOf(migrations.filter(([id]) => id < migration.id))
            const sql = yield* SqlClient.SqlClient
            const old = rows.map(before(migration.added))
            yield* sql`INSERT INTO read_models ${sql.insert(old.map(readModelsRowOf))}`
            const entries = old.flatMap(indexRowsOf)
            if (entries.length > 0) yield* sql`INSERT INTO read_model_index ${sql.insert(entries)}`
          }).pipe(Effect.provide(client), Effect.scoped)
        )
        const after = await runOn(
          store(),
          Effect.gen(function* () {
            const readModels = yield* ReadModels
            const all = yield* Effect.forEach(migration.collections, (collection) => readModels.query({ collection, authorityId }))
            // Read back by each marker, as the running deadlines read them: the index entries, not only the row's fields.
            const byMarker = yield* Effect.forEach(migration.markers, (marker) =>
              Effect.forEach(migration.collections, (collection) => readModels.query({ collection, authorityId, where: { [awaitsField]: marker } }))
            )
            return { all: all.flat(), byMarker: byMarker.map((lists) => lists.flat().map((row) => row.id).sort()) }
          })
        )
        const indexById = (list: ReadonlyArray<ReadModelRow>) => Object.fromEntries(list.map((row) => [`${row.collection}/${row.id}`, row.index]))
        expect(indexById(after.all)).toEqual(indexById(rows))
        const expected = migration.markers.map((marker) =>
          rows.filter((row) => (row.index[awaitsField] as ReadonlyArray<string>).includes(marker)).map((row) => row.id).sort()
        )
        expect(after.byMarker).toEqual(expected)
        expect(expected.every((ids) => ids.length > 0)).toBe(true)
      }, 120_000)
    }
  })
}
