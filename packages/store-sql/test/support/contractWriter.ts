/**
 * Child process for the contract's crash and multi-process tests: opens the store the environment names
 * (StoreLayerFromEnv, as an app would) and runs the contract writer given as JSON in argv[2].
 */
import { runContractWriter } from "@carepanel/store-contract/writer"
import { StoreLayerFromEnv } from "../../src/index.js"

try {
  await runContractWriter(StoreLayerFromEnv, JSON.parse(process.argv[2] ?? "{}"))
  process.exit(0)
} catch (error) {
  console.error(error)
  process.exit(1)
}
