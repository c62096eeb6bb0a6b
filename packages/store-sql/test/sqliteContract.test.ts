import { runStoreContract } from "@carepanel/store-contract"
import { afterAll } from "vitest"
import { freshSqliteLayer, removeTempDirs } from "./support/freshStores.js"
import { chainVerifies } from "./support/chainIntegrity.js"
import { emptyIdRow } from "./support/violatingRows.js"

afterAll(removeTempDirs)

// The crash and multi-process half of the contract is in sqliteProcessContract.test.ts, so the two run side by side.
runStoreContract("SQLite", freshSqliteLayer, {
  failingRows: [emptyIdRow],
  commandFuzz: { runs: 1, integrity: chainVerifies },
  accessLog: freshSqliteLayer
})
