// Mutation testing of the terminal UI (`npm run mutation -- tui src/ui/describe.ts` from the repository root). See
// docs/testing.md.
import { strykerConfig } from "@carepanel/core/mutation/stryker"

// A screen's test seeds the demonstration authority in memory and draws Ink frames, and two tests start the TUI as a
// process: more time per mutant than the core's, as for the GraphQL app.
export default strykerConfig({ timeoutMS: 30_000, dryRunTimeoutMinutes: 60 })
