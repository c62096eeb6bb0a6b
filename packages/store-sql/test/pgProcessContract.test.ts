import { runStoreProcessContract } from "@carepanel/store-contract"
import { afterAll } from "vitest"
import { PgStoreLayer } from "../src/index.js"
import { closePgAdmin, freshPgDatabase } from "./support/freshStores.js"
import { sharedStore } from "./support/sharedStores.js"

afterAll(closePgAdmin)

runStoreProcessContract("PostgreSQL", {
  dispatchers: true,
  makeSharedStore: async () => {
    const url = await freshPgDatabase()
    return sharedStore(PgStoreLayer(url), { DATABASE_URL: url })
  }
})
