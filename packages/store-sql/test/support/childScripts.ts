import { fileURLToPath } from "node:url"

/**
 * The tests' child processes (contract writer and dispatcher, dispatcher crash, development-key race) each run one
 * JavaScript file that the global setup bundles from their TypeScript sources and dependencies (`buildChildScripts.ts`).
 * Run from source through tsx, a contract writer spent 8-10 s of CPU loading effect, the core and the store through
 * tsx's loader hooks; bundled, about 1 s. The package's tests start about 40 children.
 */
export type ChildScript = "contractWriter" | "contractDispatcher" | "dispatcherChild" | "devKeyChild"

export const childScripts: ReadonlyArray<ChildScript> = ["contractWriter", "contractDispatcher", "dispatcherChild", "devKeyChild"]

/** Under the package's node_modules, so that the bundles' imports of the native addons (better-sqlite3) resolve as the sources' do. */
export const childScriptsDir = fileURLToPath(new URL("../../node_modules/.cache/store-sql-test-children/", import.meta.url))

/** The arguments that start `script` with `node`. */
export const childScriptArgs = (script: ChildScript): Array<string> => [`${childScriptsDir}${script}.mjs`]
