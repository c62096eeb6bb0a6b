import { execFile } from "node:child_process"
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"
import { Redacted } from "effect"
import { send } from "../src/cli/send.js"
import { devSourcesFile } from "../src/config/config.js"
import { loadSources } from "../src/config/sources.js"
import { type ReceiverProcess, spawnReceiver } from "./support/process.js"

const devSecret = Redacted.value(loadSources(devSourcesFile).authorities["wexcombe" as never]!.sources.mosaic!.secrets[0])

const bin = fileURLToPath(new URL("../bin/carepanel-webhooks.js", import.meta.url))
const run = promisify(execFile)

let receiver: ReceiverProcess
beforeAll(async () => {
  // As the README starts it: no settings but a data directory, so the development sources file and the API's authority.
  receiver = await spawnReceiver({ CAREPANEL_DATA_DIR: mkdtempSync(join(tmpdir(), "carepanel-webhooks-dev-")) }, "source")
}, 60_000)
afterAll(() => receiver.stop())

/** `carepanel-webhooks send ...` as an integrator runs it; exit code, and what it printed. */
const sendCommand = async (...args: ReadonlyArray<string>) => {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, "send", "--url", `${receiver.url}/webhooks/wexcombe/mosaic`, ...args])
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

/** The receiver's log so far: one JSON object per line (Effect's JSON logger). */
const logLines = () =>
  receiver
    .output()
    .split("\n")
    .filter((entry) => entry.startsWith("{"))
    .map((entry) => JSON.parse(entry) as { readonly message?: unknown; readonly logLevel?: string; readonly annotations?: Record<string, unknown> })

describe("operators and integrators", () => {
  it("answers /health, and /ready with the store reachable and its migrations current", async () => {
    expect(await (await fetch(`${receiver.url}/health`)).json()).toEqual({ status: "ok" })
    const ready = await fetch(`${receiver.url}/ready`)
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ ready: true, store: "reachable", migrations: "current" })
  })

  it("carepanel-webhooks send: signs and posts the Mosaic example request (as docs/webhooks.md runs it)", async () => {
    const submitted = await sendCommand("--id", "msg_cli_1")
    expect(submitted.code).toBe(0)
    expect(submitted.stdout).toMatch(/^200 \(webhook-id msg_cli_1\)\n.*"outcome":"applied"/)
  }, 60_000)

  it("carepanel-webhooks send without --url posts to the port CAREPANEL_WEBHOOKS_PORT gives the receiver", async () => {
    const port = new URL(receiver.url).port
    // The example request may have been sent already by another test: whatever the receiver answers, it answered.
    const sent = await run(process.execPath, [bin, "send", "--id", "msg_cli_port"], { env: { ...process.env, CAREPANEL_WEBHOOKS_PORT: port } }).catch((error) => error)
    expect(sent.stdout).toMatch(/^\d{3} \(webhook-id msg_cli_port\)\n\{/)
  }, 60_000)

  it("send --help lists the options; a wrong example type, or a file that is not there, is named, with the examples there are", async () => {
    const help = await sendCommand("--help")
    expect(help.code).toBe(0)
    expect(help.stdout).toContain("--example   an example event by type")
    const wrongType = await sendCommand("--example", "request.submited")
    expect(wrongType.code).toBe(1)
    expect(wrongType.stderr).toContain("--example request.submited: there is no such example; the examples are ")
    expect(wrongType.stderr).toContain("request.approved, request.returned, request.submitted, request.withdrawn")
    // Pointed at a source the development secret is not for, without a secret: the 401 says which secret it used.
    const unverified = await run(process.execPath, [bin, "send", "--url", `${receiver.url}/webhooks/wexcombe/liquidlogic`], { env: { ...process.env, CAREPANEL_WEBHOOK_SECRET: undefined } }).catch((error) => error)
    expect(unverified).toMatchObject({ code: 1, stdout: expect.stringMatching(/^401 /), stderr: expect.stringContaining("signed with the development sources file's secret, as neither --secret nor CAREPANEL_WEBHOOK_SECRET was given") })
    const missing = await sendCommand("--file", "/no/such/event.json")
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining("--file /no/such/event.json: there is no such file") })
    // An export that does not fit: every field named in one line (before: Effect's tree of the first problem).
    const form = JSON.parse(readFileSync(new URL("../examples/mosaic-form.json", import.meta.url), "utf8"))
    const wrongForm = join(mkdtempSync(join(tmpdir(), "carepanel-mosaic-")), "form.json")
    writeFileSync(wrongForm, JSON.stringify({ ...form, WORKER_NAME: "", SUBJECTS: [{ ...form.SUBJECTS[0], DOB: "2016-09-14" }] }))
    expect(await sendCommand("--mosaic", wrongForm)).toMatchObject({
      code: 1,
      stderr: `carepanel-webhooks: --mosaic ${wrongForm}: the export does not fit the Mosaic-style form: WORKER_NAME must not be empty; SUBJECTS[0].DOB must be DD/MM/YYYY\n(carepanel-webhooks send --help lists the options)\n`
    })
    writeFileSync(wrongForm, JSON.stringify({ ...form, REQUEST_TYPE_CODES: ["S20", "XYZ"] }))
    expect((await sendCommand("--mosaic", wrongForm)).stderr).toContain(`--mosaic ${wrongForm}: REQUEST_TYPE_CODES[1]: the code "XYZ" has no Carepanel equivalent in the mapping`)
  }, 60_000)

  it("send: the same id again is answered alike; an example approval applies; a visit to a placement not sent yet is parked", async () => {
    const url = `${receiver.url}/webhooks/wexcombe/mosaic`
    const again = await send({ url, secret: devSecret, id: "msg_cli_1" })
    expect(again.status).toBe(200)
    expect(JSON.parse(again.text)).toMatchObject({ deliveryId: "msg_cli_1", outcome: "applied" })
    expect((await send({ url, secret: devSecret, example: "request.approved" })).status).toBe(200)
    const statutory = await send({ url, secret: devSecret, example: "visit.recorded" })
    expect(statutory.status).toBe(202)
    expect(JSON.parse(statutory.text)).toMatchObject({ outcome: "parked", waitingFor: "mosaic/placement/MOS-EPISODE-5521" })
  })

  it("logs a parked delivery applied later under its own id and event type, not those of the delivery that released it", async () => {
    const url = `${receiver.url}/webhooks/wexcombe/mosaic`
    expect((await send({ url, secret: devSecret, id: "msg_cli_parked_visit", example: "visit.recorded" })).status).toBe(202)
    expect((await send({ url, secret: devSecret, id: "msg_cli_placement", example: "placement.connected_person_started" })).status).toBe(200)
    const released = await vi.waitFor(() => {
      const line = logLines().find((entry) => entry.message === "kept delivery tried again" && entry.annotations?.deliveryId === "msg_cli_parked_visit")
      if (line === undefined) throw new Error("the released visit was not logged yet")
      return line
    })
    // Applied, or refused as the same visit again when the previous test's parked visit was released first.
    expect(released.annotations).toMatchObject({ deliveryId: "msg_cli_parked_visit", eventType: "visit.recorded", source: "mosaic", authority: "wexcombe" })
    expect(["applied", "refused"]).toContain(released.annotations?.outcome)
  })

  it("answers a webhook-id reused with another body 409 and logs an alert naming the id, not the body", async () => {
    const url = `${receiver.url}/webhooks/wexcombe/mosaic`
    expect((await send({ url, secret: devSecret, id: "msg_cli_reused", example: "request.returned" })).status).toBe(200)
    expect((await send({ url, secret: devSecret, id: "msg_cli_reused", example: "request.withdrawn" })).status).toBe(409)
    const alert = await vi.waitFor(() => {
      const line = logLines().find((entry) => entry.annotations?.alert === true && entry.annotations?.deliveryId === "msg_cli_reused")
      if (line === undefined) throw new Error("no alert logged yet")
      return line
    })
    expect(alert).toMatchObject({ logLevel: "ERROR", message: expect.stringContaining("reused with a different body") })
    expect(JSON.stringify(alert)).not.toContain("housing")
  })

  it("logs each delivery with its id, source and outcome, and never the body", async () => {
    await send({ url: `${receiver.url}/webhooks/wexcombe/mosaic`, secret: devSecret, id: "msg_cli_logged", example: "request.withdrawn" })
    const logged = logLines().find((entry) => entry.annotations?.deliveryId === "msg_cli_logged" && entry.annotations?.outcome !== undefined)
    expect(logged?.annotations).toMatchObject({ deliveryId: "msg_cli_logged", source: "mosaic", outcome: "applied" })
    expect(receiver.output()).not.toContain("Robin Ashdale")
    expect(receiver.output()).not.toContain("housing")
  }, 60_000)
})
