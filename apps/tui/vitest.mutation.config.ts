import { mutationTestConfig } from "@carepanel/core/mutation/vitest"
import base from "./vitest.config.js"

/**
 * The terminal UI's tests as Stryker runs them (`npm run mutation`), without the end-to-end test in `test/e2e`: it
 * drives the TUI in tmux on a real pseudo-terminal, as another process that runs the code unmutated (so it kills
 * nothing), and takes minutes.
 */
export default mutationTestConfig(base, ["test/e2e/**"])
