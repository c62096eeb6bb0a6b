import { mkdirSync, mkdtempSync, rmSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { build, type Plugin } from "esbuild"
import type { ChildScript } from "./childScripts.js"

/** Under the package's node_modules, so that the bundles' imports of the native addons (better-sqlite3) resolve as the sources' do. */
const cacheDir = fileURLToPath(new URL("../../node_modules/.cache/store-sql-test-children/", import.meta.url))

const childScripts: ReadonlyArray<ChildScript> = ["contractWriter", "contractDispatcher", "dispatcherChild", "devKeyChild"]

/** Native addons cannot be bundled: the children load them from node_modules. */
const nativeAddonsExternal: Plugin = {
  name: "native-addons-external",
  setup(plugins) {
    plugins.onResolve({ filter: /^(better-sqlite3|pg-native)$/ }, () => ({ external: true }))
  }
}

/**
 * Bundles each child script, with the workspace's sources and its dependencies, into a directory of its own for this
 * run (runs at once, as Stryker's, never share one), about a second. Returns the directory and its removal. The
 * `require` banner lets the bundled CommonJS dependencies (pg, better-sqlite3's loader) require Node's built-in modules.
 */
export const buildChildScripts = async (): Promise<{ readonly dir: string; readonly remove: () => void }> => {
  mkdirSync(cacheDir, { recursive: true })
  const dir = mkdtempSync(`${cacheDir}run-`)
  await build({
    entryPoints: childScripts.map((script) => fileURLToPath(new URL(`./${script}.ts`, import.meta.url))),
    outdir: dir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    conditions: ["@carepanel/source"],
    banner: { js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);' },
    plugins: [nativeAddonsExternal],
    logLevel: "error"
  })
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
