import { createPublicKey } from "node:crypto"
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { storeCommand } from "../src/cli/verifyCommand.js"
import { generateSigningKeyPem, SqliteStoreLayer, signingKeyFromPem, StoreIntegrity } from "../src/index.js"
import { appendSome, streamNamed } from "./support/appendSome.js"
import { runOn } from "./support/dialects.js"
import { freshDataDir, removeTempDirs } from "./support/freshStores.js"

afterAll(removeTempDirs)

const publicPemOf = (privatePem: string) => String(createPublicKey(privatePem).export({ type: "spki", format: "pem" }))

/** A store with three signed events in its data directory, signed by `keyPem` (kept outside the data directory). */
const storeSignedWith = async (keyPem: string) => {
  const dataDir = freshDataDir()
  const storeId = await runOn(
    SqliteStoreLayer({ dataDir, signingKeyPem: keyPem }),
    Effect.zipRight(appendSome(streamNamed("r1"), 3), Effect.map(StoreIntegrity, (integrity) => integrity.checkpoint)).pipe(
      Effect.flatten,
      Effect.map((checkpoint) => checkpoint.storeId)
    )
  )
  return { dataDir, storeId }
}

const run = (command: string, env: Record<string, string>) => Effect.runPromise(storeCommand(command, [], { DATABASE_URL: "", ...env }))

describe("carepanel-store verify with public keys only (issue 14)", () => {
  it("checks every signature with the authority's public key, no private key on the verifying machine", async () => {
    const keyPem = generateSigningKeyPem()
    const { dataDir } = await storeSignedWith(keyPem)
    const scratch = freshDataDir()
    const publicFile = join(scratch, "authority-public.pem")
    writeFileSync(publicFile, publicPemOf(keyPem))
    const keyId = signingKeyFromPem(keyPem).keyId

    const intact = await run("verify", { CAREPANEL_DATA_DIR: dataDir, CAREPANEL_TRUSTED_KEYS_FILE: publicFile })
    expect(intact.lines.slice(0, 3)).toEqual([`store: SQLite in ${dataDir}`, "chain intact: 3 events in 1 stream (3 signed commits), 0 access-log entries", `signed by: ${keyId}`])
    expect(intact.exitCode).toBe(0)

    const otherPublic = join(scratch, "another-authority.pem")
    writeFileSync(otherPublic, publicPemOf(generateSigningKeyPem()))
    const wrongKey = await run("verify", { CAREPANEL_DATA_DIR: dataDir, CAREPANEL_TRUSTED_KEYS_FILE: otherPublic })
    expect(wrongKey.exitCode).toBe(1)
    expect(wrongKey.lines.at(-1)).toBe(`chain broken at events position 1 (stream authority-a/referral/r1): its commit was signed with key ${keyId}, recorded in the store but not trusted`)

    const noKey = await run("verify", { CAREPANEL_DATA_DIR: dataDir })
    expect(noKey).toEqual({
      exitCode: 2,
      lines: ["verify needs the authority's public key: set CAREPANEL_TRUSTED_KEYS_FILE to a PEM file of its public key(s) (openssl pkey -in signing-key.pem -pubout)"]
    })
    const privateAsTrusted = join(scratch, "private.pem")
    writeFileSync(privateAsTrusted, keyPem)
    expect(await run("verify", { CAREPANEL_DATA_DIR: dataDir, CAREPANEL_TRUSTED_KEYS_FILE: privateAsTrusted })).toEqual({
      exitCode: 2,
      lines: [`CAREPANEL_TRUSTED_KEYS_FILE ${privateAsTrusted} holds no PUBLIC KEY block`]
    })
  })

  it("refuses, by name, a witness checkpoint of another store signed with the same key", async () => {
    const keyPem = generateSigningKeyPem()
    const first = await storeSignedWith(keyPem)
    const second = await storeSignedWith(keyPem)
    expect(first.storeId).toMatch(/^store_[0-9a-f]{24}$/)
    expect(second.storeId).not.toBe(first.storeId)
    const scratch = freshDataDir()
    const witnessFile = join(scratch, "witness.jsonl")
    const publicFile = join(scratch, "public.pem")
    writeFileSync(publicFile, publicPemOf(keyPem))
    const checkpointed = await run("checkpoint", { CAREPANEL_DATA_DIR: first.dataDir, CAREPANEL_SIGNING_KEY: keyPem, CAREPANEL_WITNESS_FILE: witnessFile })
    expect(checkpointed.exitCode).toBe(0)
    expect(JSON.parse(readFileSync(witnessFile, "utf8"))).toMatchObject({ v: 2, storeId: first.storeId })

    const own = await run("verify", { CAREPANEL_DATA_DIR: first.dataDir, CAREPANEL_TRUSTED_KEYS_FILE: publicFile, CAREPANEL_WITNESS_FILE: witnessFile })
    expect(own.lines.at(-1)).toMatch(/^witness: matches the checkpoint of /)
    const other = await run("verify", { CAREPANEL_DATA_DIR: second.dataDir, CAREPANEL_TRUSTED_KEYS_FILE: publicFile, CAREPANEL_WITNESS_FILE: witnessFile })
    expect(other.exitCode).toBe(1)
    expect(other.lines.at(-1)).toMatch(
      new RegExp(`^chain broken at the witness: the witness's last checkpoint \\(.+\\) is of store ${first.storeId}, not of this store \\(${second.storeId}\\): it belongs to another store$`)
    )
  })
})
