import { Schema } from "effect"

/** How a set of durations spreads: count, median, 90th percentile, mean, least and most (days, 2 decimals). */
export const Stats = Schema.Struct({
  count: Schema.Int,
  median: Schema.UndefinedOr(Schema.Number),
  p90: Schema.UndefinedOr(Schema.Number),
  mean: Schema.UndefinedOr(Schema.Number),
  min: Schema.UndefinedOr(Schema.Number),
  max: Schema.UndefinedOr(Schema.Number)
})
export type Stats = typeof Stats.Type

export const round = (value: number, places = 2): number => {
  const factor = 10 ** places
  return Math.round(value * factor) / factor
}

/** Finite values in numeric order (never the default sort, which orders 10 before 9). */
export const sortNumbers = (values: ReadonlyArray<number>): ReadonlyArray<number> =>
  values.filter(Number.isFinite).sort((a, b) => a - b)

/**
 * The p-quantile of sorted values by linear interpolation between closest ranks (Hyndman and Fan type 7, what
 * R, NumPy and a spreadsheet's PERCENTILE.INC give): the median of an even count is the mean of the middle two.
 */
export const quantile = (sorted: ReadonlyArray<number>, p: number): number | undefined => {
  if (sorted.length === 0) return undefined
  const rank = (sorted.length - 1) * Math.min(1, Math.max(0, p))
  const below = Math.floor(rank)
  const lower = sorted[below]!
  const upper = sorted[Math.min(below + 1, sorted.length - 1)]!
  return lower + (rank - below) * (upper - lower)
}

export const median = (values: ReadonlyArray<number>): number | undefined => quantile(sortNumbers(values), 0.5)

const rounded = (value: number | undefined) => (value === undefined ? undefined : round(value))

export const statsOf = (values: ReadonlyArray<number>): Stats => {
  const sorted = sortNumbers(values)
  const sum = sorted.reduce((total, value) => total + value, 0)
  return {
    count: sorted.length,
    median: rounded(quantile(sorted, 0.5)),
    p90: rounded(quantile(sorted, 0.9)),
    mean: sorted.length === 0 ? undefined : round(sum / sorted.length),
    min: sorted[0],
    max: sorted[sorted.length - 1]
  }
}

/** part / whole to 3 decimals; undefined when there is no whole to divide by. */
export const rate = (part: number, whole: number): number | undefined => (whole === 0 ? undefined : round(part / whole, 3))
