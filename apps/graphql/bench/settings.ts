type Env = Readonly<Record<string, string | undefined>>

const wholeNumberOf = (name: string, text: string): number => {
  if (!/^[0-9]+$/.test(text) || Number(text) < 1) throw new Error(`${name} must be a whole number above 0, not "${text}"`)
  return Number(text)
}

/**
 * A bench script's whole-number setting (`BENCH_ROUNDS=8`), or `fallback` when unset: anything but a whole number above
 * 0 stops the script naming the setting, rather than running a bench of NaN rounds.
 */
export const wholeNumberSetting = (name: string, fallback: number, env: Env = process.env): number => {
  const text = env[name]?.trim()
  return text === undefined || text === "" ? fallback : wholeNumberOf(name, text)
}

/** A comma-separated list of such numbers (`BENCH_LEVELS=1000,10000`), each checked the same way. */
export const wholeNumbersSetting = (name: string, fallback: ReadonlyArray<number>, env: Env = process.env): ReadonlyArray<number> => {
  const text = env[name]?.trim()
  return text === undefined || text === "" ? fallback : text.split(",").map((part) => wholeNumberOf(name, part.trim()))
}
