import { londonDateOf, type PeriodReport, Reports as ReportsService, SittingId, type SittingReport, Sittings } from "@carepanel/core"
import { Box } from "ink"
import { Text } from "../ui/Text.js"
import { DateTime, Effect } from "effect"
import { useState } from "react"
import { actionsTally, childrenIn, lastEightWeeks, periodTables, type ReportTable, sittingTables, weekly, writeCsv } from "../data/reportTables.js"
import { bar, sparkline } from "../ui/charts.js"
import { useCore, useLoad } from "../ui/CoreContext.js"
import { counted, pad, sittingWhen } from "../ui/describe.js"
import { Form, type Values } from "../ui/Form.js"
import type { KeyHelp } from "../ui/keys.js"
import { List, useSelection } from "../ui/List.js"
import { useNavigation } from "../ui/Navigation.js"
import { useTypingMode } from "../ui/useCommand.js"
import { recordShown } from "../ui/useLoggedRead.js"
import { useKeys } from "../ui/useKeys.js"

export const reportsKeys: ReadonlyArray<KeyHelp> = [
  { keys: "tab", does: "period report / sitting report" },
  { keys: "p", does: "choose the period (from and to, YYYY-MM-DD)" },
  { keys: "< >", does: "previous / next sitting" },
  { keys: "j k", does: "choose a table" },
  { keys: "e", does: "export the chosen table to a CSV file (the status line says where)" }
]

interface Chart {
  readonly label: string
  readonly value: number
  readonly words: string
}

/** Labelled bars with the number and what it counts beside each: the bar is never the only carrier. */
const Bars = ({ title, rows, width }: { readonly title: string; readonly rows: ReadonlyArray<Chart>; readonly width: number }) => {
  const max = Math.max(0, ...rows.map((row) => row.value))
  return (
    <>
      <Text bold>{title}</Text>
      {rows.map((row) => (
        <Text key={row.label} wrap="truncate-end">{`  ${pad(row.label, 14)} ${pad(bar(row.value, max, width), width)} ${row.words}`}</Text>
      ))}
    </>
  )
}

const Spark = ({ label, values }: { readonly label: string; readonly values: ReadonlyArray<number> }) => (
  <Text wrap="truncate-end">{`${pad(label, 24)} ${sparkline(values)}  ${values.reduce((a, b) => a + b, 0)} in all, most ${Math.max(0, ...values)} a week (${values.join(" ")})`}</Text>
)

const PeriodView = ({ report, width }: { readonly report: PeriodReport; readonly width: number }) => {
  const { summary } = report
  const rate = summary.deferralRate === undefined ? "no decisions" : `${Math.round(summary.deferralRate * 100)}% deferred`
  return (
    <>
      <Text wrap="truncate-end">{`${counted(summary.requestsSubmitted, "request")} (${counted(summary.childrenInRequests, "child", "children")}) · ${counted(summary.decisions, "decision")}, ${rate} · ‼ ${counted(summary.overdueActions, "action")} overdue · ${counted(summary.placementsLive, "placement")} live`}</Text>
      <Spark label="Requests submitted/week" values={weekly(report.period, report.requests.map((row) => row.submittedOn))} />
      <Spark label="First decisions/week" values={weekly(report.period, report.requests.map((row) => row.firstDecisionOn))} />
      <Bars
        title="Decisions by outcome"
        width={width}
        rows={report.decisionsByOutcome.map((row) => ({ label: row.outcome, value: row.total, words: `${row.total} (${row.atPanel} at panel, ${row.outsidePanel} outside)` }))}
      />
    </>
  )
}

const SittingView = ({ report, width }: { readonly report: SittingReport; readonly width: number }) => {
  const { summary } = report
  // Only where there were any: a sitting without cover reads as it did. "Confirmed only": said they would come, and were
  // not then recorded present (before the sitting, who is expected; after it, attendance not taken).
  const cover = [summary.deputies > 0 ? `${summary.deputies} deputising` : "", summary.represented > 0 ? `${summary.represented} represented` : ""].filter((words) => words !== "")
  return (
    <>
      <Text wrap="truncate-end">{`${summary.items} items · ${summary.children} children · ${summary.present} present${summary.confirmed > 0 ? `, ${summary.confirmed} confirmed only` : ""}, ${summary.apologies} apologies${cover.map((words) => `, ${words}`).join("")} · ${summary.actions} actions (‼ ${summary.actionsMissed} missed) · ${summary.recordsUploaded} records uploaded`}</Text>
      <Bars
        title="Outcomes"
        width={width}
        rows={[
          { label: "approve", value: summary.approved, words: `${summary.approved} approved` },
          { label: "decline", value: summary.declined, words: `${summary.declined} declined` },
          { label: "defer", value: summary.deferred, words: `${summary.deferred} deferred (${summary.repeatDeferrals} repeat)` },
          { label: "undecided", value: summary.undecided, words: `${summary.undecided} not decided` }
        ]}
      />
      <Text wrap="truncate-end">{actionsTally(report.actions)}</Text>
    </>
  )
}

const PeriodForm = ({ values, onChange, onDone, onCancel }: { readonly values: Values; readonly onChange: (values: Values) => void; readonly onDone: (values: Values) => void; readonly onCancel: () => void }) => {
  const { helpOpen } = useNavigation()
  useTypingMode()
  return (
    <Form
      title="The report's period (London dates, both included)"
      fields={[
        { key: "from", label: "From (YYYY-MM-DD)" },
        { key: "to", label: "To (YYYY-MM-DD)" }
      ]}
      values={values}
      onChange={onChange}
      onSubmit={onDone}
      onCancel={onCancel}
      active={!helpOpen}
    />
  )
}

/** Period and sitting reports from the core's Reports, drawn as bars and sparklines with their numbers; tables to CSV. */
export const Reports = () => {
  const { actor, run, exportDir } = useCore()
  const navigation = useNavigation()
  const [view, setView] = useState<"period" | "sitting">("period")
  const [period, setPeriod] = useState<{ readonly from: string; readonly to: string } | undefined>(undefined)
  const [editing, setEditing] = useState<Values | undefined>(undefined)
  const [sittingAt, setSittingAt] = useState(0)
  const { data, error } = useLoad(
    () =>
      Effect.gen(function* () {
        const now = yield* DateTime.now
        const range = period ?? lastEightWeeks(londonDateOf(now))
        const reports = yield* ReportsService
        const sittings = (yield* Effect.flatMap(Sittings, (use) => use.list(actor)))
          .filter((sitting) => sitting.cancelled === undefined && DateTime.lessThanOrEqualTo(sitting.startsAt, now))
          .reverse()
        const sitting = sittings[Math.min(sittingAt, sittings.length - 1)]
        return {
          periodReport: yield* reports.period(actor, range),
          sitting,
          sittings: sittings.length,
          sittingReport: sitting === undefined ? undefined : yield* reports.sitting(actor, SittingId.make(sitting.id))
        }
      }),
    [actor, period, sittingAt]
  )
  const tables: ReadonlyArray<ReportTable> =
    data === undefined ? [] : view === "period" ? periodTables(data.periodReport) : data.sittingReport === undefined ? [] : sittingTables(data.sittingReport)
  const [chosen] = useSelection(tables.length, navigation.keysLive)
  const exportTable = async () => {
    const table = tables[chosen]
    if (data === undefined || table === undefined) return
    const name = view === "period" ? `period-${data.periodReport.period.from}-to-${data.periodReport.period.to}` : `sitting-${data.sitting?.date ?? "none"}`
    // An export that cannot be logged is not written: a read that cannot be traced does not happen.
    const logged = await run(recordShown(actor, childrenIn(table), [`export:${table.name}`], "tui: Reports"))
    if (!logged.ok) return navigation.say({ kind: "refused", text: `Nothing was exported: ${logged.message}` })
    try {
      const file = writeCsv(exportDir, name, table)
      navigation.say({ kind: "done", text: `Wrote ${table.rows.length} rows of "${table.title}" to ${file}` })
    } catch (problem) {
      navigation.say({ kind: "refused", text: `Could not write the CSV file in ${exportDir}: ${(problem as Error).message}` })
    }
  }
  useKeys((input, key) => {
    if (key.tab) return setView(view === "period" ? "sitting" : "period")
    if (input === "p" && data !== undefined) return setEditing({ from: data.periodReport.period.from, to: data.periodReport.period.to })
    if (input === "<") return setSittingAt((at) => Math.min(Math.max(0, (data?.sittings ?? 1) - 1), at + 1))
    if (input === ">") return setSittingAt((at) => Math.max(0, at - 1))
    if (input === "e") exportTable()
  }, navigation.keysLive)
  /** A period the core refuses keeps the form open with what was typed, and says why on the status line. */
  const choose = async (values: Values) => {
    const range = { from: values.from ?? "", to: values.to ?? "" }
    const checked = await run(Effect.flatMap(ReportsService, (use) => use.period(actor, range)))
    // The core says why as a tree (schema, then field, then reason): the reason is the line a person reads.
    if (!checked.ok) return navigation.say({ kind: "refused", text: checked.message.split("└─").at(-1)!.trim() })
    navigation.say(undefined)
    setEditing(undefined)
    setPeriod(range)
  }
  if (data === undefined) return <Text>{error ?? "Loading the reports…"}</Text>
  const width = Math.max(8, Math.min(30, navigation.columns - 60))
  const heading =
    view === "period"
      ? `▸ Period ${data.periodReport.period.from} to ${data.periodReport.period.to} (p)   Sitting (tab)`
      : `  Period (tab)   ▸ Sitting ${data.sitting === undefined ? "none yet" : sittingWhen(data.sitting)} (< >)`
  const used = view === "period" ? 8 : 9
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">{heading}</Text>
      {error === undefined ? null : <Text wrap="truncate-end">{`✗ ${error}`}</Text>}
      {view === "period" ? (
        <PeriodView report={data.periodReport} width={width} />
      ) : data.sittingReport === undefined ? (
        <Text>No sitting has begun yet.</Text>
      ) : (
        <SittingView report={data.sittingReport} width={width} />
      )}
      <Text bold wrap="truncate-end">{`Tables (e exports the chosen one as CSV to ${exportDir})`}</Text>
      <List
        items={tables}
        selected={chosen}
        height={Math.max(3, navigation.rows - used - (editing === undefined ? 0 : 6))}
        focused={editing === undefined}
        empty="  No tables."
        row={(table) => `${pad(table.title, 34)} ${counted(table.rows.length, "row")}`}
      />
      {editing === undefined ? null : <PeriodForm values={editing} onChange={setEditing} onDone={choose} onCancel={() => setEditing(undefined)} />}
    </Box>
  )
}
