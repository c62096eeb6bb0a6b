// `npm run typecheck`: the whole repository in two tsc programs run side by side, instead of one per package. Each
// package's own check (`npm run -w <pkg> typecheck`) would read and check core's sources again through the
// `@carepanel/source` condition, so core's sources were checked once per package. The GraphQL app has a program of
// its own because its server's types bring in the DOM library, which the other packages must not see (their fetch
// is Node's).
import { spawn } from "node:child_process"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc")
const programs = ["../tsconfig.check.json", "../apps/graphql/tsconfig.json"].map((path) => fileURLToPath(new URL(path, import.meta.url)))

const run = (project) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, "-p", project, "--noEmit"], { stdio: "inherit" })
    child.once("exit", (code, signal) => resolve({ project, code: code ?? signal }))
  })

const failed = (await Promise.all(programs.map(run))).filter((result) => result.code !== 0)
for (const { project, code } of failed) console.error(`tsc -p ${project} failed (${code})`)
process.exitCode = failed.length === 0 ? 0 : 1
