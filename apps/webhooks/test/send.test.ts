import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { bodyOf, exampleTypes, send } from "../src/cli/send.js"
import { secret, nextSecret } from "./support/fixtures.js"
import { startCaseSystem, verifyWebhook } from "./support/caseSystem.js"

/** `carepanel-webhooks send` without the command line: what it signs and posts, to a real endpoint that keeps it. */
let endpoint: Awaited<ReturnType<typeof startCaseSystem>>
beforeAll(async () => {
  endpoint = await startCaseSystem()
})
afterAll(() => endpoint.close())

const examples = new URL("../examples/", import.meta.url)
const exampleText = (path: string) => readFileSync(new URL(path, examples), "utf8")
const tempFile = (name: string, text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), "carepanel-send-")), name)
  writeFileSync(file, text)
  return file
}
const noOptions = { url: "", secret }

describe("carepanel-webhooks send: what it posts", () => {
  it("signs the body as Standard Webhooks with the secret given, under the id given, timestamped now, as JSON", async () => {
    const before = Math.floor(Date.now() / 1000)
    const answer = await send({ url: endpoint.url, secret, id: "msg_send_signed", example: "request.approved" })
    expect(answer).toEqual({ status: 204, text: "", id: "msg_send_signed" })
    const posted = endpoint.received.at(-1)!
    expect(posted.headers).toMatchObject({ "content-type": "application/json", "webhook-id": "msg_send_signed" })
    expect(Number(posted.headers["webhook-timestamp"])).toBeGreaterThanOrEqual(before)
    expect(Number(posted.headers["webhook-timestamp"])).toBeLessThanOrEqual(Math.floor(Date.now() / 1000))
    expect(posted.body).toBe(JSON.stringify(JSON.parse(exampleText("events/request.approved.json"))))
    expect(verifyWebhook(posted, secret)).toMatchObject({ type: "request.approved" })
    expect(() => verifyWebhook(posted, nextSecret)).toThrow()
  })

  it("gives each send a new webhook-id of its own when none is given", async () => {
    const ids = [(await send({ url: endpoint.url, secret })).id, (await send({ url: endpoint.url, secret })).id]
    expect(ids[0]).toMatch(/^msg_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    expect(ids[1]).not.toBe(ids[0])
    expect(endpoint.received.slice(-2).map((posted) => posted.headers["webhook-id"])).toEqual(ids)
  })
})

describe("carepanel-webhooks send: which body", () => {
  it("by default, and as --example request.submitted, the Mosaic example form mapped to request.submitted", () => {
    const mapped = JSON.parse(bodyOf(noOptions))
    expect(mapped).toMatchObject({ type: "request.submitted", data: { formId: "MOS-PANEL-2027-0042", actor: { personId: "W-3107", role: "social_worker" } } })
    expect(JSON.parse(bodyOf({ ...noOptions, example: "request.submitted" }))).toEqual(mapped)
  })

  it("--example <type>: the example of that type; a type there is none of is named, with the examples there are", () => {
    expect(JSON.parse(bodyOf({ ...noOptions, example: "visit.recorded" }))).toEqual(JSON.parse(exampleText("events/visit.recorded.json")))
    expect(exampleTypes()).toEqual([...exampleTypes()].sort())
    expect(exampleTypes()).toEqual(expect.arrayContaining(["request.submitted", "request.approved", "visit.recorded", "legal_status.changed"]))
    expect(exampleTypes().every((type) => !type.endsWith(".json"))).toBe(true)
    expect(() => bodyOf({ ...noOptions, example: "visit.recored" })).toThrow(
      `--example visit.recored: there is no such example; the examples are ${exampleTypes().join(", ")}`
    )
  })

  it("--file: the file's text exactly as written; --mosaic: a form export mapped; either, when not there, named with its path", () => {
    const written = '{ "type": "request.approved",\n  "data": {} }\n'
    expect(bodyOf({ ...noOptions, file: tempFile("event.json", written), mosaic: "/ignored.json", example: "visit.recorded" })).toBe(written)
    const form = JSON.parse(exampleText("mosaic-form.json"))
    const mosaic = tempFile("form.json", JSON.stringify({ ...form, FORM_ID: "MOS-PANEL-2027-0099" }))
    expect(JSON.parse(bodyOf({ ...noOptions, mosaic, example: "visit.recorded" }))).toMatchObject({ type: "request.submitted", data: { formId: "MOS-PANEL-2027-0099" } })
    expect(() => bodyOf({ ...noOptions, file: "/no/such/event.json" })).toThrow("--file /no/such/event.json: there is no such file")
    expect(() => bodyOf({ ...noOptions, mosaic: "/no/such/form.json" })).toThrow("--mosaic /no/such/form.json: there is no such file")
    // A file that is not JSON (an export saved as CSV, say) is named with the option, not only the parser's words.
    const csv = tempFile("form.csv", "FORM_ID,CHILD\nMOS-1,Sam")
    expect(() => bodyOf({ ...noOptions, mosaic: csv })).toThrow(`--mosaic ${csv}: the file is not JSON (`)
  })
})
