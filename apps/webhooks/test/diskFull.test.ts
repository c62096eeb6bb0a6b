import { spawnSync } from "node:child_process"
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { setTimeout as sleep } from "node:timers/promises"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startMain, stop } from "../../graphql/test/support/mainJob.js"
import { writeDevKeys } from "./support/devToken.js"
import { approved, authority, socialWorker, sourcesFor, submitted } from "./support/fixtures.js"
import { type Answered, deliver } from "./support/receiver.js"
import { type ReceiverProcess, spawnReceiver } from "./support/process.js"
import { countOf, sqliteAt } from "./support/storeQuery.js"

/**
 * The commonest fault of an embedded store: its disk fills (logs, backups, a runaway file) under the running receiver
 * and API, and is freed. Nothing acknowledged is lost or half-written, and the same processes answer as before once
 * there is space again (docs/operations.md, "When the store fails"). The data directory is a small tmpfs of its own,
 * which only root may mount.
 */
const isRoot = process.getuid?.() === 0
const dataDir = mkdtempSync(join(tmpdir(), "carepanel-disk-full-"))
const ballast = join(dataDir, "ballast")
const storeCli = fileURLToPath(new URL("../../../packages/store-sql/bin/carepanel-store.js", import.meta.url))
const store = sqliteAt(dataDir)
let mounted = false
let api: ReturnType<typeof startMain> | undefined
let apiUrl: string
let receiver: ReceiverProcess | undefined
let token: string

beforeAll(async () => {
  if (!isRoot) return
  const mount = spawnSync("mount", ["-t", "tmpfs", "-o", "size=48m", "tmpfs", dataDir], { encoding: "utf8" })
  if (mount.status !== 0) throw new Error(`mount -t tmpfs failed: ${mount.stderr}`)
  mounted = true
  token = writeDevKeys(dataDir, authority)(socialWorker, ["social_worker"])
  const sources = join(dataDir, "sources.json")
  writeFileSync(sources, JSON.stringify(sourcesFor()))
  api = startMain(dataDir, { CAREPANEL_SEED: "false" })
  const [printed, started] = await Promise.all([
    api.started,
    spawnReceiver({ CAREPANEL_DATA_DIR: dataDir, CAREPANEL_WEBHOOK_SOURCES: sources, CAREPANEL_LOG_LEVEL: "Warning" })
  ])
  apiUrl = /at (http:\/\/\S+)\/graphql$/m.exec(printed)![1]!
  receiver = started
}, 90_000)

afterAll(async () => {
  try {
    await Promise.all([api === undefined ? undefined : stop(api.child), receiver?.stop()])
  } finally {
    if (mounted) spawnSync("umount", [dataDir])
    rmSync(dataDir, { recursive: true, force: true })
  }
})

/** Writes a file until the file system refuses it (ENOSPC), to the last page. */
const fillTheDisk = () => {
  const fd = openSync(ballast, "w")
  try {
    for (const size of [1 << 20, 4_096, 512]) {
      const chunk = Buffer.alloc(size, 1)
      for (;;) {
        try {
          if (writeSync(fd, chunk) < size) break
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === "ENOSPC") break
          throw error
        }
      }
    }
  } finally {
    closeSync(fd)
  }
}

const graphql = async (query: string, variables: Record<string, unknown> = {}) => {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ query, variables })
  })
  const body = (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions: { code: string } }> }
  return { status: response.status, ...body }
}

const createDraft = (childId: string) =>
  graphql("mutation ($input: CreateReferralDraftInput!) { createReferralDraft(input: $input) { __typename ... on Referral { id status } ... on DomainError { code message } } }", {
    input: {
      form: {
        panelId: "support-panel",
        socialWorker: { personId: socialWorker.personId, name: socialWorker.name },
        teamManager: { personId: "tom-brackley", name: "Tom Brackley" },
        children: [{ childId, fullName: "Sol Pemberley", dateOfBirth: "2016-04-09", plan: "CIN" }],
        requestTypes: ["edge_of_care_resource"],
        request: "An edge-of-care worker for 12 weeks",
        reason: "Parenting capacity has fallen",
        proposedPlan: "Family group conference and an edge-of-care worker"
      }
    }
  })

/** A read of a child's record: the API logs it before it answers with the child. */
const readChildren = (referralId: string) =>
  graphql("query ReadChildren($id: ID!) { referral(id: $id) { ... on Referral { children { childId fullName } } } }", { id: referralId })

const ready = async (url: string) => {
  const response = await fetch(`${url}/ready`)
  return [response.status, await response.json()]
}

const delivery = (n: number) => ({ id: `msg_disk_${n}`, event: submitted(`MOS-DISK-${n}`, { id: `child-disk-${n}`, name: "Ari Castlemoor" }) })
const send = (n: number) => deliver(receiver!.url, delivery(n).event, { id: delivery(n).id })

/** The annotations of a process's JSON log lines at level ERROR. */
const errorLines = (output: string) =>
  output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as { logLevel: string; annotations: Record<string, unknown> })
    .filter((line) => line.logLevel === "ERROR")
    .map((line) => line.annotations)

const verify = () => spawnSync(process.execPath, [storeCli, "verify"], { env: { ...process.env, CAREPANEL_DATA_DIR: dataDir, DATABASE_URL: "" }, encoding: "utf8" })

describe.skipIf(!isRoot)("the disk under the SQLite store fills, then is freed (needs root to mount a tmpfs)", () => {
  it("while full: deliveries 503 try-again, mutations 503 STORE_FAILED, a child's record withheld; nothing half-written; once freed, the same processes apply the next tries, and every delivery acknowledged is applied once", async () => {
    const before = await send(0)
    expect(before.status, JSON.stringify(before.body)).toBe(200)
    const referralId: string = before.body.touched[0].id
    const read = await readChildren(referralId)
    expect(read.errors, JSON.stringify(read.errors)).toBeUndefined()
    expect(read.data.referral.children).toEqual([{ childId: "child-disk-0", fullName: "Ari Castlemoor" }])

    // A burst in flight as the disk fills: some are answered 200 before it is full, the rest 503.
    let answered = 0
    let tenAnswered = () => {}
    const whenTenAnswered = new Promise<void>((resolve) => {
      tenAnswered = resolve
    })
    const burst = Array.from({ length: 40 }, (_, i) =>
      send(i + 1).then((answer) => {
        if (++answered === 10) tenAnswered()
        return answer
      })
    )
    await whenTenAnswered
    fillTheDisk()
    const burstAnswers = await Promise.all(burst)
    for (const answer of burstAnswers) expect([200, 503], JSON.stringify(answer.body)).toContain(answer.status)

    // Full.
    const refused: Answered = await send(100)
    expect(refused.status, JSON.stringify(refused.body)).toBe(503)
    expect(refused.body.type).toBe("https://carepanel.example/problems/try-again")
    const approval = await deliver(receiver!.url, approved("MOS-DISK-0"), { id: "msg_disk_approved" })
    expect(approval.status, JSON.stringify(approval.body)).toBe(503)
    // A delivery already applied is answered from the store, as before.
    expect((await send(0)).status).toBe(200)
    const draft = await createDraft("MOSAIC-DISK-FULL-1")
    expect(draft.status).toBe(503)
    expect(draft.errors?.map((error) => error.extensions.code)).toEqual(["STORE_FAILED"])
    // The read of a child's record is withheld: its access could not be logged.
    const withheld = await readChildren(referralId)
    expect(withheld.status).toBe(503)
    expect(withheld.errors?.map((error) => error.extensions.code)).toEqual(["STORE_FAILED"])
    expect(JSON.stringify(withheld)).not.toContain("Ari Castlemoor")
    // Each app's error line says why in the driver's words, so the on-call engineer knows to free space.
    expect(errorLines(receiver!.output())).toContainEqual(expect.objectContaining({ deliveryId: "msg_disk_100", storeError: "database or disk is full" }))
    const apiErrors = errorLines(api!.output())
    for (const operation of ["save the change", "record reads of a child's record"]) {
      expect(apiErrors).toContainEqual(expect.objectContaining({ operation, storeError: "database or disk is full" }))
    }
    // Reads still work, so each app stays ready: a full disk is no reason to restart it or to send its traffic elsewhere.
    expect(await ready(apiUrl)).toEqual([200, { ready: true, store: "reachable", migrations: "current" }])
    expect(await ready(receiver!.url)).toEqual([200, { ready: true, store: "reachable", migrations: "current" }])

    // Freed: nothing half-written, and the same processes answer as before.
    rmSync(ballast)
    const verified = verify()
    expect(verified.status, verified.stdout + verified.stderr).toBe(0)
    await sleep(1_000)
    const afterwards = await send(100)
    expect(afterwards.status, JSON.stringify(afterwards.body)).toBe(200)
    expect(afterwards.body.outcome).toBe("applied")
    const approvedAfterwards = await deliver(receiver!.url, approved("MOS-DISK-0"), { id: "msg_disk_approved" })
    expect(approvedAfterwards.status, JSON.stringify(approvedAfterwards.body)).toBe(200)
    expect(approvedAfterwards.body.outcome).toBe("applied")
    const draftAfterwards = await createDraft("MOSAIC-DISK-FULL-1")
    expect(draftAfterwards.errors, JSON.stringify(draftAfterwards.errors)).toBeUndefined()
    expect(draftAfterwards.data.createReferralDraft).toMatchObject({ __typename: "Referral", status: "draft" })
    expect((await readChildren(referralId)).data.referral.children).toEqual([{ childId: "child-disk-0", fullName: "Ari Castlemoor" }])

    // The change refused while full left nothing: its retry made the one request.
    expect(await countOf(store, "SELECT COUNT(DISTINCT stream_id) AS n FROM events WHERE stream_type = 'referral' AND instr(data, ?) > 0", ['"MOSAIC-DISK-FULL-1"'])).toBe(1)
    // The read before the fill and the one after are logged; the one withheld while full is not.
    expect(await countOf(store, "SELECT COUNT(*) AS n FROM access_log WHERE child_id = 'child-disk-0'")).toBe(2)

    // Every delivery answered 200 is applied, once; every one answered 503 left nothing. Sent again, as its sender
    // would, each is applied once.
    const appliedOf = async (n: number) => [
      await countOf(store, "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE delivery_id = ? AND outcome = 'applied'", [delivery(n).id]),
      await countOf(store, "SELECT COUNT(DISTINCT stream_id) AS n FROM events WHERE stream_type = 'referral' AND instr(data, ?) > 0", [`"child-disk-${n}"`])
    ]
    const acknowledged = [0, ...burstAnswers.flatMap((answer, i) => (answer.status === 200 ? [i + 1] : []))]
    expect(acknowledged.length).toBeGreaterThanOrEqual(11)
    expect(acknowledged.length).toBeLessThan(41)
    for (let n = 0; n <= 40; n++) expect(await appliedOf(n), delivery(n).id).toEqual(acknowledged.includes(n) ? [1, 1] : [0, 0])
    for (let n = 0; n <= 40; n++) expect((await send(n)).status).toBe(200)
    for (let n = 0; n <= 40; n++) expect(await appliedOf(n), delivery(n).id).toEqual([1, 1])
    const final = verify()
    expect(final.status, final.stdout + final.stderr).toBe(0)
  }, 60_000)
})


