import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { appendCheckpoint, type Checkpoint, lastCheckpoint } from "../../src/chain/witness.js"

/** The witness file as `carepanel-store verify` reads it and the store appends to it (docs/integrity.md). */
const scratch = mkdtempSync(join(tmpdir(), "carepanel-witness-"))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const checkpoint = (at: string, position: number): Checkpoint => ({
  v: 2,
  storeId: "store_fictional",
  at,
  events: { position, head: "e".repeat(64) },
  access: { seq: 1, head: "a".repeat(64) },
  keyId: "ed25519:0123456789abcdef",
  signature: "c2lnbmVk"
})

const failure = (effect: Effect.Effect<unknown, Error>) => Effect.runPromise(Effect.flip(effect)).then((error) => error.message)

describe("the witness file", () => {
  it("is created with its folder, readable by its owner only, one JSON line per checkpoint; the last one is read back", async () => {
    const file = join(scratch, "kept", "apart", "checkpoints.jsonl")
    await Effect.runPromise(appendCheckpoint(file, checkpoint("2027-03-01T09:00:00.000Z", 4)))
    await Effect.runPromise(appendCheckpoint(file, checkpoint("2027-03-01T09:01:00.000Z", 6)))
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(readFileSync(file, "utf8").split("\n")).toHaveLength(3)
    expect(await Effect.runPromise(lastCheckpoint(file))).toEqual(checkpoint("2027-03-01T09:01:00.000Z", 6))
  })

  it("reads past blank lines at the end, and an empty file as no checkpoint yet", async () => {
    const file = join(scratch, "blank-lines.jsonl")
    writeFileSync(file, `${JSON.stringify(checkpoint("2027-03-01T09:00:00.000Z", 4))}\n\n  \n`)
    expect(await Effect.runPromise(lastCheckpoint(file))).toMatchObject({ at: "2027-03-01T09:00:00.000Z" })
    const empty = join(scratch, "empty.jsonl")
    writeFileSync(empty, "\n")
    expect(await Effect.runPromise(lastCheckpoint(empty))).toBeUndefined()
  })

  it("names the file when it cannot be read, when it ends with a line that is not JSON, and when that line is not a checkpoint", async () => {
    const missing = join(scratch, "missing.jsonl")
    expect(await failure(lastCheckpoint(missing))).toMatch(new RegExp(`^Cannot read the witness file ${missing}: ENOENT`))
    const cut = join(scratch, "cut.jsonl")
    writeFileSync(cut, `${JSON.stringify(checkpoint("2027-03-01T09:00:00.000Z", 4))}\n{"v":2,"at":"2027-03`)
    expect(await failure(lastCheckpoint(cut))).toBe(`The witness file ${cut} ends with a line that is not JSON`)
    const other = join(scratch, "other.jsonl")
    writeFileSync(other, `${JSON.stringify({ ...checkpoint("2027-03-01T09:00:00.000Z", 4), v: 3 })}\n`)
    expect(await failure(lastCheckpoint(other))).toBe(`The witness file ${other} ends with a line that is not a checkpoint`)
  })

  it("names the file when a checkpoint cannot be appended to it", async () => {
    const notAFolder = join(scratch, "a-file")
    writeFileSync(notAFolder, "")
    const file = join(notAFolder, "checkpoints.jsonl")
    expect(await failure(appendCheckpoint(file, checkpoint("2027-03-01T09:00:00.000Z", 4)))).toMatch(
      new RegExp(`^Cannot append to the witness file ${file}: E[A-Z]+: `)
    )
  })
})
