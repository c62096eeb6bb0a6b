import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { redact } from "../src/config/databaseUrl.js"
import { generateSigningKeyPem, PgStoreLayer, signingKeyFromPem } from "../src/index.js"
import { appendSome, streamNamed } from "./support/appendSome.js"
import { runConsoleBlock } from "./support/consoleBlocks.js"
import { runOn } from "./support/dialects.js"
import { closePgAdmin, freshPgDatabase } from "./support/freshStores.js"

afterAll(closePgAdmin)

const operations = readFileSync(new URL("../../../docs/operations.md", import.meta.url), "utf8")
const sectionAt = operations.indexOf("## Backups, and restoring one (PostgreSQL)")
const section = operations.slice(sectionAt, operations.indexOf("\n## ", sectionAt))
const blocks = [...section.matchAll(/```console\n([\s\S]*?)```/g)].map((match) => match[1]!)

describe("docs/operations.md: a backup restored, as an IT team follows it", () => {
  it("the dump restores whole; verify against the old witness names what was lost; a new witness verifies it intact", async () => {
    const dir = mkdtempSync(join(tmpdir(), "carepanel-backup-"))
    const pem = generateSigningKeyPem()
    const keyFile = join(dir, "signing-key.pem")
    writeFileSync(keyFile, pem)
    const database = await freshPgDatabase()
    const witnessFile = join(dir, "witness.log")
    const store = () => PgStoreLayer(database, { signingKeyPem: pem, witnessFile })
    // Three events in two streams when the backup is taken; two more afterwards, which the witness sees.
    await runOn(store(), Effect.all([appendSome(streamNamed("r1"), 2), appendSome(streamNamed("r2"), 1)]))
    const restored = await freshPgDatabase()
    const values: Record<string, string> = {
      "database URL": database,
      "restored database URL": restored,
      "restored database": redact(restored),
      "backup file": join(dir, "carepanel.dump"),
      "key file": keyFile,
      "witness file": witnessFile,
      "new witness file": join(dir, "witness-after-restore.log"),
      "key id": signingKeyFromPem(pem).keyId,
      "backed up": "3",
      witnessed: "5",
      "first lost": "4",
      streams: "2",
      "access entries": "0"
    }
    const env: Record<string, string> = { CAREPANEL_TRUSTED_KEYS_FILE: "", CAREPANEL_DATA_DIR: dir }
    const fill = (text: string) => text.replace(/<([^<>]+)>/g, (whole, name: string) => values[name] ?? whole)
    const runBlock = (block: string) => runConsoleBlock(block, env, fill, { "<time>": "\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z" })
    expect(blocks).toHaveLength(3)
    await runBlock(blocks[0]!)
    await runOn(store(), appendSome(streamNamed("r1"), 2))
    await runBlock(blocks[1]!)
    await runBlock(blocks[2]!)
  }, 120_000)
})
