#!/usr/bin/env node
import { readFileSync } from "node:fs"
import { checkBundle } from "../checkBundle.js"

const usage = "usage: carepanel-bundle-check <bundle-manifest.json>\n\nRe-checks a court bundle's events and hash chain offline; exits 0 if every event matches, 1 naming the first that does not."

const [file] = process.argv.slice(2)
if (file === undefined || file === "--help") {
  console.error(usage)
  process.exit(file === undefined ? 64 : 0)
}
let manifest: unknown
try {
  manifest = JSON.parse(readFileSync(file, "utf8"))
} catch (error) {
  console.error(`Cannot read ${file}: ${(error as Error).message}`)
  process.exit(66)
}
const result = checkBundle(manifest as never)
if (result.ok) {
  console.log(`OK: ${result.events} events in ${result.streams} records, up to position ${result.lastPosition}, match their hashes.`)
  console.log("No signed checkpoint is in this bundle: events cut off after the last one listed would not show.")
  process.exit(0)
}
console.error(`FAILED at position ${result.position ?? "-"}: ${result.problem}`)
process.exit(1)
