/**
 * Child process for the development-key race: says "ready", waits for a line on stdin so that all children go
 * together, then resolves the store's integrity settings for the data directory in argv[2] and prints its key id.
 */
import { once } from "node:events"
import { Effect } from "effect"
import { resolveIntegrity } from "../../src/config/integrityConfig.js"

console.log("ready")
await once(process.stdin, "data")
try {
  const { key } = await Effect.runPromise(resolveIntegrity({}, {}, process.argv[2]!))
  console.log(key.keyId)
  process.exit(0)
} catch (error) {
  console.error(String(error))
  process.exit(1)
}
