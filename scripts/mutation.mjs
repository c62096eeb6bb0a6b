// `npm run mutation -- <package> <folder or file>`: StrykerJS over one folder (or one file) of one package, e.g.
// `npm run mutation -- core src/deadlines`. A package takes part once it has a stryker.config.mjs (see docs/testing.md).
import { spawnSync } from "node:child_process"
import { existsSync, readdirSync } from "node:fs"
import { join } from "node:path"

const root = join(import.meta.dirname, "..")
const packages = ["packages", "apps"].flatMap((group) =>
  readdirSync(join(root, group)).map((name) => ({ name, dir: join(root, group, name) }))
)
const ready = packages.filter(({ dir }) => existsSync(join(dir, "stryker.config.mjs")))

const fail = (message) => {
  console.error(message)
  process.exit(2)
}

const [name, target, ...rest] = process.argv.slice(2)
const usage = `Usage: npm run mutation -- <package> <folder or .ts file> [stryker options]
  e.g. npm run mutation -- core src/deadlines
Packages with mutation testing: ${ready.map((p) => p.name).join(", ")}. One folder at a time: a run takes minutes.`
if (name === undefined || target === undefined) fail(usage)
const chosen = packages.find((p) => p.name === name)
if (chosen === undefined) fail(`No package called "${name}".\n${usage}`)
if (!ready.includes(chosen)) fail(`${name} has no stryker.config.mjs: mutation testing is not set up there yet.\n${usage}`)
const folder = target.replace(/\/+$/, "")
if (!existsSync(join(chosen.dir, folder))) fail(`${name} has no ${folder}.\n${usage}`)

const mutate = folder.endsWith(".ts") ? folder : `${folder}/**/*.ts,!${folder}/**/index.ts`
const run = spawnSync("npx", ["stryker", "run", "--mutate", mutate, ...rest], { cwd: chosen.dir, stdio: "inherit" })
process.exit(run.status ?? 1)
