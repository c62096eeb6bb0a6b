import { spawnSync } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import {
  Agendas,
  type BundleManifest,
  ChildId,
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
import { SqliteStoreLayer } from "@carepanel/store-sql"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer, TestContext } from "effect"
import { checkBundle } from "../src/checkBundle.js"
import { renderPdf } from "../src/renderPdf.js"
import { inOrder, pdfPages } from "./pdfText.js"

const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)
const cli = fileURLToPath(new URL("../bin/carepanel-bundle-check.js", import.meta.url))

/** The core on a real SQLite store, whose events carry the chained hashes a bundle is checked against. */
const onSqlite = Layer.mergeAll(Referrals.Default, Decisions.Default, Deadlines.Default, Agendas.Default, Documents.Default).pipe(
  Layer.provideMerge(Sittings.Default),
  Layer.provideMerge(Layer.mergeAll(SqliteStoreLayer({ dataDir: mkdtempSync(join(tmpdir(), "carepanel-bundle-")) }), SequentialIds, staticPolicies(policy), EnglandAndWalesCalendar))
)

/** One played week on SQLite, shared by the tests. */
let played: Promise<{ readonly document: DocumentModel; readonly manifest: BundleManifest }> | undefined
const bundleOfWeek = Effect.promise(() => {
  played ??= Effect.runPromise(
    Effect.gen(function* () {
      yield* playWeek(policy)
      return yield* (yield* Documents).courtBundle({ actor: staff.assistantDirector, identityGranted: false, purpose: "Court bundle" }, ChildId.make("child-a"))
    }).pipe(Effect.provide(onSqlite), Effect.provide(TestContext.TestContext))
  )
  return played
})

const checkFile = (manifest: BundleManifest) => {
  const file = join(mkdtempSync(join(tmpdir(), "carepanel-manifest-")), "bundle.json")
  writeFileSync(file, JSON.stringify(manifest))
  const run = spawnSync(process.execPath, [cli, file], { encoding: "utf8" })
  return { status: run.status, out: `${run.stdout}${run.stderr}` }
}

const withEvents = (manifest: BundleManifest, events: BundleManifest["events"]): BundleManifest => ({ ...manifest, events })

describe("court bundle", () => {
  it.effect("the PDF lists the child's records in order and ends with every event's position and hash", () =>
    Effect.gen(function* () {
      const { document, manifest } = yield* bundleOfWeek
      const text = (yield* Effect.promise(() => renderPdf(document).then(pdfPages))).join(" ")
      expect(inOrder(text, ["Court bundle: Alex Brook (child-a)", "Chronology", "Requests", "Decisions", "Recorded by", "Sign-offs and agreements", "Dissent", "Placements and extensions", "Statutory clocks", "Integrity appendix", "Signed checkpoint: not yet issued"])).toBeUndefined()
      expect(manifest.events.length).toBeGreaterThan(5)
      for (const event of manifest.events) expect(event.hash).toMatch(/^[0-9a-f]{64}$/)
      expect(inOrder(text.replace(/\s/g, ""), manifest.events.map((event) => event.hash))).toBeUndefined()
    })
  )

  it.effect("the command re-checks a bundle file offline (one process: it starts slowly on a loaded machine)", () =>
    Effect.gen(function* () {
      const { manifest } = yield* bundleOfWeek
      const bad = checkFile(withEvents(manifest, manifest.events.slice(1)))
      expect([bad.status, bad.out]).toEqual([1, expect.stringContaining(`FAILED at position ${manifest.events[1]!.position}: Version 1 of`)])
    })
  )

  it.effect("the offline re-check passes an untouched bundle and names the first event changed, removed or moved", () =>
    Effect.gen(function* () {
      const { manifest } = yield* bundleOfWeek
      expect(checkBundle(manifest)).toMatchObject({ ok: true, events: manifest.events.length, streams: 2 })

      const target = manifest.events[3]!
      const changed = withEvents(manifest, manifest.events.map((event) => (event === target ? { ...event, data: { ...(event.data as object), note: "altered" } } : event)))
      expect(checkBundle(changed)).toEqual({
        ok: false,
        position: target.position,
        problem: `The event at position ${target.position} (${target.streamId}, version ${target.version}, ${target.type}) does not match its hash: it was changed after it was recorded.`
      })

      const removed = withEvents(manifest, manifest.events.filter((event) => event !== target))
      const next = manifest.events.slice(4).find((event) => event.streamId === target.streamId)!
      expect(checkBundle(removed)).toEqual({ ok: false, position: next.position, problem: expect.stringContaining(`Version ${target.version} of ${target.streamId} is missing`) })

      const moved = withEvents(manifest, [manifest.events[1]!, manifest.events[0]!, ...manifest.events.slice(2)])
      expect(checkBundle(moved)).toMatchObject({ ok: false, position: manifest.events[1]!.position })
      expect(checkBundle({ ...manifest, format: "something-else" } as never)).toMatchObject({ ok: false, problem: expect.stringContaining("not a Carepanel court bundle") })
    })
  )
})

