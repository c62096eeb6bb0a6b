// Mutation testing of notify-email (`npm run mutation -- notify-email src` from the repository root). See docs/testing.md.
import { strykerConfig } from "@carepanel/core/mutation/stryker"

export default strykerConfig()
