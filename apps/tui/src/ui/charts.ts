/** Bar charts and sparklines drawn with block characters; the caller always prints the numbers beside them. */

const eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
const levels = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

/** A horizontal bar of `value` out of `max`, at most `width` cells, in eighths of a cell; no bar for nothing. */
export const bar = (value: number, max: number, width: number): string => {
  if (max <= 0 || value <= 0 || width <= 0) return ""
  const units = Math.max(1, Math.round((Math.min(value, max) / max) * width * 8))
  return "█".repeat(Math.floor(units / 8)) + eighths[units % 8]
}

/** One character per value, ▁ (none or the least) to █ (the most). */
export const sparkline = (values: ReadonlyArray<number>): string => {
  const max = Math.max(0, ...values)
  return values.map((value) => (max <= 0 || value <= 0 ? levels[0] : levels[Math.max(1, Math.ceil((value / max) * 7))])).join("")
}
