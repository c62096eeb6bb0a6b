import { toCsv } from "@carepanel/core"
import type { Runner } from "../graphql/context.js"
import { reportCatalogue, type ReportName, reportNames, runReport, tableColumns, tableRows } from "../reports/catalogue.js"
import { sendError, sendText } from "./respond.js"
import type { Route } from "./server.js"

/** `period-requests` -> the period report's `requests` table. */
const csvTables = new Map<string, { readonly report: ReportName; readonly field: string }>(
  reportNames.flatMap((report) => Object.entries(reportCatalogue[report].tables).map(([table, field]) => [`${report}-${table}`, { report, field }] as const))
)

export const csvNames = [...csvTables.keys()]

const statusOf: Readonly<Record<string, number>> = { NotPermitted: 403, NotFound: 404, InvalidInput: 400, InvalidReportPeriod: 400 }

/**
 * `/reports/<report>-<table>.csv?...`: one table of a core report as CSV (RFC 4180, formula cells guarded), for
 * the caller's authority, authenticated like the API. E.g. `/reports/period-requests.csv?from=2027-06-01&to=2027-06-30`.
 */
export const reportsRoute = (run: Runner): Route => ({
  matches: (url) => url.pathname.startsWith("/reports/"),
  handle: async (_req, res, url, caller) => {
    const match = /^\/reports\/([a-z-]+)\.csv$/.exec(url.pathname)
    const table = match ? csvTables.get(match[1]!) : undefined
    if (table === undefined) return sendError(res, 404, "NOT_FOUND", `There is no such report. Reports: ${csvNames.map((name) => `${name}.csv`).join(", ")}.`)
    try {
      const report = await run(runReport(caller.actor, table.report as ReportName, Object.fromEntries(url.searchParams)))
      sendText(res, 200, "text/csv; charset=utf-8", toCsv(tableRows(report, table.field), tableColumns(table.report, table.field)), {
        "Content-Disposition": `attachment; filename="${match![1]}.csv"`
      })
    } catch (error) {
      const tag = (error as { _tag?: string })._tag
      if (tag !== undefined && statusOf[tag] !== undefined) return sendError(res, statusOf[tag]!, tag, (error as Error).message)
      throw error
    }
  }
})
