import { fileURLToPath } from "node:url"
import { bundleEntries } from "../../dev/bundleEntries.js"
import type { ChildScript } from "./childScripts.js"

/** Under the package's node_modules, so that the bundles' imports of the native addons (better-sqlite3) resolve as the sources' do. */
const cacheDir = fileURLToPath(new URL("../../node_modules/.cache/store-sql-test-children", import.meta.url))

const childScripts: ReadonlyArray<ChildScript> = ["contractWriter", "contractDispatcher", "dispatcherChild", "devKeyChild", "sittingRaceChild", "accessLogChild"]

/**
 * Bundles each child script into a directory of its own for this run (runs at once, as Stryker's, never share one),
 * about a second. Returns the directory and its removal.
 */
export const buildChildScripts = (): Promise<{ readonly dir: string; readonly remove: () => void }> =>
  bundleEntries(cacheDir, Object.fromEntries(childScripts.map((script) => [script, fileURLToPath(new URL(`./${script}.ts`, import.meta.url))])))
