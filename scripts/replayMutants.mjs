// `npm run mutation:replay -- <report.json> <package> <file> [--tests-in <package>] <test files...>`: each mutant a
// Stryker report left alive (survived or not covered) in the source files whose path contains <file>, applied to the
// package's source one at a time, the tests named run (in <package>, or in the --tests-in package, for code another
// package's tests check), and the source put back. Prints KILLED or SURVIVED for each, then the counts.
// For counting what new tests kill without a second Stryker run, and for tests Stryker cannot run against a file (its
// sandbox is a copy of one package). Only on a file unchanged since the report: a mutant is placed by line and column.
import { spawnSync } from "node:child_process"
import { readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"

const root = join(import.meta.dirname, "..")
const packageDir = (name) => {
  const found = ["packages", "apps"].flatMap((group) => readdirSync(join(root, group)).filter((dir) => dir === name).map((dir) => join(root, group, dir)))
  if (found.length === 0) throw new Error(`No package called "${name}"`)
  return found[0]
}

const args = process.argv.slice(2)
const usage = "Usage: npm run mutation:replay -- <report.json> <package> <file> [--tests-in <package>] <test files...>"
const [report, name, file] = args
let tests = args.slice(3)
let testsIn = name
if (tests[0] === "--tests-in") [testsIn, tests] = [tests[1], tests.slice(2)]
if (report === undefined || name === undefined || file === undefined || testsIn === undefined || tests.length === 0) {
  console.error(usage)
  process.exit(2)
}

const source = packageDir(name)
const testDir = packageDir(testsIn)
const offset = (text, { line, column }) => {
  const lines = text.split("\n")
  let at = 0
  for (let i = 0; i < line - 1; i++) at += lines[i].length + 1
  return at + column - 1
}

let killed = 0
let survived = 0
for (const [path, entry] of Object.entries(JSON.parse(readFileSync(report, "utf8")).files)) {
  if (!path.includes(file)) continue
  const target = join(source, path)
  const original = readFileSync(target, "utf8")
  for (const mutant of entry.mutants.filter((m) => m.status === "Survived" || m.status === "NoCoverage")) {
    const start = offset(original, mutant.location.start)
    const end = offset(original, mutant.location.end)
    try {
      writeFileSync(target, original.slice(0, start) + mutant.replacement + original.slice(end))
      // A mutant that hangs a test counts as killed, as Stryker's timeout does.
      const run = spawnSync("timeout", ["-k", "5", "300", "npx", "vitest", "run", "--bail", "1", ...tests], { cwd: testDir, encoding: "utf8" })
      const dead = run.status !== 0
      if (dead) killed++
      else survived++
      console.log(`${dead ? "KILLED  " : "SURVIVED"} ${path}:${mutant.location.start.line} ${mutant.mutatorName}: ${(mutant.replacement ?? "").slice(0, 70).replace(/\n/g, " ")}`)
    } finally {
      writeFileSync(target, original)
    }
  }
}
console.log(`killed ${killed}, survived ${survived}`)
