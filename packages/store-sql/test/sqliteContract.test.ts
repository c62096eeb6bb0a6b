import { runStoreContract } from "@carepanel/store-contract"
import { afterAll } from "vitest"
import { SqliteStoreLayer } from "../src/index.js"
import { freshDataDir, freshSqliteLayer, removeTempDirs } from "./support/freshStores.js"
import { chainVerifies } from "./support/chainIntegrity.js"
import { sharedStore } from "./support/sharedStores.js"
import { emptyIdRow } from "./support/violatingRows.js"

afterAll(removeTempDirs)

runStoreContract("SQLite", freshSqliteLayer, {
  failingRows: [emptyIdRow],
  commandFuzz: { runs: 1, integrity: chainVerifies },
  accessLog: freshSqliteLayer,
  processes: {
    dispatchers: true,
    makeSharedStore: async () => {
      const dataDir = freshDataDir()
      return sharedStore(SqliteStoreLayer({ dataDir }), { CAREPANEL_DATA_DIR: dataDir, DATABASE_URL: "" })
    }
  }
})
