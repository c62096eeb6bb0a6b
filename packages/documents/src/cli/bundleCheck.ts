#!/usr/bin/env node
import { readFileSync } from "node:fs"
import { trustedKeysFromPem } from "@carepanel/store-sql"
import { checkBundle } from "../checkBundle.js"
import { bundleCheckReport } from "../bundleCheckReport.js"

const usage = [
  "usage: carepanel-bundle-check <bundle-manifest.json> <authority-public-key.pem>",
  "",
  "Re-checks a court bundle offline against the authority's public key (PEM, one or more PUBLIC KEY blocks):",
  "the signed checkpoint, the signed list of the child's records, every event's hash and signed commit.",
  "Exit 0: all of it matches and the checkpoint covers every event; 1: the first thing that does not match;",
  "2: it matches, but events were recorded after the checkpoint and it does not cover them."
].join("\n")

const [file, keyFile] = process.argv.slice(2)
if (file === "--help") {
  console.log(usage)
  process.exit(0)
}
if (file === undefined || keyFile === undefined) {
  console.error(usage)
  process.exit(64)
}
const read = <A>(path: string, what: string, parse: (text: string) => A): A => {
  try {
    return parse(readFileSync(path, "utf8"))
  } catch (error) {
    console.error(`Cannot read ${what} ${path}: ${(error as Error).message}`)
    return process.exit(66)
  }
}
const manifest = read(file, "the bundle", (text) => JSON.parse(text) as never)
const keys = read(keyFile, "the public key", (text) => {
  const found = trustedKeysFromPem(text)
  if (found.length === 0) throw new Error("it holds no PUBLIC KEY block (give the authority's public key, not its private key)")
  return found
})
const report = bundleCheckReport(checkBundle(manifest, keys))
for (const line of report.lines) (report.exitCode === 0 ? console.log : console.error)(line)
process.exit(report.exitCode)
