import { runStoreContract } from "@carepanel/store-contract"
import { afterAll } from "vitest"
import { closePgAdmin, freshPgLayer } from "./support/freshStores.js"
import { chainVerifies } from "./support/chainIntegrity.js"
import { emptyIdRow } from "./support/violatingRows.js"

afterAll(closePgAdmin)

// The crash and multi-process half of the contract is in pgProcessContract.test.ts, so the two run side by side.
runStoreContract("PostgreSQL", freshPgLayer, {
  failingRows: [emptyIdRow],
  commandFuzz: { runs: 1, integrity: chainVerifies },
  accessLog: freshPgLayer
})
