import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import {
  Agendas,
  type BundleManifest,
  ChildId,
  ChildRecords,
  EventStore,
  Deadlines,
  Decisions,
  Documents,
  type DocumentModel,
  EnglandAndWalesCalendar,
  preset,
  Referrals,
  Sittings
} from "@carepanel/core"
import { playWeek, SequentialIds, staffOf, staticPolicies } from "@carepanel/core/testing"
import { generateSigningKeyPem, SqliteStoreLayer, signingKeyFromPem, trustedKeyOf } from "@carepanel/store-sql"
import { describe, expect, it } from "@effect/vitest"
import { DateTime, Effect, Layer, TestContext } from "effect"
import { bundleCheckReport } from "../src/bundleCheckReport.js"
import { checkBundle } from "../src/checkBundle.js"
import { renderPdf } from "../src/renderPdf.js"
import { inOrder, pdfPages } from "./pdfText.js"
import { resignedByAnotherKey } from "./tamper.js"

const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)
const cli = fileURLToPath(new URL("../bin/carepanel-bundle-check.js", import.meta.url))

/** The authority's key, outside the data directory; the re-check gets only its public part. */
const keyPem = generateSigningKeyPem()
const authorityKeys = [trustedKeyOf(signingKeyFromPem(keyPem))]
const scratch = mkdtempSync(join(tmpdir(), "carepanel-bundle-"))

/** The core on a real SQLite store, which chains and signs every commit a bundle is checked against. */
const onSqlite = Layer.mergeAll(Referrals.Default, Decisions.Default, ChildRecords.Default, Deadlines.Default, Agendas.Default, Documents.Default).pipe(
  Layer.provideMerge(Sittings.Default),
  Layer.provideMerge(
    Layer.mergeAll(
      // the played week moves the test clock by days: a witness every minute would checkpoint thousands of times
      SqliteStoreLayer({ dataDir: join(scratch, "data"), signingKeyPem: keyPem, witnessFile: join(scratch, "witness", "checkpoints.jsonl"), witnessIntervalSeconds: 10 * 365 * 86_400 }),
      SequentialIds,
      staticPolicies(policy),
      EnglandAndWalesCalendar
    )
  )
)

interface Played {
  readonly document: DocumentModel
  readonly manifest: BundleManifest
  /** A bundle made after one more event was recorded on the child's request, carrying the earlier bundle's checkpoint. */
  readonly staleManifest: BundleManifest
}

const bundleRequest = { actor: staff.assistantDirector, identityGranted: false, purpose: "Court bundle" }

/** One played week on SQLite, shared by the tests. */
let played: Promise<Played> | undefined
const bundleOfWeek = Effect.promise(() => {
  played ??= Effect.runPromise(
    Effect.gen(function* () {
      yield* playWeek(policy)
      // the child's statutory record is one of the records the bundle seals and the re-check covers
      yield* (yield* ChildRecords).recordLegalStatus(staff.socialWorker, ChildId.make("child-a"), "C1", yield* DateTime.now)
      const documents = yield* Documents
      const first = yield* documents.courtBundle(bundleRequest, ChildId.make("child-a"))
      const request = first.manifest.events.find((event) => event.streamType === "referral")!
      const stream = { authorityId: policy.authority.id, streamType: "referral", id: request.recordId }
      const store = yield* EventStore
      const version = (yield* store.readStream(stream)).length
      yield* store.append({ stream, expectedVersion: version, events: [{ type: "CaseNoteAdded", data: { note: "recorded after the checkpoint" } }], readModels: [], notifications: [] })
      const later = yield* documents.courtBundle(bundleRequest, ChildId.make("child-a"))
      return { ...first, staleManifest: { ...later.manifest, integrity: first.manifest.integrity } }
    }).pipe(Effect.provide(onSqlite), Effect.provide(TestContext.TestContext))
  )
  return played
})

const check = (manifest: BundleManifest) => bundleCheckReport(checkBundle(manifest, authorityKeys))

const publicKeyFile = join(scratch, "authority-public.pem")
writeFileSync(publicKeyFile, String(authorityKeys[0]!.publicKey.export({ type: "spki", format: "pem" })))

const checkFile = (manifest: BundleManifest) => {
  const file = join(mkdtempSync(join(tmpdir(), "carepanel-manifest-")), "bundle.json")
  writeFileSync(file, JSON.stringify(manifest))
  const run = spawnSync(process.execPath, [cli, file, publicKeyFile], { encoding: "utf8" })
  return { status: run.status, out: `${run.stdout}${run.stderr}` }
}

const withEvents = (manifest: BundleManifest, events: BundleManifest["events"]): BundleManifest => ({ ...manifest, events })

describe("court bundle", () => {
  it.effect("the PDF lists the child's records in order and ends with the signed checkpoint and every event's position and hash", () =>
    Effect.gen(function* () {
      const { document, manifest } = yield* bundleOfWeek
      const text = (yield* Effect.promise(() => renderPdf(document).then(pdfPages))).join(" ")
      const checkpoint = manifest.integrity!.checkpoint
      expect(inOrder(text, ["Court bundle: Alex Brook (child-a)", "Chronology", "Requests", "Decisions", "Recorded by", "Sign-offs and agreements", "Dissent", "Placements and extensions", "Statutory record", "interim care order", "Statutory clocks", "Integrity appendix", "Signed checkpoint: store", "Position", String(checkpoint.events.position), "Key id", checkpoint.keyId])).toBeUndefined()
      expect(inOrder(text.replace(/\s/g, ""), [checkpoint.events.head, checkpoint.signature])).toBeUndefined()
      expect(manifest.events.length).toBeGreaterThan(5)
      for (const event of manifest.events) expect(event.hash).toMatch(/^[0-9a-f]{64}$/)
      expect(inOrder(text.replace(/\s/g, ""), manifest.events.map((event) => event.hash))).toBeUndefined()
    })
  )

  it.effect("the bundle's checkpoint is the one the witness keeps, and it covers every event of the bundle, the child's statutory record's too", () =>
    Effect.gen(function* () {
      const { manifest } = yield* bundleOfWeek
      const seal = manifest.integrity!
      const witnessed = readFileSync(join(scratch, "witness", "checkpoints.jsonl"), "utf8").trim().split("\n").map((line) => JSON.parse(line))
      expect(witnessed).toContainEqual(seal.checkpoint)
      expect(seal.checkpoint.events.position).toBeGreaterThanOrEqual(manifest.events.at(-1)!.position)
      expect(seal.records.map((record) => record.streamId).sort()).toEqual([...new Set(manifest.events.map((event) => event.streamId))].sort())
      expect(seal.records.map((record) => record.streamId)).toContain(`${policy.authority.id}/child-record/child-a`)
      expect(check(manifest)).toEqual({
        exitCode: 0,
        lines: [
          `OK: ${manifest.events.length} events in 3 records, up to position ${manifest.events.at(-1)!.position}, match their hashes and the signed commits; the signed checkpoint covers every one.`,
          `checkpoint: store ${seal.storeId}, position ${seal.checkpoint.events.position}, ${seal.checkpoint.at}, key ${authorityKeys[0]!.keyId}`
        ]
      })
    })
  )

  it.effect("the command re-checks a bundle file offline against the public key file (one process: it starts slowly on a loaded machine)", () =>
    Effect.gen(function* () {
      const { manifest } = yield* bundleOfWeek
      const bad = checkFile(withEvents(manifest, manifest.events.slice(1)))
      expect([bad.status, bad.out]).toEqual([1, expect.stringContaining(`FAILED at position ${manifest.events[1]!.position}: Version 1 of`)])
    }),
    120_000
  )

  it.effect("a tampered bundle is caught with the first bad item named: one event changed, one removed, a record left out, one signature from another key", () =>
    Effect.gen(function* () {
      const { manifest } = yield* bundleOfWeek
      const target = manifest.events[3]!
      const changed = withEvents(manifest, manifest.events.map((event) => (event === target ? { ...event, data: { ...(event.data as object), note: "altered" } } : event)))
      expect(check(changed)).toEqual({
        exitCode: 1,
        lines: [`FAILED at position ${target.position}: The event at position ${target.position} (${target.streamId}, version ${target.version}, ${target.type}) does not match its hash: it was changed after it was recorded.`]
      })

      const removed = withEvents(manifest, manifest.events.filter((event) => event !== target))
      const next = manifest.events.slice(4).find((event) => event.streamId === target.streamId)!
      expect(check(removed).lines).toEqual([`FAILED at position ${next.position}: Version ${target.version} of ${target.streamId} is missing: the bundle goes from version ${target.version - 1} to the event at position ${next.position} (${next.streamId}, version ${next.version}, ${next.type}).`])

      // a record's last commit, events and signed link both: only the signed list of records shows it
      const commits = manifest.integrity!.commits
      const lastCommit = commits.findLast((commit) => commits.some((earlier) => earlier.streamId === commit.streamId && earlier.lastPosition < commit.firstPosition))!
      const kept = manifest.events.filter((event) => event.streamId !== lastCommit.streamId || event.position < lastCommit.firstPosition)
      const cut: BundleManifest = { ...withEvents(manifest, kept), integrity: { ...manifest.integrity!, commits: commits.filter((commit) => commit !== lastCommit) } }
      const keptVersion = kept.filter((event) => event.streamId === lastCommit.streamId).at(-1)!.version
      const sealedVersion = manifest.integrity!.records.find((record) => record.streamId === lastCommit.streamId)!.version
      expect(check(cut).lines).toEqual([`FAILED: Record ${lastCommit.streamId} ends at version ${keptVersion} in the bundle, but at version ${sealedVersion} at the checkpoint: its last events were removed.`])

      // the child's statutory record left out whole, its events and signed commits: the signed list of records names it
      const statutory = `${policy.authority.id}/child-record/child-a`
      const withoutRecord: BundleManifest = {
        ...withEvents(manifest, manifest.events.filter((event) => event.streamId !== statutory)),
        integrity: { ...manifest.integrity!, commits: commits.filter((commit) => commit.streamId !== statutory) }
      }
      const recordVersion = manifest.events.filter((event) => event.streamId === statutory).length
      expect(check(withoutRecord).lines).toEqual([`FAILED: Record ${statutory} (version ${recordVersion} at the checkpoint) is missing from the bundle.`])

      // changed, every hash after it recomputed, the commits and the list of records re-signed with a key of the forger's own
      const forger = signingKeyFromPem(generateSigningKeyPem())
      const forged = resignedByAnotherKey(manifest, target.position, forger)
      const commit = manifest.integrity!.commits.find((candidate) => candidate.firstPosition <= target.position && target.position <= candidate.lastPosition)!
      expect(check(forged).lines).toEqual([
        `FAILED at position ${commit.firstPosition}: The commit of positions ${commit.firstPosition}-${commit.lastPosition} (${target.streamId}) is signed with key ${forger.keyId}, not with the authority's key (${authorityKeys[0]!.keyId}).`
      ])
      expect(checkBundle(forged, [...authorityKeys, trustedKeyOf(forger)])).toMatchObject({ ok: true })
    })
  )

  it.effect("the checkpoint and the list of records cannot be swapped for another's, nor the bundle passed off as unsigned", () =>
    Effect.gen(function* () {
      const { manifest } = yield* bundleOfWeek
      const seal = manifest.integrity!
      const moved = { ...seal.checkpoint, events: { ...seal.checkpoint.events, position: seal.checkpoint.events.position + 1 } }
      expect(check({ ...manifest, integrity: { ...seal, checkpoint: moved } }).lines).toEqual([
        `FAILED: The checkpoint does not match its signature (key ${seal.checkpoint.keyId}): it was changed after it was signed.`
      ])
      expect(check({ ...manifest, childId: "child-b" }).lines).toEqual([
        `FAILED: The list of child-b's records at the checkpoint does not match its signature (key ${seal.keyId}): it was changed after it was signed.`
      ])
      expect(check({ ...manifest, integrity: undefined }).lines).toEqual([
        "FAILED: This bundle carries no signed checkpoint: its store does not sign its record, so it cannot be checked against the authority's key."
      ])
      expect(check({ ...manifest, format: "carepanel-court-bundle/1" } as never).exitCode).toBe(1)
    })
  )

  it.effect("a bundle whose checkpoint is older than its last events says so (exit 2), naming them", () =>
    Effect.gen(function* () {
      const { staleManifest } = yield* bundleOfWeek
      const after = staleManifest.events.filter((event) => event.position > staleManifest.integrity!.checkpoint.events.position)
      expect(after.map((event) => event.type)).toEqual(["CaseNoteAdded"])
      const report = check(staleManifest)
      expect(report.exitCode).toBe(2)
      expect(report.lines[0]).toBe(
        `NOT COVERED: ${staleManifest.events.length} events in 3 records, up to position ${after[0]!.position}, match their hashes and the signed commits, but the checkpoint is older than the last events: 1 event(s), positions ${after[0]!.position}-${after[0]!.position}, were recorded after it: they match their hashes, but nothing signed shows whether later events of their records were left out. Ask for a bundle with a newer checkpoint.`
      )
    })
  )
})

/** docs/documents.md's console block: each `npx carepanel-bundle-check <file> <key>` run in this process on the played bundle. */
describe("docs/documents.md", () => {
  it.effect("runs its re-check example: an untouched bundle, then one with an event changed", () =>
    Effect.gen(function* () {
      const { manifest } = yield* bundleOfWeek
      const doc = readFileSync(fileURLToPath(new URL("../../../docs/documents.md", import.meta.url)), "utf8")
      const blocks = [...doc.matchAll(/```console\n([\s\S]*?)```/g)].map((match) => match[1]!)
      expect(blocks).toHaveLength(1)
      const target = manifest.events[2]!
      const files: Record<string, BundleManifest> = {
        "bundle.json": manifest,
        "changed.json": withEvents(manifest, manifest.events.map((event) => (event === target ? { ...event, data: { ...(event.data as object), decidedBy: "someone else" } } : event)))
      }
      const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
      const lines = blocks[0]!.trimEnd().split("\n")
      let commands = 0
      for (let i = 0; i < lines.length; i++) {
        const [, file, key] = /^\$ npx carepanel-bundle-check (\S+) (\S+)$/.exec(lines[i]!)!
        expect(key).toBe("authority-public.pem")
        const expected: Array<string> = []
        while (i + 1 < lines.length && !lines[i + 1]!.startsWith("$ ")) expected.push(lines[++i]!)
        const printed = check(files[file!]!).lines
        expect(printed.length).toBe(expected.length)
        expected.forEach((line, n) => {
          expect(printed[n]).toMatch(new RegExp(`^${escapeRegExp(line).replace(/<[^<>]+>/g, ".+")}$`))
        })
        commands += 1
      }
      expect(commands).toBe(2)
      // "about 0.5 KiB a commit": what each signed commit adds to the manifest
      const seal = manifest.integrity!
      expect(JSON.stringify(seal.commits).length / seal.commits.length).toBeLessThan(512)
    })
  )
})
