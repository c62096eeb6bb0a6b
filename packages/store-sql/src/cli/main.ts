#!/usr/bin/env node
import { Effect } from "effect"
import { verifyCommand } from "./verifyCommand.js"

const usage = [
  "usage: carepanel-store verify [--stream <streamId>]",
  "",
  "Checks the tamper-evident hash chain of every event stream (or one).",
  "The store is chosen as the apps choose it: DATABASE_URL for PostgreSQL, else the SQLite file",
  "in CAREPANEL_DATA_DIR (default ./data)."
]

const [command, ...args] = process.argv.slice(2)
if (command === "--help" || command === "help") {
  console.log(usage.join("\n"))
  process.exit(0)
}
if (command !== "verify") {
  console.error(usage.join("\n"))
  process.exit(64)
}
const result = await Effect.runPromise(verifyCommand(args, process.env))
for (const line of result.lines) (result.exitCode === 0 ? console.log : console.error)(line)
process.exit(result.exitCode)
