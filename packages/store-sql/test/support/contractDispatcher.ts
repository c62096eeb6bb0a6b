/**
 * Child process for the contract's dispatcher tests: opens the store the environment names (StoreLayerFromEnv,
 * as an app would) and runs the contract dispatcher given as JSON in argv[2] until it is killed.
 */
import { runContractDispatcher } from "@carepanel/store-contract/writer"
import { StoreLayerFromEnv } from "../../src/index.js"

try {
  await runContractDispatcher(StoreLayerFromEnv, JSON.parse(process.argv[2] ?? "{}"))
} catch (error) {
  console.error(error)
  process.exit(1)
}
