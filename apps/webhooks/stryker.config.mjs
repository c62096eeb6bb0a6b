// Mutation testing of the webhook receiver (`npm run mutation -- webhooks src/http/verifySignature.ts` from the
// repository root). See docs/testing.md.
import { strykerConfig } from "@carepanel/core/mutation/stryker"

// Each test file starts a receiver on a real port and its own SQLite store, and plays deliveries over HTTP: more time
// per mutant than the core's, as for the GraphQL app.
export default strykerConfig({ timeoutMS: 30_000, dryRunTimeoutMinutes: 60 })
