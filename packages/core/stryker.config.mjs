// Mutation testing of the core (`npm run mutation -- core src/deadlines` from the repository root). See docs/testing.md.
import { strykerConfig } from "@carepanel/core/mutation/stryker"

export default strykerConfig()
