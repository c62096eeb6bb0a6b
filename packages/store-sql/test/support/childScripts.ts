import { inject } from "vitest"

declare module "vitest" {
  export interface ProvidedContext {
    /** The directory holding this run's bundled child scripts (test/support/buildChildScripts.ts). */
    childScriptsDir: string
  }
}

/**
 * The tests' child processes (contract writer and dispatcher, dispatcher crash, development-key race, a sitting cancelled
 * while requests are accepted onto it, reads logged until killed) each run one
 * JavaScript file that the global setup bundles from their TypeScript sources and dependencies (`buildChildScripts.ts`).
 * Run from source through tsx, a contract writer spent 8-10 s of CPU loading effect, the core and the store through
 * tsx's loader hooks; bundled, about 1 s. The package's tests start 55 children.
 */
export type ChildScript = "contractWriter" | "contractDispatcher" | "dispatcherChild" | "devKeyChild" | "sittingRaceChild" | "accessLogChild"

/** The arguments that start `script` with `node`. */
export const childScriptArgs = (script: ChildScript): Array<string> => [`${inject("childScriptsDir")}/${script}.mjs`]
