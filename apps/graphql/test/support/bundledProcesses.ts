import { inject } from "vitest"

declare module "vitest" {
  export interface ProvidedContext {
    /** The directory holding this run's bundles of the API's main job and dev-token script (test/support/globalSetup.ts). */
    apiBundlesDir: string
  }
}

/**
 * The API's processes the tests start, bundled once per run by the global setup (this app's, and the webhook
 * receiver's for its API-to-receiver test). Through `node --import tsx`, a main job spent several seconds of CPU in
 * tsx's loader hooks before its first line; bundled, about a second. The one test that runs `src/main.ts` as the README
 * runs it (mainJob.test.ts, "seeds a fictional authority on first start") still starts it from source.
 */
export type ApiBundle = "main" | "devToken"

/** The file that `node` runs to start `bundle`. */
export const apiBundle = (bundle: ApiBundle) => `${inject("apiBundlesDir")}/${bundle}.mjs`
