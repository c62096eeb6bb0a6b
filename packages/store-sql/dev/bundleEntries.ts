import { readFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs"
import { dirname, extname } from "node:path"
import { pathToFileURL } from "node:url"
import { build, type Plugin } from "esbuild"

/** Native addons cannot be bundled: the processes load them from node_modules. */
const nativeAddonsExternal: Plugin = {
  name: "native-addons-external",
  setup(plugins) {
    plugins.onResolve({ filter: /^(better-sqlite3|pg-native)$/ }, () => ({ external: true }))
  }
}

/**
 * The workspace's sources keep their own `import.meta.url` (and `dirname`, `filename`) in the bundle, so that the files
 * they find beside them (the development webhook sources, the demo authority's policy, the fonts resolved from their
 * package) resolve as from source, wherever the bundle lies.
 */
const sourceLocations: Plugin = {
  name: "source-locations",
  setup(plugins) {
    plugins.onLoad({ filter: /\.tsx?$/ }, (args) => {
      if (args.path.includes("/node_modules/")) return undefined
      const contents = readFileSync(args.path, "utf8")
        .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll("import.meta.dirname", JSON.stringify(dirname(args.path)))
        .replaceAll("import.meta.filename", JSON.stringify(args.path))
      return { contents, loader: extname(args.path) === ".tsx" ? "tsx" : "ts" }
    })
  }
}

/**
 * Bundles each entry (a name and the absolute path of its TypeScript file), with the workspace's sources and its
 * dependencies, into `<name>.mjs` in a directory of its own for this run under `cacheDir` (runs at once never share
 * one): 4-8 s of esbuild's CPU, where each process started through tsx spends 6-15 s more than from its bundle.
 * Returns the directory and its removal. `cacheDir` should be under the app's node_modules, so that the bundles'
 * imports of the native addons resolve as the sources' do. The `require` banner lets the bundled CommonJS dependencies
 * require Node's built-in modules. Used by store-sql's test children (test/support/buildChildScripts.ts) and by the
 * API's and the receiver's test processes (their test/support/globalSetup.ts).
 */
export const bundleEntries = async (cacheDir: string, entries: Readonly<Record<string, string>>): Promise<{ readonly dir: string; readonly remove: () => void }> => {
  mkdirSync(cacheDir, { recursive: true })
  const dir = mkdtempSync(`${cacheDir}/run-`)
  await build({
    entryPoints: Object.entries(entries).map(([name, path]) => ({ in: path, out: name })),
    outdir: dir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    conditions: ["@carepanel/source"],
    banner: { js: 'import { createRequire as bundleRequire } from "node:module"; const require = bundleRequire(import.meta.url);' },
    plugins: [nativeAddonsExternal, sourceLocations],
    logLevel: "error"
  })
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
