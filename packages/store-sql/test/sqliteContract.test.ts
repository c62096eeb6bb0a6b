import { runStoreContract } from "@carepanel/store-contract"
import { Layer } from "effect"
import { afterAll } from "vitest"
import { freshSqliteLayer, removeTempDirs } from "./support/freshStores.js"
import { chainVerifies } from "./support/chainIntegrity.js"
import { emptyIdRow } from "./support/violatingRows.js"

afterAll(removeTempDirs)

/**
 * With the tracer off, as the apps run without telemetry: the write path's statements and savepoints then run straight
 * on the transaction's connection (`directly`, writeTransaction's `savepoint`). The other SQLite tests keep
 * Effect's default (tracer on), which runs them through @effect/sql as with telemetry.
 */
const tracerOffSqliteLayer = () => Layer.merge(freshSqliteLayer(), Layer.setTracerEnabled(false))

// The crash and multi-process half of the contract is in sqliteProcessContract.test.ts, so the two run side by side.
runStoreContract("SQLite", tracerOffSqliteLayer, {
  failingRows: [emptyIdRow],
  commandFuzz: { runs: 1, integrity: chainVerifies },
  accessLog: tracerOffSqliteLayer
})
