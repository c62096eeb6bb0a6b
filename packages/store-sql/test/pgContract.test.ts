import { runStoreContract } from "@carepanel/store-contract"
import { afterAll } from "vitest"
import { PgStoreLayer } from "../src/index.js"
import { closePgAdmin, freshPgDatabase, freshPgLayer } from "./support/freshStores.js"
import { chainVerifies } from "./support/chainIntegrity.js"
import { sharedStore } from "./support/sharedStores.js"
import { emptyIdRow } from "./support/violatingRows.js"

afterAll(closePgAdmin)

runStoreContract("PostgreSQL", freshPgLayer, {
  failingRows: [emptyIdRow],
  commandFuzz: { runs: 1, integrity: chainVerifies },
  accessLog: freshPgLayer,
  processes: {
    dispatchers: true,
    makeSharedStore: async () => {
      const url = await freshPgDatabase()
      return sharedStore(PgStoreLayer(url), { DATABASE_URL: url })
    }
  }
})
