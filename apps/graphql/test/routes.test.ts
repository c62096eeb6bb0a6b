import { preset } from "@carepanel/core"
import { staffOf } from "@carepanel/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { reportCatalogue, reportNames, tableColumns } from "../src/reports/catalogue.js"
import { startTestApp, type TestApp } from "./support/harness.js"
import { decide, readyRequest, sittingWith, tokenFor } from "./support/scenario.js"

const policy = preset("support-panels")
const staff = staffOf(policy.authority.id)
let app: TestApp
let sittingId: string
let sittingDay: string

beforeAll(async () => {
  app = await startTestApp([policy])
  const referral = await readyRequest(app, policy, { id: "route-child", name: "Marlowe Quince" })
  const sitting = await sittingWith(app, policy, [referral.id])
  sittingId = sitting.id
  sittingDay = sitting.date
  await decide(app, policy, referral.id, sitting)
})
afterAll(() => app.close())

const get = async (path: string, member = staff.administrator) =>
  fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${await tokenFor(app, member)}` } })

describe("/calendar.ics", () => {
  it("serves the sittings as iCalendar, without children's names", async () => {
    const response = await get("/calendar.ics")
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toMatch(/^text\/calendar/)
    const text = await response.text()
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/)
    expect(text).toContain(`UID:${sittingId}@carepanel`)
    expect(text).toContain(`DTSTART:${sittingDay.replaceAll("-", "")}T`)
    expect(text).not.toContain("Marlowe")
  })

  it("needs a token", async () => {
    const response = await fetch(`${app.url}/calendar.ics`)
    expect(response.status).toBe(401)
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/)
  })
})

describe("/reports/<name>.csv", () => {
  it("downloads a table of a core report as CSV", async () => {
    const response = await get(`/reports/sitting-items.csv?sittingId=${sittingId}`)
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/)
    const [header, row] = (await response.text()).split("\r\n")
    expect(header).toContain("referralId")
    expect(row).toContain("approve")
  })

  it("keeps the header row of a table with no rows, for every table", async () => {
    const response = await get("/reports/period-requests.csv?from=2020-01-01&to=2020-01-31")
    expect(response.status).toBe(200)
    const text = await response.text()
    expect(text).toMatch(/^referralId,[A-Za-z,]+\r\n$/)
    for (const report of reportNames) {
      for (const field of Object.values(reportCatalogue[report].tables)) expect(tableColumns(report, field), `${report} ${field}`).not.toEqual([])
    }
  })

  it("links each table from the GraphQL report", async () => {
    const token = await tokenFor(app, staff.administrator)
    const response = await app.post(token, `query R($id: ID!) { report(name: sitting, sittingId: $id) { ... on Report { title tables { name csvPath } } } }`, { id: sittingId })
    const items = response.body.data.report.tables.find((table: { name: string }) => table.name === "items")
    expect(items.csvPath).toBe(`/reports/sitting-items.csv?sittingId=${sittingId}`)
  })

  it("refuses roles the core does not let see reports, and bad parameters", async () => {
    expect((await get(`/reports/sitting-items.csv?sittingId=${sittingId}`, staff.socialWorker)).status).toBe(403)
    expect((await get("/reports/period-requests.csv?from=2027-02-30&to=2027-03-01")).status).toBe(400)
    expect((await get("/reports/nothing-here.csv")).status).toBe(404)
  })
})
