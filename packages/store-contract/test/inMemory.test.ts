import { InMemoryAccessLog, InMemoryStoreLayer, YieldingInMemoryStoreLayer } from "@carepanel/core/testing"
import { runStoreContract } from "../src/index.js"

// The command fuzz runs on the store that yields around every read and write, so its fibres interleave there too.
runStoreContract<never>("in-memory", () => InMemoryStoreLayer, {
  accessLog: () => InMemoryAccessLog, commandFuzz: { runs: 4, store: () => YieldingInMemoryStoreLayer },
  // No transaction around a use case in memory: a keyed change that fails keeps what it appended (InMemoryRequestKeys.ts).
  keyedChangesRollBack: false
})
