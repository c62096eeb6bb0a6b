#!/usr/bin/env node
// `carepanel-webhooks`: runs the CLI from its TypeScript source in a checkout, so that it works straight after `npm install` with
// nothing built; where the source or tsx is not there (a packed install, or one without development dependencies), it
// runs the built dist.
// The same launcher as packages/store-sql/bin/carepanel-store.js: npm links a bin only from a file of its own package, and one body
// shared would be a process launcher in store-sql's public exports (pack-check's fromDist.test.ts runs both bins).
import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import { fileURLToPath } from "node:url"

const source = fileURLToPath(new URL("../src/cli/main.ts", import.meta.url))
// An install without development dependencies (npm install --omit=dev) has the source but not tsx.
const tsx = (() => {
  try {
    return import.meta.resolve("tsx")
  } catch {
    return undefined
  }
})()
if (existsSync(source) && tsx !== undefined) {
  const args = ["--conditions=@carepanel/source", "--import", tsx, source, ...process.argv.slice(2)]
  const child = spawnSync(process.execPath, args, { stdio: "inherit" })
  process.exit(child.status ?? 1)
} else {
  await import("../dist/cli/main.js")
}
