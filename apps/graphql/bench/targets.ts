/** A target of issue 16: a measured figure that should be at most `target`; missed by over 20% fails the bench. */
export interface Check {
  readonly name: string
  readonly measured: number
  readonly target: number
}

export const tolerance = 1.2

export const checkOf = (name: string, measured: number, target: number): Check => ({ name, measured, target })

const verdictOf = (check: Check) =>
  check.measured <= check.target ? "met" : check.measured <= check.target * tolerance ? "missed by under 20%" : "MISSED"

export const printTable = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>) => {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((cells) => cells[i]!.length)))
  const line = (cells: ReadonlyArray<string>) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ")} |`
  console.log([line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n"))
}

/** Prints every target with its figure; true when one is missed by more than 20%. */
export const printChecks = (checks: ReadonlyArray<Check>): boolean => {
  console.log("\nTargets (issue 16, items 1-2; a miss by more than 20% fails the bench):")
  printTable(
    ["target", "measured", "at most", "result"],
    checks.map((check) => [check.name, check.measured.toFixed(check.measured < 10 ? 2 : 0), String(check.target), verdictOf(check)])
  )
  return checks.some((check) => verdictOf(check) === "MISSED")
}
