import { type Env, intSetting } from "@carepanel/app-kit"

/**
 * `BENCH_DELIVERIES`: how many deliveries `bench:profile` sends (default 1,500), read as the receiver reads its own
 * number settings (app-kit's `intSetting`: plain digits, 1 to 10,000,000): anything else stops the bench naming it.
 */
export const benchDeliveries = (env: Env = process.env): number => intSetting(env, "BENCH_DELIVERIES", 1500, 1, 10_000_000)
