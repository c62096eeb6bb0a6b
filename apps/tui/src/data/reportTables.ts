import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { addDays, type CsvRow, type PeriodReport, type SittingReport, toCsv } from "@carepanel/core"

/** A table of a report that can be written out as CSV, and the children it names (for the access log). */
export interface ReportTable {
  readonly name: string
  readonly title: string
  readonly rows: ReadonlyArray<CsvRow>
}

export const periodTables = (report: PeriodReport): ReadonlyArray<ReportTable> => [
  { name: "decisions-by-outcome", title: "Decisions by outcome", rows: report.decisionsByOutcome },
  { name: "requests-by-type", title: "Requests by type", rows: report.requestsByType },
  { name: "clocks-by-rule", title: "Clocks by rule", rows: report.clocksByRule },
  { name: "requests", title: "Requests submitted", rows: report.requests },
  { name: "drift", title: "Requests deferred twice or more", rows: report.drift },
  { name: "overdue-actions", title: "Overdue actions", rows: report.overdueActions },
  { name: "disagreements", title: "Disagreements", rows: report.disagreements },
  { name: "placements", title: "Placements (Regulation 24)", rows: report.placements }
]

export const sittingTables = (report: SittingReport): ReadonlyArray<ReportTable> => [
  { name: "items", title: "Agenda items and outcomes", rows: report.items },
  { name: "actions", title: "Actions set", rows: report.actions },
  { name: "clocks", title: "The sitting's clocks", rows: report.clocks },
  { name: "disagreements", title: "Disagreements", rows: report.disagreements }
]

/** The child ids a table names (its `childIds` cells, comma or semicolon separated), for the access log. */
export const childrenIn = (table: ReportTable): ReadonlyArray<string> => [
  ...new Set(
    table.rows.flatMap((row) =>
      typeof row.childIds === "string" ? row.childIds.split(/[;,]\s*/).map((id) => id.trim()).filter((id) => id !== "") : []
    )
  )
]

/** Writes the table as CSV under `dir` (made if missing) and says where: `<report>-<table>.csv`. */
export const writeCsv = (dir: string, report: string, table: ReportTable): string => {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `${report}-${table.name}.csv`)
  writeFileSync(file, toCsv(table.rows))
  return file
}

/** Calendar days from one London date to another. */
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)

/** Counts of the dates in each week of the period (weeks from its first day; the last may be short). */
export const weekly = (period: { readonly from: string; readonly to: string }, dates: ReadonlyArray<string | undefined>): ReadonlyArray<number> => {
  const weeks = Math.floor(daysBetween(period.from, period.to) / 7) + 1
  const counts = Array.from({ length: weeks }, () => 0)
  for (const date of dates) {
    if (date === undefined || date < period.from || date > period.to) continue
    counts[Math.floor(daysBetween(period.from, date) / 7)]! += 1
  }
  return counts
}

/** The eight weeks to `today`, both ends included. */
export const lastEightWeeks = (today: string) => ({ from: addDays(today as never, -55) as string, to: today })

/** A sitting's actions by progress in words: open, completed, outstanding, and those a later decision replaced (LIN-8). */
export const actionsTally = (actions: SittingReport["actions"]): string => {
  const count = (progress: string) => actions.filter((action) => action.progress === progress).length
  const replaced = count("Replaced")
  return `Actions: ${count("Open")} open · ✓ ${count("Completed")} completed · ✗ ${count("Outstanding")} outstanding${replaced === 0 ? "" : ` · ↻ ${replaced} replaced`}`
}
