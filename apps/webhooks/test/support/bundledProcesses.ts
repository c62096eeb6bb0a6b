import { inject } from "vitest"

declare module "vitest" {
  export interface ProvidedContext {
    /** The directory holding this run's bundle of the receiver's main (test/support/globalSetup.ts). */
    receiverBundleDir: string
  }
}

/**
 * The receiver's `src/main.ts`, bundled once per run by the global setup: through `node --import tsx`, a receiver spent
 * several seconds of CPU in tsx's loader hooks before it listened; bundled, about a second. The one test that starts it
 * as the README does (operators.test.ts) still runs it from source.
 */
export const receiverBundle = () => `${inject("receiverBundleDir")}/main.mjs`
