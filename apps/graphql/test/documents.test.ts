import { createHash } from "node:crypto"
import { AccessLog, AuthorityId, ChildId, preset, redactedText } from "@carepanel/core"
import { staffOf } from "@carepanel/core/testing"
import { Effect } from "effect"
import { extractText, getDocumentProxy } from "unpdf"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startTestApp, type TestApp } from "./support/harness.js"
import { decide, readyRequest, run, type StaffMember, sittingWith, tokenFor } from "./support/scenario.js"
import { repositoryFile } from "@carepanel/core/mutation/repositoryFile"

const policy = preset("care-planning")
const staff = staffOf(policy.authority.id)
const child = { id: "doc-child-1", name: "Tamsin Orrell" }
let app: TestApp
let ids: { sittingId: string; decisionId: string; childId: string }
let sittingEnd: number

/** The examples of docs/documents.md: each GraphQL block with the JSON variables after it, and each curl URL. */
const docs = repositoryFile("docs/documents.md")
const blocks = [...docs.matchAll(/```(graphql|json|sh)\n([\s\S]*?)```/g)].map((match) => ({ lang: match[1]!, text: match[2]! }))
const examples = blocks.flatMap((block, i) => (block.lang === "graphql" ? [{ query: block.text, variables: blocks[i + 1]!.text }] : []))
const curls = blocks.filter((block) => block.lang === "sh").flatMap((block) => [...block.text.matchAll(/"http:\/\/127\.0\.0\.1:4000(\/documents\/[^"]+)"/g)].map((match) => match[1]!))
const withIds = (text: string) =>
  text.replaceAll("sit_01J2Y5Q0Z8M4V6C7T9R3K2P1XW", ids.sittingId).replaceAll("dec_01J2Y6A4B7C9D2E5F8G1H3J6K9", ids.decisionId).replaceAll("MOSAIC-100234", ids.childId)
const example = async (name: string, member: StaffMember, token?: string) => {
  const found = examples.find((candidate) => candidate.query.includes(name))!
  const response = await app.post(token ?? (await tokenFor(app, member)), found.query, JSON.parse(withIds(found.variables)))
  expect(response.body.errors, response.text).toBeUndefined()
  return Object.values(response.body.data)[0] as Record<string, any>
}
const pdfText = async (pdf: Uint8Array) => (await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })).text.replace(/\s+/g, " ")
const get = async (path: string, member: StaffMember) => fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${await tokenFor(app, member)}` } })

beforeAll(async () => {
  app = await startTestApp([policy])
  const referral = await readyRequest(app, policy, child)
  const sitting = await sittingWith(app, policy, [referral.id])
  const decision = await decide(app, policy, referral.id, sitting)
  ids = { sittingId: sitting.id, decisionId: decision.id, childId: child.id }
  sittingEnd = Date.parse(sitting.endsAt)
})
afterAll(() => app.close())

describe("documents over GraphQL and HTTP, as docs/documents.md shows them", () => {
  it("the docs hold four GraphQL examples (the calendar one runs in calendarFeeds.test.ts) and four downloads", () => {
    expect(examples.map((entry) => /(query|mutation) (\w+)/.exec(entry.query)![2])).toEqual(["SittingMinutes", "ChildDecisionSheet", "UploadSheet", "SubscribeCalendar"])
    expect(curls).toHaveLength(4)
  })

  it("before the draft goes to the chair: watermarked minutes, and no upload of the sheet yet", async () => {
    const minutes = await example("SittingMinutes", staff.chair)
    expect(minutes).toMatchObject({ __typename: "PanelDocument", stage: "draft", watermark: "DRAFT - NOT FOR CIRCULATION", pdfPath: `/documents/minutes/${ids.sittingId}.pdf` })
    const upload = await example("UploadSheet", staff.administrator)
    expect(upload).toMatchObject({ code: "SittingNotInState", message: expect.stringContaining("final record") })
  })

  it("a decision sheet: the child named, its PDF's text in order (sign-offs before clocks), each read logged with the operation's name", async () => {
    const sheet = await example("ChildDecisionSheet", staff.socialWorker)
    expect(sheet.title).toBe(`Decision sheet: ${child.name} (${child.id})`)
    expect(sheet.html).toContain(`<h1>Decision sheet: ${child.name} (${child.id})</h1>`)
    const text = await pdfText(Buffer.from(sheet.pdfBase64, "base64"))
    let at = 0
    for (const needle of ["Decision sheet", "The request", "Decision", "Signed and finalised", "Amendments", "Clocks and the rules behind them"]) {
      at = text.indexOf(needle, at)
      expect(at, needle).toBeGreaterThanOrEqual(0)
    }
    const logged = await app.runtime.runPromise(Effect.flatMap(AccessLog, (log) => log.forChild(AuthorityId.make(policy.authority.id), ChildId.make(child.id))))
    expect(logged.find((entry) => entry.purpose === "ChildDecisionSheet")).toMatchObject({ personId: staff.socialWorker.personId, role: "social_worker", fields: expect.arrayContaining(["fullName", "decision"]) })
  })

  it("CPR-11: once final, the administrator uploads the sheet in one step, which meets the child's upload clock; a second upload is refused", async () => {
    app.travelTo(new Date(sittingEnd + 3_600_000))
    await run(app, staff.administrator, "sendDraftRecordToChair", "... on Sitting { id }", { sittingId: ids.sittingId })
    await run(app, staff.chair, "returnFinalRecord", "... on Sitting { id }", { sittingId: ids.sittingId })
    const minutes = await example("SittingMinutes", staff.chair)
    expect(minutes).toMatchObject({ stage: "final", watermark: null })
    const upload = await example("UploadSheet", staff.administrator)
    expect(upload.__typename).toBe("DecisionSheetUpload")
    const pdf = Buffer.from(upload.pdfBase64, "base64")
    expect(upload.sha256).toBe(createHash("sha256").update(pdf).digest("hex"))
    expect(upload.fileName).toBe(`Decision-sheet-${child.name.replace(" ", "-")}-${child.id}.pdf`)
    expect(upload.sitting.record.status).toBe("uploaded")
    expect(await pdfText(pdf)).toContain("Final: no sign-off is outstanding.")
    const open = await app.post(await tokenFor(app, staff.administrator), "query Open { deadlines { id } }")
    expect(open.body.data.deadlines.map((deadline: { id: string }) => deadline.id)).not.toContain(`${ids.sittingId}:upload:${child.id}`)
    expect(await example("UploadSheet", staff.administrator)).toMatchObject({ code: "SittingNotInState" })
  })

  it("the downloads: a PDF and an HTML page; 403 for a caseworker's minutes, 404 for another child", async () => {
    const [minutesPath, sheetPath] = curls.map(withIds)
    const pdf = await get(minutesPath!, staff.chair)
    expect([pdf.status, pdf.headers.get("content-type")]).toEqual([200, "application/pdf"])
    const text = await pdfText(new Uint8Array(await pdf.arrayBuffer()))
    expect(text.indexOf("Attendance")).toBeLessThan(text.indexOf(`${child.name} (${child.id})`))
    const html = await get(sheetPath!, staff.teamManager)
    expect([html.status, html.headers.get("content-type")]).toEqual([200, "text/html; charset=utf-8"])
    expect(await html.text()).toContain('<html lang="en-GB">')
    expect((await get(minutesPath!, staff.socialWorker)).status).toBe(403)
    expect((await get(`/documents/decision-sheets/${ids.decisionId}/someone-else.pdf`, staff.chair)).status).toBe(404)
    expect((await fetch(`${app.url}${minutesPath}`)).status).toBe(401)
  })

  it("a court bundle for the child: the PDF ends with the integrity appendix; the manifest lists the child's events from version 1", async () => {
    const [, , bundlePdf, bundleJson] = curls.map(withIds)
    const pdf = await get(bundlePdf!, staff.assistantDirector)
    expect(pdf.status).toBe(200)
    const text = await pdfText(new Uint8Array(await pdf.arrayBuffer()))
    expect(text.indexOf("Chronology")).toBeLessThan(text.indexOf("Integrity appendix"))
    const manifest = await (await get(bundleJson!, staff.assistantDirector)).json()
    expect(manifest).toMatchObject({ format: "carepanel-court-bundle/2", childId: child.id })
    // this test's store is in memory and signs nothing: the appendix says so, and the manifest carries no checkpoint
    expect(text).toContain("Signed checkpoint: none.")
    expect(manifest.integrity).toBeUndefined()
    expect(manifest.events.filter((event: { streamId: string }) => event.streamId.endsWith(`/decision/${ids.decisionId}`))[0]).toMatchObject({ version: 1, type: "DecisionRecorded" })
    expect((await get(bundleJson!, staff.socialWorker)).status).toBe(403)
  })

  it("an integrator without the identity scope reads minutes with the child's id, never the name, and no free text (as the API answers it); with it, both", async () => {
    const bare = await example("SittingMinutes", staff.integrator)
    const html = (await app.post(await tokenFor(app, staff.integrator), `query M($id: ID!) { minutes(sittingId: $id) { ... on PanelDocument { html } } }`, { id: ids.sittingId })).body.data.minutes.html
    expect(bare.__typename).toBe("PanelDocument")
    expect(html).toContain(`Child ${child.id}`)
    expect(html).not.toContain("Tamsin")
    const scoped = await app.token(policy.authority.id, ["integrator"], { scopes: ["child.identity.read"] })
    const named = (await app.post(scoped, `query M($id: ID!) { minutes(sittingId: $id) { ... on PanelDocument { html } } }`, { id: ids.sittingId })).body.data.minutes.html
    expect(named).toContain(child.name)
    const rationale = (await app.post(scoped, `query D($id: ID!) { decision(id: $id) { ... on Decision { rationale } } }`, { id: ids.decisionId })).body.data.decision.rationale
    for (const typed of [rationale, "The chair and members are present"]) {
      expect(html).not.toContain(typed)
      expect(named).toContain(typed)
    }
    expect(html).toContain(redactedText)
  })
})
