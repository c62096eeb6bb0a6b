import { runStoreProcessContract } from "@carepanel/store-contract"
import { afterAll } from "vitest"
import { SqliteStoreLayer } from "../src/index.js"
import { freshDataDir, removeTempDirs } from "./support/freshStores.js"
import { sharedStore } from "./support/sharedStores.js"

afterAll(removeTempDirs)

runStoreProcessContract("SQLite", {
  dispatchers: true,
  makeSharedStore: async () => {
    const dataDir = freshDataDir()
    return sharedStore(SqliteStoreLayer({ dataDir }), { CAREPANEL_DATA_DIR: dataDir, DATABASE_URL: "" })
  }
})
