import { InvalidReportPeriod } from "@carepanel/core"
import { builder } from "../builder.js"
import { refusalType } from "../errors/domainError.js"
import { reportCatalogue, type ReportName, reportNames, runReport } from "../../reports/catalogue.js"
import { read } from "../run.js"

const InvalidPeriod = refusalType("InvalidReportPeriod", InvalidReportPeriod, {}, "A period or year a report cannot be made for.")

const ReportNameEnum = builder.enumType("ReportName", {
  values: Object.fromEntries(reportNames.map((name) => [name.replaceAll("-", "_"), { value: name, description: reportCatalogue[name].description }])) as Record<string, { value: ReportName }>
})

interface ReportTable {
  readonly name: string
  readonly csvPath: string
}

const ReportTableRef = builder.objectRef<ReportTable>("ReportTable").implement({
  description: "A table of the report, to download as CSV (GET with the same bearer token).",
  fields: (t) => ({ name: t.exposeString("name"), csvPath: t.exposeString("csvPath") })
})

interface ReportResult {
  readonly name: ReportName
  readonly data: unknown
  readonly query: string
}

const ReportRef = builder.objectRef<ReportResult>("Report").implement({
  description: "A panel report (core's Reports) for the caller's authority.",
  fields: (t) => ({
    name: t.field({ type: ReportNameEnum, resolve: (report) => report.name }),
    title: t.string({ resolve: (report) => reportCatalogue[report.name].title }),
    data: t.field({ type: "JSON", description: "The whole report.", resolve: (report) => report.data }),
    tables: t.field({
      type: [ReportTableRef],
      resolve: (report) =>
        Object.keys(reportCatalogue[report.name].tables).map((table) => ({ name: table, csvPath: `/reports/${report.name}-${table}.csv${report.query}` }))
    })
  })
})

builder.queryField("report", (t) =>
  t.field({
    type: ReportRef,
    description: "A report (panel management and auditors): period and edge_of_care take from/to, annual takes year (and firstMonth), sitting takes sittingId.",
    args: { name: t.arg({ type: ReportNameEnum, required: true }), from: t.arg({ type: "Date" }), to: t.arg({ type: "Date" }), year: t.arg.int(), firstMonth: t.arg.int(), sittingId: t.arg.id() },
    errors: { types: [InvalidPeriod] },
    resolve: (_root, { name, ...args }, context) => {
      const params = Object.fromEntries(Object.entries(args).filter(([, value]) => value !== null && value !== undefined).map(([key, value]) => [key, String(value)]))
      return read(context, (actor) => runReport(actor, name as ReportName, params)).then((data) => ({
        name: name as ReportName,
        data,
        query: `?${new URLSearchParams(params).toString()}`
      }))
    }
  })
)
