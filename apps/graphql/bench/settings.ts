import { type Env, intSetting } from "@carepanel/app-kit"

/** The largest any bench setting sensibly takes (100,000 requests in the store is the bench's largest level). */
const most = 10_000_000

/**
 * A bench script's whole-number setting (`BENCH_ROUNDS=8`), or `fallback` when unset, read as the apps read theirs
 * (app-kit's `intSetting`: plain digits, 1 to 10,000,000): anything else stops the script naming the setting, rather
 * than running a bench of NaN rounds.
 */
export const wholeNumberSetting = (name: string, fallback: number, env: Env = process.env): number => intSetting(env, name, fallback, 1, most)

/** A comma-separated list of such numbers (`BENCH_LEVELS=1000,10000`), each checked the same way (an empty one refused too). */
export const wholeNumbersSetting = (name: string, fallback: ReadonlyArray<number>, env: Env = process.env): ReadonlyArray<number> => {
  const text = env[name]?.trim()
  return text === undefined || text === "" ? fallback : text.split(",").map((part) => intSetting({ [name]: part.trim() || "(empty)" }, name, 0, 1, most))
}
