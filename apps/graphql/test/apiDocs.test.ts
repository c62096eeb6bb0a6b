import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { addDays, type LocalDate, londonDateOf, type Role } from "@carepanel/core"
import { DateTime } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { loadDevKeys, signDevToken } from "../src/auth/devKeys.js"
import { afterLateEvening } from "./support/lateEvening.js"
import { startMain, stop } from "./support/mainJob.js"
import { repositoryFile } from "@carepanel/core/mutation/repositoryFile"

/** The examples of docs/api.md in order: each GraphQL block with the role its prose names and the JSON after it. */
const docs = repositoryFile("docs/api.md")
const examplesAt = docs.indexOf("## Examples\n")
const section = docs.slice(examplesAt, docs.indexOf("\n## ", examplesAt))
const blocks = [...section.matchAll(/```(graphql|json|sh)\n([\s\S]*?)```/g)].map((match) => ({ lang: match[1]!, text: match[2]!, at: match.index!, end: match.index! + match[0].length }))
const examples = blocks.flatMap((block, i) => {
  if (block.lang !== "graphql") return []
  const prose = section.slice(i === 0 ? 0 : blocks[i - 1]!.end, block.at)
  const roles = [...prose.matchAll(/`([a-z_]+)` token/g)].map((match) => match[1] as Role)
  const next = blocks[i + 1]
  const variables = next?.lang === "json" && section.slice(block.end, next.at).trim() === "" ? next.text : "{}"
  return [{ name: /(query|mutation) (\w+)/.exec(block.text)![2]!, query: block.text, role: roles.at(-1), variables }]
})
const shells = blocks.filter((block) => block.lang === "sh").map((block) => block.text)

/** Fills in the angle-bracketed values the docs leave to the reader, as a reader would; an unknown one fails. */
const filled = (text: string, values: Readonly<Record<string, string>>) =>
  text.replace(/<([^<>]+)>/g, (_, key: string) => {
    if (!(key in values)) throw new Error(`docs/api.md asks for <${key}>, which this walk-through has no value for`)
    return values[key]!
  })

let main: ReturnType<typeof startMain>
/** A second main job on the same data directory, as a second replica would be: the decision is recorded through it. */
let replica: ReturnType<typeof startMain>
let url: string
let replicaUrl: string
let keys: Awaited<ReturnType<typeof loadDevKeys>>
const values: Record<string, string> = {}

const tokenAs = (role: Role, person?: { readonly personId: string; readonly name: string }) => signDevToken(keys, { authorityId: "wexcombe", roles: [role], ...(person ?? {}) })

/** Runs one example of the docs with a token for the role its prose names (and the person, where it says whose). */
const run = async (name: string, person?: { readonly personId: string; readonly name: string }, extra: Record<string, string> = {}, at = url) => {
  const example = examples.find((candidate) => candidate.name === name)
  expect(example, name).toBeDefined()
  expect(example!.role, `the prose before ${name} names the token's role`).toBeDefined()
  const response = await fetch(`${at}/graphql`, {
    method: "POST",
    headers: { authorization: `Bearer ${await tokenAs(example!.role!, person)}`, "content-type": "application/json" },
    body: JSON.stringify({ query: example!.query, variables: JSON.parse(filled(example!.variables, { ...values, ...extra })) })
  })
  const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown }
  expect(body.errors, `${name}: ${JSON.stringify(body.errors)}`).toBeUndefined()
  return body.data!
}

const firstOfMonth = (day: LocalDate) => `${day.slice(0, 8)}01` as LocalDate
const lastOfMonth = (day: LocalDate) => addDays(`${addDays(firstOfMonth(day), 32).slice(0, 8)}01` as LocalDate, -1)

/** The decisions a Server-Sent Events subscription has heard so far, read from the curl line in the docs. */
const subscribe = async (curl: string, token: string) => {
  const body = /-d '(.*)'/.exec(curl)![1]!
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, accept: "text/event-stream", "content-type": "application/json" },
    body
  })
  const heard: string[] = []
  const reader = response.body!.getReader()
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }))
      if (done) return
      heard.push(new TextDecoder().decode(value))
    }
  })()
  return { heard, close: () => reader.cancel() }
}

beforeAll(async () => {
  await afterLateEvening()
  const dataDir = mkdtempSync(join(tmpdir(), "carepanel-api-docs-"))
  main = startMain(dataDir)
  const printed = await main.started
  url = /^Carepanel API for .* at (\S+)\/graphql$/m.exec(printed)![1]!
  replica = startMain(dataDir)
  replicaUrl = /^Carepanel API for .* at (\S+)\/graphql$/m.exec(await replica.started)![1]!
  keys = await loadDevKeys(dataDir)
  const today = londonDateOf(DateTime.unsafeNow())
  Object.assign(values, {
    today,
    "a month from today": addDays(today, 30),
    "a date in the next two weeks": addDays(today, 7),
    "the first of this month": firstOfMonth(today),
    "the last of this month": lastOfMonth(today)
  })
}, 240_000)
afterAll(async () => {
  await Promise.all([stop(main.child), stop(replica.child)])
})

describe("docs/api.md, followed step by step against the seeded main job", () => {
  it("holds these examples, in this order", () => {
    expect(examples.map((example) => example.name)).toEqual([
      "Viewer",
      "Today",
      "RecordDecision",
      "SignOff",
      "Dissent",
      "CreateDraft",
      "Submit",
      "RecordPaper",
      "Approve",
      "Ready",
      "Month",
      "Accept",
      "Due",
      "Work",
      "History",
      "Period"
    ])
    expect(shells).toHaveLength(2)
  })

  it("from who am I to a decision on the sitting under way, signed by its chair, a member's dissent, heard by a subscriber of another process", async () => {
    expect((await run("Viewer")).viewer.authority).toMatchObject({ id: "wexcombe", name: "Wexcombe Borough Council (fictional)" })
    const subscription = await subscribe(shells[0]!, await tokenAs("panel_administrator"))

    const now = Date.now()
    const underWay = ((await run("Today")).sittings as any[]).find((sitting) => Date.parse(sitting.startsAt) <= now && now < Date.parse(sitting.endsAt))
    expect(underWay, "a sitting is under way").toBeDefined()
    expect(underWay.agenda.length).toBeGreaterThanOrEqual(1)
    const chair = underWay.attendance.find((person: any) => person.seat === "Chair" && person.status === "present")
    const member = underWay.attendance.find((person: any) => person.seat === "panel_member" && person.status === "present")
    Object.assign(values, {
      "the id of the sitting under way": underWay.id,
      "the referralId of its first agenda item": underWay.agenda[0].referralId
    })

    const decision = (await run("RecordDecision", undefined, {}, replicaUrl)).recordPanelDecision
    expect(decision, JSON.stringify(decision)).toMatchObject({ __typename: "Decision", outcome: "approve", actions: [{ actionId: "book-lpm", dueDate: values["a date in the next two weeks"] }] })
    expect(decision.pendingSignOffs[0].roles).toContain("panel_chair")
    values["the decision's id"] = decision.id

    const signed = (await run("SignOff", chair)).signOffDecision
    expect(signed, JSON.stringify(signed)).toMatchObject({ __typename: "Decision", id: decision.id })
    expect(signed.pendingSignOffs.length).toBeLessThan(decision.pendingSignOffs.length)

    const dissent = (await run("Dissent", member, { "their personId": member.personId, "their name": member.name })).recordDissent
    expect(dissent, JSON.stringify(dissent)).toMatchObject({ __typename: "Disagreement", memberAttendance: "present" })

    await expect.poll(() => subscription.heard.join(""), { timeout: 5_000 }).toContain(decision.id)
    await subscription.close()
  }, 60_000)

  it("a new request from draft, through its papers and approval, onto a sitting to come; its clocks and history", async () => {
    const draft = (await run("CreateDraft")).createReferralDraft
    expect(draft, JSON.stringify(draft)).toMatchObject({ __typename: "Referral", status: "draft" })
    values["the draft's id"] = draft.id

    const missing = (await run("Submit")).submitReferral
    expect(missing, JSON.stringify(missing)).toMatchObject({ __typename: "MissingDocuments" })
    for (const paper of missing.missing as ReadonlyArray<{ readonly name: string; readonly label: string }>) {
      const recorded = (await run("RecordPaper", undefined, { "your case system's id for the paper": `MOSAIC-DOC-${paper.name}`, "a name from missing": paper.name, "its title": paper.label })).recordReferralDocument
      expect(recorded.__typename, JSON.stringify(recorded)).toBe("Referral")
    }
    const submitted = (await run("Submit")).submitReferral
    expect(submitted, JSON.stringify(submitted)).toMatchObject({ __typename: "Referral", status: "awaiting_approval", pendingApprovals: [{ role: "team_manager" }] })

    const approved = (await run("Approve")).approveReferral
    expect(approved, JSON.stringify(approved)).toMatchObject({ __typename: "Referral", status: "ready", pendingApprovals: [] })
    expect((await run("Ready")).referrals.edges.map((edge: any) => edge.node.id)).toContain(draft.id)

    const toCome = ((await run("Month")).sittings as any[]).filter((sitting) => Date.parse(sitting.startsAt) > Date.now())
    expect(toCome.length).toBeGreaterThanOrEqual(1)
    values["the id of a sitting to come"] = toCome.at(-1).id
    const accepted = (await run("Accept")).acceptReferralOntoSitting
    expect(accepted, JSON.stringify(accepted)).toMatchObject({ __typename: "Referral", status: "accepted", sitting: { id: toCome.at(-1).id } })

    const due = (await run("Due")).deadlines as ReadonlyArray<{ readonly explanation: string }>
    expect(due.some((clock) => /^due .* - [A-Z]+-/.test(clock.explanation))).toBe(true)
    expect((await run("Work")).placements).toHaveLength(1)
    const history = (await run("History")).caseHistory.events.map((event: any) => event.type)
    expect(history).toEqual(expect.arrayContaining(["DraftCreated", "ReferralSubmitted", "AcceptedOntoSitting"]))
  }, 60_000)

  it("this month's report, its CSV with its header row, and the sittings as a calendar", async () => {
    const report = (await run("Period")).report
    expect(report.tables.map((table: any) => table.csvPath)).toContain(`/reports/period-requests.csv?from=${values["the first of this month"]}&to=${values["the last of this month"]}`)
    const token = await tokenAs("panel_administrator")
    const [csv, calendar] = await Promise.all(
      [...shells[1]!.matchAll(/"http:\/\/127\.0\.0\.1:4000([^"]+)"/g)].map(async (match) => {
        const response = await fetch(`${url}${filled(match[1]!, values)}`, { headers: { authorization: `Bearer ${token}` } })
        expect(response.status).toBe(200)
        return response.text()
      })
    )
    expect(csv!.split("\n")[0]).toMatch(/^[a-z_]+(,[a-z_]+)+/i)
    expect(csv!.split("\n").filter((line) => line.trim() !== "").length).toBeGreaterThan(1)
    expect(calendar).toContain("BEGIN:VCALENDAR")
    expect(calendar).toContain(`UID:${values["the id of the sitting under way"]}`)
  }, 60_000)
})
