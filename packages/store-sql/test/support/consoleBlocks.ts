import { spawnSync } from "node:child_process"
import { Effect } from "effect"
import { expect } from "vitest"
import { storeCommand } from "../../src/cli/verifyCommand.js"

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/** `NAME=value ... npx carepanel-store ...`: the command, with the variables set before it for this command only. */
const storeCommandLine = /^((?:[A-Z_]+=\S* )*)npx carepanel-store (.*)$/

const storeLines = async (command: string, env: Record<string, string>, fill: (text: string) => string) => {
  const [, assignments, rest] = storeCommandLine.exec(command)!
  const onlyHere = Object.fromEntries(assignments!.split(" ").filter(Boolean).map((assignment) => [assignment.split("=")[0]!, fill(assignment.slice(assignment.indexOf("=") + 1))]))
  const [name, ...args] = fill(rest!).split(" ")
  return (await Effect.runPromise(storeCommand(name!, args, { ...env, ...onlyHere }))).lines
}

const shellLines = (command: string, env: Record<string, string>) => {
  const run = spawnSync("bash", ["-c", command], { env: { ...process.env, ...env }, encoding: "utf8" })
  expect(run.status, `${command}\n${run.stderr}`).toBe(0)
  return run.stdout === "" ? [] : run.stdout.trimEnd().split("\n")
}

/**
 * Runs a doc's console block of `carepanel-store` commands in this process, as a reader would type them: `export`
 * sets a variable of `env` (kept for the next block), `NAME=value npx carepanel-store ...` sets it for that command
 * only, every other `$` line runs the command, and the lines after it
 * are what it must print. Any other command (`pg_dump`, `pg_restore`) runs in a shell with `env` and must succeed. `fill` puts this run's values in place of the doc's placeholders; `patterns` are the
 * placeholders that stand for something that varies, as a regular expression (`<time>`, `<seconds>`).
 */
export const runConsoleBlock = async (
  block: string,
  env: Record<string, string>,
  fill: (text: string) => string,
  patterns: Readonly<Record<string, string>> = {}
) => {
  const lines = block.trimEnd().split("\n")
  for (let i = 0; i < lines.length; i++) {
    const command = lines[i]!.slice(2)
    const exported = /^export ([A-Z_]+)=(.*)$/.exec(command)
    if (exported) {
      env[exported[1]!] = fill(exported[2]!)
      continue
    }
    const expected: Array<string> = []
    while (i + 1 < lines.length && !lines[i + 1]!.startsWith("$ ")) expected.push(lines[++i]!)
    const printed = storeCommandLine.test(command) ? await storeLines(command, env, fill) : shellLines(fill(command), env)
    expect(printed.length, command).toBe(expected.length)
    expected.forEach((line, n) => {
      const pattern = Object.entries(patterns).reduce((text, [placeholder, regExp]) => text.replaceAll(placeholder, regExp), escapeRegExp(fill(line)))
      expect(printed[n], command).toMatch(new RegExp(`^${pattern}$`))
    })
  }
}
