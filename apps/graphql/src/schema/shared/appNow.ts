import { Clock } from "effect"
import type { GraphQLContext } from "../../graphql/context.js"

/**
 * Now in epoch milliseconds by the app's clock: the one the core computes clocks and states with (a test or a demo
 * may move it), so a field that compares with now agrees with them.
 */
export const appNow = (context: GraphQLContext): Promise<number> => context.run(Clock.currentTimeMillis)
