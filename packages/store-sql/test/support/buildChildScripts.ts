import { fileURLToPath } from "node:url"
import { build, type Plugin } from "esbuild"
import { childScripts, childScriptsDir } from "./childScripts.js"

/** Native addons cannot be bundled: the children load them from node_modules. */
const nativeAddonsExternal: Plugin = {
  name: "native-addons-external",
  setup(plugins) {
    plugins.onResolve({ filter: /^(better-sqlite3|pg-native)$/ }, () => ({ external: true }))
  }
}

/**
 * Bundles each child script, with the workspace's sources and its dependencies, into `childScriptsDir` (about a
 * second, once per test run). The `require` banner lets the bundled CommonJS dependencies (pg, better-sqlite3's
 * loader) require Node's built-in modules from an ES module.
 */
export const buildChildScripts = async (): Promise<void> => {
  await build({
    entryPoints: childScripts.map((script) => fileURLToPath(new URL(`./${script}.ts`, import.meta.url))),
    outdir: childScriptsDir,
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
}
