import { InMemoryAccessLog, InMemoryStoreLayer } from "@carepanel/core/testing"
import { runStoreContract } from "../src/index.js"

runStoreContract("in-memory", () => InMemoryStoreLayer, { accessLog: () => InMemoryAccessLog })
