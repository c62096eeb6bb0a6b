import { InMemoryStoreLayer } from "@carepanel/core/testing"
import { runStoreContract } from "../src/index.js"

runStoreContract("in-memory", () => InMemoryStoreLayer)
