import {
  type Actor,
  AnnualActivityReview,
  type CsvRow,
  EdgeOfCareSummary,
  LocalDate,
  PeriodReport,
  Reports,
  SittingId,
  SittingReport
} from "@carepanel/core"
import { Effect, Schema, SchemaAST } from "effect"
import { decodeArgs, optional } from "../graphql/decodeInput.js"

export type ReportName = "period" | "sitting" | "edge-of-care" | "annual"

/** A report of core's Reports, its parameters, and the tables in it that download as CSV. */
interface ReportDefinition<P, R, RI> {
  readonly title: string
  readonly description: string
  readonly parameters: Schema.Schema<P, Record<string, unknown>>
  readonly schema: Schema.Schema<R, RI>
  readonly make: (actor: Actor, params: P) => Effect.Effect<R, unknown, Reports>
  /** CSV name (kebab-case) -> the field of the report holding the rows. */
  readonly tables: Readonly<Record<string, string>>
}

const Range = Schema.Struct({ from: LocalDate, to: LocalDate }) as unknown as Schema.Schema<{ from: LocalDate; to: LocalDate }, Record<string, unknown>>
const YearParams = Schema.Struct({
  year: Schema.NumberFromString.pipe(Schema.int()),
  firstMonth: optional(Schema.NumberFromString.pipe(Schema.int()))
}) as unknown as Schema.Schema<{ year: number; firstMonth?: number }, Record<string, unknown>>
const SittingParams = Schema.Struct({ sittingId: SittingId }) as unknown as Schema.Schema<{ sittingId: SittingId }, Record<string, unknown>>

const define = <P, R, RI>(definition: ReportDefinition<P, R, RI>) => definition

export const reportCatalogue = {
  period: define({
    title: "Panel activity over a period",
    description: "Requests, decisions, time to decision, drift, overdue actions, clocks by rule, disagreements and placements between two London dates (from, to).",
    parameters: Range,
    schema: PeriodReport,
    make: (actor, range) => Effect.flatMap(Reports, (reports) => reports.period(actor, range)),
    tables: {
      "requests-by-type": "requestsByType",
      "decisions-by-outcome": "decisionsByOutcome",
      requests: "requests",
      drift: "drift",
      "overdue-actions": "overdueActions",
      "clocks-by-rule": "clocksByRule",
      disagreements: "disagreements",
      "disagreements-by-outcome": "disagreementsByOutcome",
      placements: "placements"
    }
  }),
  sitting: define({
    title: "One sitting",
    description: "A sitting's agenda with outcomes, its actions, disagreements and clocks (sittingId).",
    parameters: SittingParams,
    schema: SittingReport,
    make: (actor, { sittingId }) => Effect.flatMap(Reports, (reports) => reports.sitting(actor, sittingId)),
    tables: { items: "items", actions: "actions", disagreements: "disagreements", clocks: "clocks" }
  }),
  "edge-of-care": define({
    title: "Edge-of-care summary (KNO-3)",
    description: "Demand, capacity and impact of edge-of-care services between two London dates (from, to).",
    parameters: Range,
    schema: EdgeOfCareSummary,
    make: (actor, range) => Effect.flatMap(Reports, (reports) => reports.edgeOfCare(actor, range)),
    tables: { months: "months", capacity: "capacity", "capacity-by-month": "capacityByMonth", children: "children" }
  }),
  annual: define({
    title: "Annual activity review (LIN-10)",
    description: "A reporting year month by month (year, and firstMonth 4 for April to March).",
    parameters: YearParams,
    schema: AnnualActivityReview,
    make: (actor, { year, firstMonth }) => Effect.flatMap(Reports, (reports) => reports.annual(actor, year, firstMonth === undefined ? {} : { firstMonth })),
    tables: { months: "months", "requests-by-type": "requestsByType", "clocks-by-rule": "clocksByRule", "disagreements-by-outcome": "disagreementsByOutcome" }
  })
} as const satisfies Record<ReportName, unknown>

export const reportNames = Object.keys(reportCatalogue) as ReadonlyArray<ReportName>

/** Runs a report for the caller with raw parameters (strings, as in a URL), returning it encoded as JSON-safe data. */
export const runReport = (actor: Actor, name: ReportName, raw: Readonly<Record<string, unknown>>) => {
  const definition = reportCatalogue[name] as unknown as ReportDefinition<unknown, unknown, unknown>
  return decodeArgs(definition.parameters, raw).pipe(
    Effect.flatMap((params) => definition.make(actor, params)),
    Effect.flatMap((report) => Schema.encode(definition.schema)(report).pipe(Effect.orDie)),
    Effect.map((encoded) => encoded as Readonly<Record<string, unknown>>)
  )
}

/** A table of an encoded report, as CSV rows (nested values, if any, as JSON text). */
export const tableRows = (report: Readonly<Record<string, unknown>>, field: string): ReadonlyArray<CsvRow> =>
  ((report[field] as ReadonlyArray<Record<string, unknown>> | undefined) ?? []).map((row) =>
    Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value !== null && typeof value === "object" ? JSON.stringify(value) : (value as CsvRow[string])]))
  )

/** A table's columns, from the report's schema: the header of a CSV that has no rows. */
export const tableColumns = (name: ReportName, field: string): ReadonlyArray<string> => {
  const report = SchemaAST.encodedAST(reportCatalogue[name].schema.ast)
  const table = SchemaAST.isTypeLiteral(report) ? report.propertySignatures.find((signature) => signature.name === field)?.type : undefined
  const row = table !== undefined && SchemaAST.isTupleType(table) ? table.rest[0]?.type : undefined
  return row !== undefined && SchemaAST.isTypeLiteral(row) ? row.propertySignatures.map((signature) => String(signature.name)) : []
}
