import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { docFiles } from "./support/docFiles.js"
import { run } from "./support/run.js"
import { installable, type Packed, packAll, workspaceRoot } from "./support/tarballs.js"

const scratch = mkdtempSync(join(tmpdir(), "carepanel-embed-"))
let packed: ReadonlyArray<Packed> = []

beforeAll(async () => {
  packed = await packAll(scratch)
})
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const rootDevDependencies = JSON.parse(readFileSync(join(workspaceRoot, "package.json"), "utf8")).devDependencies as Record<string, string>

/** The targets of every export condition an outside project resolves (not the workspace's own source condition). */
const exportTargets = (manifest: Packed["manifest"]) =>
  Object.values(manifest.exports).flatMap((conditions) =>
    Object.entries(conditions)
      .filter(([condition]) => condition !== "@carepanel/source")
      .map(([, target]) => target.replace(/^\.\//, ""))
  )

describe("the installable packages", () => {
  it("pack every one, each with JavaScript and type declarations behind every export and effect as a peer", () => {
    expect(packed.map((pack) => pack.name).sort()).toEqual([...installable].sort())
    for (const { name, files, manifest } of packed) {
      const targets = [...exportTargets(manifest), ...(manifest.types ? [manifest.types.replace(/^\.\//, "")] : [])]
      expect(targets.filter((target) => !files.includes(target)), `${name}: exports missing from the tarball`).toEqual([])
      expect(targets.some((target) => target.endsWith(".d.ts")), `${name}: type declarations`).toBe(true)
      expect(manifest.peerDependencies?.effect, `${name}: effect as a peer dependency`).toBeDefined()
      expect(manifest.dependencies?.effect, `${name}: effect must not be a dependency of its own`).toBeUndefined()
      expect(files.filter((file) => /^(src|test)\//.test(file)), `${name}: no sources or tests`).toEqual([])
    }
  })

  it("install outside the workspace, where docs/embedding.md's example compiles with tsc and runs with node", async () => {
    const service = join(scratch, "service")
    for (const [path, text] of docFiles(join(workspaceRoot, "docs/embedding.md"))) {
      mkdirSync(dirname(join(service, path)), { recursive: true })
      writeFileSync(join(service, path), text)
    }
    const core = packed.find((pack) => pack.name === "@carepanel/core")!
    writeFileSync(
      join(service, "package.json"),
      JSON.stringify({
        name: "case-system-bridge",
        private: true,
        type: "module",
        dependencies: { "@carepanel/core": `file:${core.tarball}`, effect: core.manifest.peerDependencies!.effect, "@types/node": rootDevDependencies["@types/node"] }
      })
    )
    // From npm's cache when it holds everything (CI after one run, or offline); else the registry fills it.
    const install = ["install", "--no-audit", "--no-fund", "--ignore-scripts"]
    await run("npm", [...install, "--offline"], service).catch(() => run("npm", [...install, "--prefer-offline"], service))
    expect(lstatSync(join(service, "node_modules/@carepanel/core")).isSymbolicLink()).toBe(false)

    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc")
    await run(process.execPath, [tsc, "-p", "."], service)
    const { stdout } = await run(process.execPath, ["dist/main.js"], service)

    expect(stdout).toMatch(/^ref_\S+: awaiting_approval, 7 papers$/m)
    expect(stdout).toMatch(/^403 NotPermitted: Only a team manager, head of service or service manager can approve a panel request\.$/m)
    expect(stdout).toMatch(/^\[LIN-3\] Request complete and approved for the sitting on \w{3} \d{1,2} \w{3} \d{4}: due 12:00 .+ - LIN-3: noon on the Friday before/m)
  })
})
