import { plainNumberOf } from "../src/config/plainNumber.js"

type Env = Readonly<Record<string, string | undefined>>

/** The largest any bench or test setting here sensibly takes (a million tamperings, the 100,000-row query level). */
const most = 10_000_000

/**
 * A bench's or a test's whole-number setting (`BENCH_ENGLAND_OPEN=5000`), or `fallback` when unset, read as the store
 * reads its own (plain decimal digits, `plainNumberOf`; app-kit's `intSetting`, which the apps use, is not a
 * dependency of this package): anything else (`1e3`, `12abc`, `-5`, `0`) stops the script naming the setting, rather
 * than running on a number nobody meant.
 */
export const wholeNumberSetting = (name: string, fallback: number, env: Env = process.env): number => {
  const text = env[name]?.trim()
  return text === undefined || text === "" ? fallback : wholeNumberOf(name, text)
}

/** A comma-separated list of such numbers (`BENCH_ENGLAND_SAMPLE=1,77,153`), each checked the same way; undefined when unset. */
export const wholeNumbersSetting = (name: string, env: Env = process.env): ReadonlyArray<number> | undefined => {
  const text = env[name]?.trim()
  return text === undefined || text === "" ? undefined : text.split(",").map((part) => wholeNumberOf(name, part.trim()))
}

const wholeNumberOf = (name: string, text: string): number => {
  const value = plainNumberOf(text)
  if (!Number.isInteger(value) || value < 1 || value > most) throw new Error(`${name} must be a whole number from 1 to ${most}, not "${text}"`)
  return value
}
