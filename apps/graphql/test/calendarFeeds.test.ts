import { AccessLog, AuthorityId, ChildId, preset } from "@carepanel/core"
import { staffOf } from "@carepanel/core/testing"
import { Effect } from "effect"
import ICAL from "ical.js"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startTestApp, type TestApp } from "./support/harness.js"
import { readyRequest, type StaffMember, sittingWith, tokenFor } from "./support/scenario.js"
import { repositoryFile } from "@carepanel/core/mutation/repositoryFile"

const policy = preset("care-planning")
const staff = staffOf(policy.authority.id)
const child = { id: "feed-child-1", name: "Wren Alcott" }
let app: TestApp
let sittingId: string

const docs = repositoryFile("docs/documents.md")
const subscribe = /```graphql\n(mutation SubscribeCalendar[\s\S]*?)```/.exec(docs)![1]!
const documentedPath = /"http:\/\/127\.0\.0\.1:4000(\/feeds\/[^"]+)"/.exec(docs)![1]!

const issue = async (member: StaffMember, token?: string) => {
  const response = await app.post(token ?? (await tokenFor(app, member)), subscribe)
  expect(response.body.errors, response.text).toBeUndefined()
  return response.body.data.issueCalendarFeed as { __typename: string; path: string; feed: { active: boolean; rotations: number } }
}

/** What Outlook does: GET without credentials, expect text/calendar, parse the VEVENTs. */
const subscribeAsOutlook = async (path: string) => {
  const response = await fetch(`${app.url}${path}`, { headers: { accept: "text/calendar" } })
  if (response.status !== 200) return { status: response.status, events: [] }
  expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8")
  const calendar = new ICAL.Component(ICAL.parse(await response.text()))
  expect(calendar.getFirstPropertyValue("version")).toBe("2.0")
  expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH")
  expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe(`${policy.authority.name}: panel sittings`)
  const events = calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent))
  return { status: 200, events }
}

beforeAll(async () => {
  app = await startTestApp([policy])
  const referral = await readyRequest(app, policy, child)
  sittingId = (await sittingWith(app, policy, [referral.id])).id
})
afterAll(() => app.close())

describe("calendar subscriptions, as docs/documents.md shows them", () => {
  it("a member subscribes without a token: the sitting with its agenda and the child's name; the read is logged", async () => {
    const issued = await issue(staff.member)
    expect(issued).toMatchObject({ __typename: "IssuedCalendarFeed", feed: { active: true, rotations: 0 } })
    expect(issued.path).toMatch(new RegExp(`^${documentedPath.replace(/[^/]+\.ics$/, "")}[A-Za-z0-9_-]{43}\\.ics$`))
    const { events } = await subscribeAsOutlook(issued.path)
    const sitting = events.find((event) => event.uid === `${sittingId}@carepanel`)!
    expect(sitting.summary).toBe(`${policy.panels[0].name} sitting`)
    expect(sitting.description).toContain(`${child.name} (${child.id})`)
    expect(sitting.startDate.toJSDate().getTime()).toBeLessThan(sitting.endDate.toJSDate().getTime())
    const logged = await app.runtime.runPromise(Effect.flatMap(AccessLog, (log) => log.forChild(AuthorityId.make(policy.authority.id), ChildId.make(child.id))))
    expect(logged).toContainEqual(expect.objectContaining({ personId: staff.member.personId, purpose: "calendar feed", fields: ["agendaItem", "fullName"] }))
  })

  it("an integrator's feed has the sitting but no child's name", async () => {
    const { events } = await subscribeAsOutlook((await issue(staff.integrator)).path)
    const text = events.map((event) => `${event.summary}\n${event.description}`).join("\n")
    expect(text).toContain(child.id)
    expect(text).not.toContain("Wren")
  })

  it("issuing again rotates the address; revoking ends it; both old addresses answer 404 like an unknown one", async () => {
    const first = await issue(staff.chair)
    const second = await issue(staff.chair)
    expect(second.feed.rotations).toBe(1)
    expect((await subscribeAsOutlook(first.path)).status).toBe(404)
    expect((await subscribeAsOutlook(second.path)).status).toBe(200)
    const token = await tokenFor(app, staff.chair)
    const revoked = await app.post(token, "mutation Revoke { revokeCalendarFeed { __typename ... on CalendarFeed { active revokedAt } ... on DomainError { code } } }")
    expect(revoked.body.data.revokeCalendarFeed).toMatchObject({ __typename: "CalendarFeed", active: false })
    expect((await subscribeAsOutlook(second.path)).status).toBe(404)
    expect((await subscribeAsOutlook(documentedPath)).status).toBe(404)
    const again = await app.post(token, "mutation Revoke { revokeCalendarFeed { __typename ... on DomainError { code } } }")
    expect(again.body.data.revokeCalendarFeed).toEqual({ __typename: "NoCalendarFeed", code: "NoCalendarFeed" })
    const status = await app.post(token, "query Feed { calendarFeed { active rotations revokedAt } }")
    expect(status.body.data.calendarFeed).toMatchObject({ active: false, rotations: 1 })
  })
})
