#!/usr/bin/env node
import { Effect } from "effect"
import { storeCommand } from "./verifyCommand.js"

const usage = [
  "usage: carepanel-store verify [--stream <streamId>]",
  "       carepanel-store checkpoint",
  "       carepanel-store rebuild [--authority <id>]",
  "       carepanel-store backup <file>",
  "",
  "verify checks the store-wide signed chains of the events and the access log, every stream's hashes,",
  "and the last checkpoint in CAREPANEL_WITNESS_FILE (with --stream: one stream's hashes only).",
  "checkpoint appends a signed checkpoint of both chains to CAREPANEL_WITNESS_FILE now.",
  "rebuild writes every stream's read models (with --authority: one authority's) again as this version folds",
  "its events, after an upgrade; the apps may keep running. It writes no event and leaves the chains alone.",
  "backup writes a consistent copy of the SQLite store to a new file while the apps run (PostgreSQL: pg_dump).",
  "The store is chosen as the apps choose it: DATABASE_URL for PostgreSQL, else the SQLite file",
  "in CAREPANEL_DATA_DIR (default ./data); the key is CAREPANEL_SIGNING_KEY(_FILE), and retired keys'",
  "public parts are read from CAREPANEL_TRUSTED_KEYS_FILE. See docs/integrity.md."
]

const [command, ...args] = process.argv.slice(2)
if (command === "--help" || command === "help") {
  console.log(usage.join("\n"))
  process.exit(0)
}
if (command !== "verify" && command !== "checkpoint" && command !== "rebuild" && command !== "backup") {
  console.error(usage.join("\n"))
  process.exit(64)
}
const result = await Effect.runPromise(storeCommand(command, args, process.env))
for (const line of result.lines) (result.exitCode === 0 ? console.log : console.error)(line)
process.exit(result.exitCode)
