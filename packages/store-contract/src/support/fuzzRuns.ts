type Env = Readonly<Record<string, string | undefined>>

const most = 100_000

/**
 * The command fuzz's runs: `CAREPANEL_FUZZ_RUNS` in plain decimal digits (1 to 100,000), else `fallback`. The rule of
 * the apps' number settings (app-kit's `intSetting`) and the store's (store-sql's `plainNumberOf`), written out here
 * because this package may import neither: store-sql runs this contract, and app-kit belongs to the apps. `parseInt`
 * read "1e3" as 1 run and "12abc" as 12; anything but plain digits now stops the test file naming the setting.
 */
export const fuzzRunsOf = (fallback: number, env: Env = process.env): number => {
  const text = env.CAREPANEL_FUZZ_RUNS?.trim()
  if (text === undefined || text === "") return fallback
  const runs = /^\d+$/.test(text) ? Number(text) : Number.NaN
  if (!(runs >= 1 && runs <= most)) throw new Error(`CAREPANEL_FUZZ_RUNS must be a whole number from 1 to ${most}, not "${text}"`)
  return runs
}
