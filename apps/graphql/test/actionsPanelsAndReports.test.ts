import { addDays, type DecisionContent, preset } from "@carepanel/core"
import { staffOf } from "@carepanel/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startTestApp, type TestApp } from "./support/harness.js"
import { decide, readyRequest, run, type StaffMember, sittingWith, tokenFor } from "./support/scenario.js"

const policy = preset("care-planning")
const staff = staffOf(policy.authority.id)
let app: TestApp

beforeAll(async () => {
  app = await startTestApp([policy])
})
afterAll(() => app.close())

const query = async (member: StaffMember, document: string, variables: Record<string, unknown> = {}) => {
  const response = await app.post(await tokenFor(app, member), document, variables)
  expect(response.body.errors, response.text).toBeUndefined()
  return response.body.data
}

/** A decided request for a fictional child, its two actions (FGC referral, the plan) due on the days given after its sitting. */
const decidedWithActionsDue = async (childId: string, name: string, days: { readonly fgc: number; readonly plan: number }) => {
  const referral = await readyRequest(app, policy, { id: childId, name })
  const sitting = await sittingWith(app, policy, [referral.id])
  const due = { fgc: addDays(sitting.date, days.fgc), plan: addDays(sitting.date, days.plan) }
  const dueOn = (content: DecisionContent): DecisionContent => ({
    ...content,
    actions: content.actions.map((action) => ({ ...action, dueDate: action.fgcReferral ? due.fgc : due.plan }))
  })
  const decision = await decide(app, policy, referral.id, sitting, dueOn)
  return { decisionId: decision.id as string, day: sitting.date, fgc: `${referral.id}-fgc`, plan: `${referral.id}-plan`, due }
}

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

describe("actions across decisions over GraphQL: soonest due first, each with its own clock (CPR-10)", () => {
  it("CPR-10, DEF-RECORD-TIMESCALES: listed in due-date order across decisions, not the order decided; each reads its own clock, under Carepanel's default (CPR-10 gives actions no dates); past their dates the open ones turn overdue, listed by owner", async () => {
    const first = await decidedWithActionsDue("order-child-1", "Linnea Stovold", { fgc: 120, plan: 60 })
    const second = await decidedWithActionsDue("order-child-2", "Casimir Odell", { fgc: 5, plan: 150 })
    const decisionOf = new Map([first.fgc, first.plan].map((id) => [id, first.decisionId] as [string, string]).concat([second.fgc, second.plan].map((id) => [id, second.decisionId])))
    const list = async (args: string) =>
      (await query(staff.teamManager, `query { actions${args} { actionId decisionId ownerRole dueDate progress clock { id aboutKind aboutId ruleId due state } } }`)).actions.filter(
        (action: { actionId: string }) => decisionOf.has(action.actionId)
      )
    const ids = (actions: ReadonlyArray<{ actionId: string }>) => actions.map((action) => action.actionId)

    const open = await list("")
    expect(ids(open)).toEqual([second.fgc, first.plan, first.fgc, second.plan])
    expect(open.map((action: { dueDate: string }) => action.dueDate)).toEqual([second.due.fgc, first.due.plan, first.due.fgc, second.due.plan])
    for (const action of open) {
      expect(action.decisionId).toBe(decisionOf.get(action.actionId))
      expect(action.clock, JSON.stringify(action)).toMatchObject({
        id: `${decisionOf.get(action.actionId)}:action:${action.actionId}`,
        aboutKind: "action",
        aboutId: action.actionId,
        ruleId: "DEF-RECORD-TIMESCALES",
        state: "pending"
      })
      expect(action.clock.due).toMatch(isoInstant)
      expect(action.clock.due.slice(0, 10)).toBe(action.dueDate)
    }

    app.travelTo(new Date(Date.parse(`${addDays(first.due.plan, 1)}T12:00:00Z`)))
    const overdue = await list("(state: overdue)")
    expect(overdue.map((action: { actionId: string; clock: { state: string } }) => [action.actionId, action.clock.state])).toEqual([
      [second.fgc, "overdue"],
      [first.plan, "overdue"]
    ])
    expect(ids(await list("(state: overdue, ownerRole: team_manager)"))).toEqual([first.plan])
    expect(ids(await list("(state: overdue, ownerRole: social_worker)"))).toEqual([second.fgc])
    expect(ids(await list("(ownerRole: social_worker)"))).toEqual([second.fgc, first.fgc])

    await run(app, staff.teamManager, "completeAction", "... on Decision { id }", { decisionId: first.decisionId, actionId: first.plan, evidence: "The plan was updated late" })
    expect(ids(await list("(state: overdue)"))).toEqual([second.fgc])
    expect(ids(await list(""))).toEqual([second.fgc, first.fgc, second.plan])
    app.travelTo(new Date(Date.parse(`${addDays(first.due.fgc, 1)}T12:00:00Z`)))
    expect(ids(await list("(state: overdue)"))).toEqual([second.fgc, first.fgc])
    expect(ids(await list("(state: overdue, ownerRole: social_worker)"))).toEqual([second.fgc, first.fgc])
    expect(ids(await list("(state: overdue, ownerRole: team_manager)"))).toEqual([])
    expect(ids(await list("(ownerRole: team_manager)"))).toEqual([second.plan])
    const all = await list("(state: all, ownerRole: team_manager)")
    expect(all.map((action: { actionId: string; progress: string; clock: { state: string } }) => [action.actionId, action.progress, action.clock.state])).toEqual([
      [first.plan, "completed", "met"],
      [second.plan, "open", "pending"]
    ])
  })
})

const reportDocument = `query Report($name: ReportName!, $from: Date, $to: Date, $year: Int, $firstMonth: Int, $sittingId: ID) {
  report(name: $name, from: $from, to: $to, year: $year, firstMonth: $firstMonth, sittingId: $sittingId) {
    __typename
    ... on Report { name title data tables { name csvPath } }
    ... on DomainError { code message }
    ... on InvalidInput { problems { path message } }
  }
}`
/** A report as a client sends it: every variable of the document, the ones it does not use as null. */
const report = async (member: StaffMember, variables: Record<string, unknown>) =>
  (await query(member, reportDocument, { from: null, to: null, year: null, firstMonth: null, sittingId: null, ...variables })).report

describe("reports over GraphQL, sent as a client sends them (unused parameters null)", () => {
  it("a period report reads its title, its data for the dates asked, and a CSV link per table carrying only those dates", async () => {
    const decided = await decidedWithActionsDue("report-child-1", "Oriel Banfield", { fgc: 7, plan: 14 })
    const day = decided.day
    const period = await report(staff.administrator, { name: "period", from: day, to: day })
    expect(period.__typename, JSON.stringify(period)).toBe("Report")
    expect(period).toMatchObject({ name: "period", title: "Panel activity over a period" })
    expect(period.data.period).toEqual({ from: day, to: day })
    expect(period.data.summary).toMatchObject({ decisions: 1, approved: 1 })
    expect(period.tables.map((table: { name: string }) => table.name)).toEqual([
      "requests-by-type",
      "decisions-by-outcome",
      "requests",
      "drift",
      "overdue-actions",
      "clocks-by-rule",
      "disagreements",
      "disagreements-by-outcome",
      "placements"
    ])
    for (const table of period.tables) expect(table.csvPath).toBe(`/reports/period-${table.name}.csv?from=${day}&to=${day}`)

    const before = await report(staff.administrator, { name: "period", from: addDays(day, -7), to: addDays(day, -1) })
    expect(before.data.summary, JSON.stringify(before)).toMatchObject({ decisions: 0, approved: 0 })
  })

  it("LIN-10's annual review by calendar year or from April, the year and month read back in its CSV links", async () => {
    const calendarYear = await report(staff.administrator, { name: "annual", year: 2027 })
    expect(calendarYear.__typename, JSON.stringify(calendarYear)).toBe("Report")
    expect(calendarYear).toMatchObject({ name: "annual", title: "Annual activity review (LIN-10)" })
    expect(calendarYear.data).toMatchObject({ year: 2027, period: { from: "2027-01-01", to: "2027-12-31" } })
    expect(calendarYear.data.months).toHaveLength(12)
    expect(calendarYear.tables).toContainEqual({ name: "months", csvPath: "/reports/annual-months.csv?year=2027" })

    const fromApril = await report(staff.administrator, { name: "annual", year: 2027, firstMonth: 4 })
    expect(fromApril.data, JSON.stringify(fromApril)).toMatchObject({ year: 2027, period: { from: "2027-04-01", to: "2028-03-31" } })
    expect(fromApril.tables).toContainEqual({ name: "months", csvPath: "/reports/annual-months.csv?year=2027&firstMonth=4" })

    const edge = await report(staff.administrator, { name: "edge_of_care", from: "2027-01-01", to: "2027-03-31" })
    expect(edge, JSON.stringify(edge)).toMatchObject({ __typename: "Report", name: "edge_of_care", title: "Edge-of-care summary (KNO-3)" })
    expect(edge.tables).toContainEqual({ name: "months", csvPath: "/reports/edge-of-care-months.csv?from=2027-01-01&to=2027-03-31" })
  })

  it("a period that ends before it starts and a year out of range are refused in words; a sitting not found; a social worker not permitted", async () => {
    const backwards = await report(staff.administrator, { name: "period", from: "2027-05-01", to: "2027-04-01" })
    expect(backwards, JSON.stringify(backwards)).toMatchObject({ __typename: "InvalidReportPeriod", code: "InvalidReportPeriod" })
    expect(backwards.message).toContain("The period starts on 2027-05-01, after it ends on 2027-04-01.")
    const ancient = await report(staff.administrator, { name: "annual", year: 1999 })
    expect(ancient, JSON.stringify(ancient)).toEqual({ __typename: "InvalidReportPeriod", code: "InvalidReportPeriod", message: "There is no reporting year 1999 starting in month 1." })
    const missing = await report(staff.administrator, { name: "sitting", sittingId: "sit_nowhere" })
    expect(missing, JSON.stringify(missing)).toMatchObject({ __typename: "NotFound", code: "NotFound" })
    const byWorker = await report(staff.socialWorker, { name: "annual", year: 2027 })
    expect(byWorker, JSON.stringify(byWorker)).toMatchObject({ __typename: "NotPermitted", code: "NotPermitted" })
  })
})

describe("dates and times over GraphQL: refused in plain words when they are not text", () => {
  it("a Date or a DateTime sent as a number is refused naming the type; nothing is answered", async () => {
    const date = await app.post(await tokenFor(app, staff.administrator), reportDocument, { name: "period", from: 20270101, to: "2027-01-31" })
    expect(date.body.data ?? null, date.text).toBeNull()
    expect(date.body.errors[0].message, date.text).toContain("A Date must be a string.")
    const document = "mutation Epo($input: RecordEmergencyProtectionOrderInput!) { recordEmergencyProtectionOrder(input: $input) { __typename } }"
    const instant = await app.post(await tokenFor(app, staff.socialWorker), document, { input: { childId: "epo-number-child", madeAt: 1_812_000_000_000, days: 8 } })
    expect(instant.body.data ?? null, instant.text).toBeNull()
    expect(instant.body.errors[0].message, instant.text).toContain("A DateTime must be a string.")
  })
})
