import { SqlClient } from "@effect/sql"
import { preset, ReadModels, referralClocksCollection, referralCollection } from "@carepanel/core"
import { inMemoryCore, playWeek } from "@carepanel/core/testing"
import { Effect, TestContext } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { makeRecordingStore } from "../dev/england/recordingStore.js"
import { migrations, runMigrationsOf } from "../src/migrations/runMigrations.js"
import { readModelsRowOf } from "../src/store/writeReadModels.js"
import { runOn } from "./support/dialects.js"
import { closePgAdmin, removeTempDirs } from "./support/freshStores.js"
import { migrationEngines } from "./support/migrationEngines.js"

afterAll(async () => {
  removeTempDirs()
  await closePgAdmin()
})

/** A week of Knowsley's panel (requests in draft, in time, late, decided, deferred) as the core writes its read models today. */
const week = async () => {
  const policy = preset("knowsley")
  const store = makeRecordingStore()
  await Effect.runPromise(playWeek(policy).pipe(Effect.provide(inMemoryCore(policy, store.layer)), Effect.provide(TestContext.TestContext)))
  const rows = store.readModelRows()
  return { authorityId: policy.authority.id, requests: rows.filter((row) => row.collection === referralCollection), clocks: rows.filter((row) => row.collection === referralClocksCollection) }
}

/** A store as migration 12 left it, holding the week's requests: no `referralClocks` rows, as before 0014. */
const storeBefore = (requests: Awaited<ReturnType<typeof week>>["requests"]) =>
  Effect.gen(function* () {
    yield* runMigrationsOf(migrations.filter(([id]) => id < 14))
    const sql = yield* SqlClient.SqlClient
    yield* sql`INSERT INTO read_models ${sql.insert(requests.map(readModelsRowOf))}`
  })


describe("migrations 14, 17 and 18: the referralClocks read model for the requests already in a store", () => {
  for (const { name, prepare } of migrationEngines) {
    it(`${name}: builds for every request the very row the core writes with its commits, so no clock changes`, async () => {
      const { authorityId, requests, clocks } = await week()
      expect(requests.length).toBeGreaterThanOrEqual(4)
      const { client, store } = await prepare()
      await Effect.runPromise(storeBefore(requests).pipe(Effect.provide(client), Effect.scoped))
      const built = await runOn(store(), Effect.flatMap(ReadModels, (readModels) => readModels.query({ collection: referralClocksCollection, authorityId })))
      const byId = (rows: ReadonlyArray<{ readonly id: string; readonly doc: unknown }>) => Object.fromEntries(rows.map((row) => [row.id, row.doc]))
      expect(byId(built)).toEqual(byId(clocks))
      // Migration 15 then adds the fields the running deadlines read them by, as the core writes them.
      expect(built.map((row) => row.index)).toEqual(clocks.map((row) => row.index))
    }, 120_000)
  }
})
