import { existsSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { repositoryFile } from "@carepanel/core/mutation/repositoryFile"
import { generateSigningKeyPem, signingKeyFromPem } from "@carepanel/store-sql"
import { describe, expect, it } from "vitest"
import { runConsoleBlock } from "../../../packages/store-sql/test/support/consoleBlocks.js"
import { loadDevKeys, signDevToken } from "../src/auth/devKeys.js"
import { startMain, stop } from "./support/mainJob.js"

/** A page's section under `heading`, to the next heading of its level, and its console blocks. */
const consoleBlocksOf = (doc: string, heading: string) => {
  const at = doc.indexOf(`${heading}\n`)
  expect(at, heading).toBeGreaterThanOrEqual(0)
  const end = doc.indexOf("\n## ", at + heading.length)
  return [...doc.slice(at, end === -1 ? undefined : end).matchAll(/```console\n([\s\S]*?)```/g)].map((match) => match[1]!)
}

const upgrade = consoleBlocksOf(repositoryFile("docs/deployment.md"), "## Upgrading on SQLite (one machine)")
const backups = consoleBlocksOf(repositoryFile("docs/operations.md"), "## Backups on SQLite")

/** What changes between runs, as a pattern: counts, and how long a rebuild took. */
const patterns = Object.fromEntries(
  ["<events>", "<access entries>", "<streams>", "<commits>", "<rows>", "<changed>"].map((placeholder) => [placeholder, "\\d+"]).concat([["<seconds>", "\\d+\\.\\d"]])
)

const history = `{
  referrals(first: 100) { edges { node { id status } } }
  decisions(first: 100) { edges { node { id outcome status } } }
  placements { id childId }
}`

const draft = `mutation { createReferralDraft(input: { form: {
  panelId: "support-panel",
  socialWorker: { personId: "priya-ashdown", name: "Priya Ashdown" },
  teamManager: { personId: "tom-brackley", name: "Tom Brackley" },
  children: [{ childId: "MOSAIC-100234", fullName: "Ellis Marrow", dateOfBirth: "2016-09-14", plan: CIN }],
  requestTypes: [edge_of_care_resource],
  request: "An edge-of-care worker for 12 weeks",
  reason: "Parenting capacity has fallen; school reports missed meals",
  proposedPlan: "Family group conference and an edge-of-care worker"
} }) { __typename } }`

/**
 * The API on the data directory, as the council runs it: signing with a key kept outside the data directory. Only the
 * first start seeds (and sets a sitting under way, then waits for its notices); the later ones start on what is there.
 */
const api = async (dataDir: string, keyFile: string, seed: boolean) => {
  const main = startMain(dataDir, { CAREPANEL_SIGNING_KEY_FILE: keyFile, CAREPANEL_SEED: String(seed) })
  const printed = await main.started
  const url = /^curl -s (\S+)\/graphql /m.exec(printed)![1]!
  const keys = await loadDevKeys(dataDir)
  const ask = async (query: string, role: "panel_administrator" | "social_worker" = "panel_administrator") => {
    const token = await signDevToken(keys, { authorityId: "wexcombe", roles: [role], personId: "priya-ashdown", name: "Priya Ashdown" })
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ query })
    })
    const body = (await response.json()) as { data?: unknown; errors?: unknown }
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined()
    return body.data
  }
  const killed = new Promise((resolve) => main.child.once("exit", resolve))
  return {
    url,
    ask,
    stop: async () => expect(await stop(main.child)).toBe(0),
    /** As a process that crashed: its last commits stay in the -wal file beside the data file. */
    kill: async () => {
      main.child.kill("SIGKILL")
      await killed
    }
  }
}

/** A fresh data directory the API will seed, its signing key kept outside it, and the doc's placeholders for them. */
const councilStore = () => {
  const dataDir = mkdtempSync(join(tmpdir(), "carepanel-upgrade-"))
  const outside = mkdtempSync(join(tmpdir(), "carepanel-upgrade-keys-"))
  const pem = generateSigningKeyPem()
  const keyFile = join(outside, "signing-key.pem")
  writeFileSync(keyFile, pem)
  const values: Record<string, string> = {
    "data directory": dataDir,
    "key file": keyFile,
    "key id": signingKeyFromPem(pem).keyId,
    "backup directory": join(outside, "backup")
  }
  const fill = (text: string) => text.replace(/<([^<>]+)>/g, (whole, name: string) => values[name] ?? whole)
  const env: Record<string, string> = { DATABASE_URL: "", CAREPANEL_WITNESS_FILE: "", CAREPANEL_TRUSTED_KEYS_FILE: "" }
  let started = 0
  return { values, start: () => api(dataDir, keyFile, started++ === 0), run: (block: string) => runConsoleBlock(block, env, fill, patterns) }
}

describe("backing up and upgrading a SQLite store, as docs/operations.md and docs/deployment.md say", () => {
  it("a copy taken while the API serves, put back, makes the API answer as when the copy was taken", async () => {
    expect(backups).toHaveLength(2)
    const store = councilStore()
    const seeded = await store.start()
    const before = await seeded.ask(history)
    await store.run(backups[0]!)
    // A request drafted after the copy: the restore loses it.
    await seeded.ask(draft, "social_worker")
    expect(await seeded.ask(history)).not.toEqual(before)
    await seeded.stop()
    await store.run(backups[1]!)
    const restored = await store.start()
    expect(await restored.ask(history)).toEqual(before)
    await restored.stop()
  }, 60_000)

  it("stopped, copied, started again ready, verified and rebuilt; rolled back after a crash, the API answers as before the upgrade", async () => {
    expect(upgrade).toHaveLength(4)
    const store = councilStore()
    const seeded = await store.start()
    const before = await seeded.ask(history)
    await seeded.stop()
    await store.run(upgrade[0]!)
    const upgraded = await store.start()
    store.values["API address"] = upgraded.url
    await store.run(upgrade[1]!)
    await store.run(upgrade[2]!)
    expect(await upgraded.ask(history)).toEqual(before)
    // Something recorded on the new version, which the rollback loses; the new version then crashes, leaving its -wal.
    await upgraded.ask(draft, "social_worker")
    expect(await upgraded.ask(history)).not.toEqual(before)
    await upgraded.kill()
    expect(existsSync(join(store.values["data directory"]!, "carepanel.sqlite-wal"))).toBe(true)
    await store.run(upgrade[3]!)
    const rolledBack = await store.start()
    expect(await rolledBack.ask(history)).toEqual(before)
    await rolledBack.stop()
  }, 60_000)
})
