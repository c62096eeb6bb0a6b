#!/usr/bin/env node
// `carepanel-bundle-check`: runs from the TypeScript source in a checkout (nothing to build); else the built dist.
import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import { fileURLToPath } from "node:url"

const source = fileURLToPath(new URL("../src/cli/bundleCheck.ts", import.meta.url))
if (existsSync(source)) {
  const args = ["--conditions=@carepanel/source", "--import", import.meta.resolve("tsx"), source, ...process.argv.slice(2)]
  const child = spawnSync(process.execPath, args, { stdio: "inherit" })
  process.exit(child.status ?? 1)
} else {
  await import("../dist/cli/bundleCheck.js")
}
