// Mutation testing of notify-webhook (`npm run mutation -- notify-webhook src` from the repository root). See docs/testing.md.
import { strykerConfig } from "@carepanel/core/mutation/stryker"

export default strykerConfig()
