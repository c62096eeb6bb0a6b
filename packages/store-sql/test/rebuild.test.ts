import { spawnSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { fileURLToPath } from "node:url"
import { type AuthorityId, DecisionId, Decisions, EventStore, IdGenerator, preset, ReadModels, type Referral, Referrals, streamIdOf } from "@carepanel/core"
import { exampleForm, staffOf } from "@carepanel/core/testing"
import { SqlClient } from "@effect/sql"
import { Effect, Fiber } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { storeCommand } from "../src/cli/verifyCommand.js"
import { runConsoleBlock } from "./support/consoleBlocks.js"
import { rebuildReadModels } from "../src/rebuild/rebuildReadModels.js"
import { appendSome, streamNamed } from "./support/appendSome.js"
import { runOn } from "./support/dialects.js"
import { freshDataDir, freshPgDatabase, removeTempDirs } from "./support/freshStores.js"
import { blockedOnALock, holdOpenTransaction } from "./support/pgLockHolder.js"
import {
  decisionsWithStatus,
  indexEntryWrong,
  leftBehind,
  onAPlayedWeek,
  playedWeek,
  rebuildEngines,
  type StoreLayerOf,
  storeChecks,
  storedRowsOf,
  withCore,
  writtenByAnOlderVersion
} from "./support/rebuildStores.js"
import { PgStoreLayer, SqliteStoreLayer } from "../src/index.js"

afterAll(removeTempDirs)

const supportPanels = "support-panels" as AuthorityId
const knowsley = "knowsley" as AuthorityId
const staff = staffOf(supportPanels)

describe.each(rebuildEngines)("rebuild on $name", ({ make }) => {
  it("puts right a decision's read model an older version wrote, changes nothing the second time, and leaves the chains intact", async () => {
    const { open } = await make()
    const { decisionId, result } = await onAPlayedWeek(open, (decisionId) =>
      Effect.gen(function* () {
        const before = yield* storeChecks
        yield* writtenByAnOlderVersion(supportPanels, decisionId, "awaiting_sign_off")
        const stale = yield* decisionsWithStatus(supportPanels, "awaiting_sign_off")
        const first = yield* rebuildReadModels()
        const second = yield* rebuildReadModels()
        return {
          stale,
          first,
          second,
          awaiting: yield* decisionsWithStatus(supportPanels, "awaiting_sign_off"),
          final: yield* decisionsWithStatus(supportPanels, "final"),
          before,
          after: yield* storeChecks
        }
      })
    )
    expect(result.stale).toEqual([`${decisionId} awaiting_sign_off`])
    expect([result.first.changed, result.first.readAgain, result.first.failed, result.first.unknownTypes.size]).toEqual([1, 0, [], 0])
    expect(result.first.rows).toBeGreaterThan(result.first.streams)
    expect(result.awaiting).toEqual([])
    expect(result.final).toContain(`${decisionId} final`)
    expect([result.second.streams, result.second.rows, result.second.changed]).toEqual([result.first.streams, result.first.rows, 0])
    // no event written, the chains as they were and still verifying
    expect(result.after).toEqual(result.before)
    expect(result.after.chain).toBe("Intact")
  })

  it("puts right a record's index entries when its row is right: the entry a search found it by wrongly is deleted, the one it was missed by added", async () => {
    const { open } = await make()
    const { decisionId, result } = await onAPlayedWeek(open, (decisionId) =>
      Effect.gen(function* () {
        yield* indexEntryWrong(supportPanels, decisionId, "awaiting_sign_off")
        const wrong = { awaiting: yield* decisionsWithStatus(supportPanels, "awaiting_sign_off"), final: yield* decisionsWithStatus(supportPanels, "final") }
        const first = yield* rebuildReadModels()
        const second = yield* rebuildReadModels()
        return {
          wrong,
          first,
          second,
          awaiting: yield* decisionsWithStatus(supportPanels, "awaiting_sign_off"),
          final: yield* decisionsWithStatus(supportPanels, "final")
        }
      })
    )
    // A list of decisions awaiting sign-off showed a final one, and the list of final ones missed it.
    expect(result.wrong.awaiting).toEqual([`${decisionId} final`])
    expect(result.wrong.final).not.toContain(`${decisionId} final`)
    expect([result.first.changed, result.first.strayEntries]).toEqual([1, 1])
    expect(result.awaiting).toEqual([])
    expect(result.final).toContain(`${decisionId} final`)
    expect([result.second.changed, result.second.strayEntries]).toEqual([0, 0])
  })

  it("does not overwrite a commit that lands between its read and its write: it reads the stream again and ends with the newer state", async () => {
    const { open } = await make()
    const { decisionId, result } = await onAPlayedWeek(open, (decisionId) =>
      Effect.gen(function* () {
        const decisions = yield* Decisions
        const store = yield* EventStore
        const decision = yield* decisions.get(staff.administrator, decisionId)
        const action = decision.content.actions.find((candidate) => candidate.ownerRole === "team_manager")!
        const workersAction = decision.content.actions.find((candidate) => candidate.ownerRole === "social_worker")!
        // Someone completes an action just after the rebuild has read the decision's events, once a run.
        let reads = 0
        const racing = (actor: typeof staff.teamManager, actionId: typeof action.actionId, evidence: string) =>
          EventStore.of({
            ...store,
            readStream: (stream, options) =>
              Effect.tap(store.readStream(stream, options), () =>
                stream.id === decisionId && reads++ === 0 ? Effect.orDie(decisions.completeAction(actor, decisionId, actionId, evidence)) : Effect.void
              )
          })
        // Allowed one try a stream, it leaves the decision as that commit wrote it, and says so.
        const oneTry = yield* Effect.provideService(
          rebuildReadModels({ authorityId: supportPanels, triesAStream: 1 }),
          EventStore,
          racing(staff.socialWorker, workersAction.actionId, "Family referred to the FGC service")
        )
        reads = 0
        yield* writtenByAnOlderVersion(supportPanels, decisionId, "awaiting_sign_off")
        const report = yield* Effect.provideService(
          rebuildReadModels({ authorityId: supportPanels }),
          EventStore,
          racing(staff.teamManager, action.actionId, "Plan updated with the panel's decision")
        )
        const after = yield* decisions.get(staff.administrator, decisionId)
        return { oneTry, report, reads, action: after.content.actions.find((candidate) => candidate.actionId === action.actionId), status: after.status }
      })
    )
    expect(result.oneTry.failed).toEqual([
      {
        streamId: `support-panels/decision/${decisionId}`,
        message: "it was written by another process on each of 1 tries; its rows are as that process wrote them. Run rebuild again when it is quieter."
      }
    ])
    // the decision as the API shows it (its read model): the action completed, the status put right
    expect(result.action?.progress).toMatchObject({ _tag: "Completed", evidence: "Plan updated with the panel's decision" })
    expect(result.status).toBe("final")
    expect([result.reads, result.report.readAgain]).toEqual([2, 1])
  })

  it("deletes the rows no record makes any more (a read model whose key changed, a row a fault wrote) with their index entries, and nothing else", async () => {
    const { open } = await make()
    const { decisionId, result } = await onAPlayedWeek(open, (decisionId) =>
      Effect.gen(function* () {
        yield* leftBehind(supportPanels, decisionId)
        const before = yield* storeChecks
        const listedBefore = yield* decisionsWithStatus(supportPanels, "final")
        const first = yield* rebuildReadModels()
        const second = yield* rebuildReadModels()
        return {
          listedBefore,
          first,
          second,
          listed: yield* decisionsWithStatus(supportPanels, "final"),
          left: yield* storedRowsOf(supportPanels, ["dec_renamed", "old-key"]),
          decision: yield* (yield* Decisions).get(staff.administrator, decisionId),
          before,
          after: yield* storeChecks
        }
      })
    )
    // Before: the obsolete decision was still listed after a rebuild, and its rows and index entries stayed.
    expect(result.listedBefore).toContain("dec_renamed final")
    expect(result.listed).not.toContain("dec_renamed final")
    expect(result.listed).toContain(`${decisionId} final`)
    expect(result.left).toEqual({ rows: 0, entries: 0 })
    expect([result.first.removed, result.first.changed, result.second.removed, result.second.changed]).toEqual([2, 0, 0, 0])
    expect(result.decision.id).toBe(decisionId)
    expect(result.after).toEqual(result.before)
  })

  it("keeps the rows of a request drafted while it runs, in a stream its walk has passed", async () => {
    const { open } = await make()
    const { result } = await onAPlayedWeek(open, (decisionId) =>
      Effect.gen(function* () {
        yield* leftBehind(supportPanels, decisionId)
        const referrals = yield* Referrals
        const store = yield* EventStore
        const readModels = yield* ReadModels
        // The test's ids start again in each run: past the week's, so that the draft is a new record.
        const ids = yield* IdGenerator
        for (let i = 0; i < 50; i++) yield* ids.next("ref")
        const policy = preset("support-panels")
        let drafted: Referral | undefined
        // A social worker drafts a request once the rebuild has listed the streams and reached the sittings, past the requests.
        const racing = EventStore.of({
          ...store,
          readStream: (stream, options) =>
            Effect.tap(store.readStream(stream, options), () =>
              stream.streamType === "sitting" && drafted === undefined
                ? Effect.orDie(
                    Effect.map(
                      referrals.createDraft(staff.socialWorker, exampleForm(policy.panels[0].id, policy.referral.inScope.requestTypes[0]!, { id: "child-r", name: "Rowan Ellery" })),
                      (draft) => (drafted = draft)
                    ).pipe(Effect.provideService(ReadModels, readModels))
                  )
                : Effect.void
            )
        })
        const report = yield* Effect.provideService(rebuildReadModels(), EventStore, racing)
        return { report, drafted: drafted!, rows: yield* storedRowsOf(supportPanels, [drafted!.id]), read: yield* referrals.get(staff.socialWorker, drafted!.id) }
      })
    )
    expect(result.report.removed).toBe(2)
    // its request and its clocks, with their index entries
    expect(result.rows.rows).toBe(2)
    expect(result.rows.entries).toBeGreaterThan(0)
    expect(result.read).toMatchObject({ id: result.drafted.id, status: "draft" })
  })

  it("with --authority, rebuilds that authority's streams and deletes its obsolete rows only", async () => {
    const { open } = await make()
    const [ours] = await playedWeek(open, "support-panels")
    const [theirs] = await playedWeek(open, "knowsley")
    const result = await withCore(
      open,
      "support-panels",
      Effect.gen(function* () {
        yield* writtenByAnOlderVersion(supportPanels, ours!, "lapsed")
        yield* writtenByAnOlderVersion(knowsley, theirs!, "lapsed")
        yield* leftBehind(supportPanels, ours!)
        yield* leftBehind(knowsley, theirs!)
        const report = yield* rebuildReadModels({ authorityId: supportPanels })
        const everyStream = (yield* (yield* EventStore).readAll({ after: 0, limit: 100_000 })).map((event) => streamIdOf(event.stream))
        return {
          report,
          supportPanelsStreams: new Set(everyStream.filter((id) => id.startsWith("support-panels/"))).size,
          ours: yield* decisionsWithStatus(supportPanels, "lapsed"),
          theirs: yield* decisionsWithStatus(knowsley, "lapsed"),
          oursLeft: yield* storedRowsOf(supportPanels, ["dec_renamed", "old-key"]),
          theirsLeft: yield* storedRowsOf(knowsley, ["dec_renamed", "old-key"])
        }
      })
    )
    expect([result.report.streams, result.report.changed, result.report.removed]).toEqual([result.supportPanelsStreams, 1, 2])
    expect(result.oursLeft.rows).toBe(0)
    expect(result.theirsLeft.rows).toBe(2)
    expect(result.ours).toEqual([])
    // theirs as they were, their obsolete copy of the decision still listed
    expect(result.theirs).toEqual([`${theirs} lapsed`, "dec_renamed lapsed"])
  })
  it("with --authority, deletes its index entries in a collection where it has no row left (a search found a record that is not there), and no other authority's", async () => {
    const { open } = await make()
    await playedWeek(open, "support-panels")
    const result = await withCore(
      open,
      "support-panels",
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        for (const authorityId of [supportPanels, knowsley]) {
          yield* sql`INSERT INTO read_model_index (collection, authority_id, field, value, id) VALUES ('decisionsByChild', ${authorityId}, 'childId', 's:child-a', 'gone')`
        }
        const report = yield* rebuildReadModels({ authorityId: supportPanels })
        return { report, ours: yield* storedRowsOf(supportPanels, ["gone"]), theirs: yield* storedRowsOf(knowsley, ["gone"]) }
      })
    )
    expect(result.report.strayEntries).toBe(1)
    expect(result.ours.entries).toBe(0)
    expect(result.theirs.entries).toBe(1)
  })
})

describe("rebuild on PostgreSQL beside an append in progress", () => {
  it("waits for the append's lock on event_head before it checks the stream's version and writes, then puts the decision right", async () => {
    const url = await freshPgDatabase()
    const open: StoreLayerOf = () => PgStoreLayer(url)
    const { decisionId, result } = await onAPlayedWeek(open, (decisionId) =>
      Effect.gen(function* () {
        yield* writtenByAnOlderVersion(supportPanels, decisionId, "awaiting_sign_off")
        // What an append holds from its claim of positions to its commit (appendCommit.ts).
        const commitAppend = yield* holdOpenTransaction(url, (sql) => sql`UPDATE event_head SET last_position = last_position WHERE id = 1`)
        const rebuild = yield* Effect.fork(rebuildReadModels())
        yield* blockedOnALock
        const staleWhileWaiting = yield* decisionsWithStatus(supportPanels, "awaiting_sign_off")
        yield* commitAppend
        const report = yield* Fiber.join(rebuild)
        return { staleWhileWaiting, changed: report.changed, after: yield* decisionsWithStatus(supportPanels, "awaiting_sign_off") }
      })
    )
    expect(result).toEqual({ staleWhileWaiting: [`${decisionId} awaiting_sign_off`], changed: 1, after: [] })
  })
})

/** A SQLite store with a played week whose first decision's read model an older version wrote. */
const staleSqliteStore = async () => {
  const dataDir = freshDataDir()
  const open: StoreLayerOf = () => SqliteStoreLayer({ dataDir })
  await onAPlayedWeek(open, (decisionId) => writtenByAnOlderVersion(supportPanels, decisionId, "awaiting_sign_off"))
  return { dataDir, open }
}

describe("carepanel-store rebuild", () => {
  it("runs as a process through the bin npm links: the stale decision put right, the obsolete rows removed, exit 0", async () => {
    const { dataDir, open } = await staleSqliteStore()
    await withCore(open, "support-panels", leftBehind(supportPanels, DecisionId.make("dec_1")))
    const bin = fileURLToPath(new URL("../../../node_modules/.bin/carepanel-store", import.meta.url))
    const run = spawnSync(bin, ["rebuild"], { env: { ...process.env, CAREPANEL_DATA_DIR: dataDir, DATABASE_URL: "" }, encoding: "utf8", cwd: tmpdir() })
    expect([run.status, run.stderr]).toEqual([0, ""])
    expect(run.stdout).toMatch(/^store: SQLite in .*\nrebuilt \d+ streams of every authority: \d+ read-model rows folded again, 1 changed and rewritten, in \d+\.\d s\nremoved 2 read-model rows that no record makes any more, with their index entries\n$/)
    expect(await withCore(open, "support-panels", decisionsWithStatus(supportPanels, "awaiting_sign_off"))).toEqual([])
  })

  it("refuses --authority without an authority, and an option or argument it does not take, naming it, with its usage (exit 64), opening no store", async () => {
    const refusals = [
      [["--authority"], "carepanel-store: Option '--authority <value>' argument missing"],
      [["--authorty", "support-panels"], "carepanel-store: Unknown option '--authorty'"],
      [["--stream", "s1"], "carepanel-store: Unknown option '--stream'"],
      [["support-panels"], "carepanel-store: Unexpected argument 'support-panels'. This command does not take positional arguments"]
    ] as const
    for (const [args, message] of refusals) {
      // Before: an unknown option was ignored, and the whole store rebuilt.
      const result = await Effect.runPromise(storeCommand("rebuild", args, { CAREPANEL_DATA_DIR: "/nonexistent/never-opened" }))
      expect(result).toEqual({ exitCode: 64, lines: [message, expect.stringContaining("carepanel-store rebuild [--authority <id>]")] })
    }
  })

  it("an authority with no record in the store (a mistyped id) is said, and exits 1", async () => {
    const { dataDir } = await staleSqliteStore()
    const result = await Effect.runPromise(storeCommand("rebuild", ["--authority", "suport-panels"], { CAREPANEL_DATA_DIR: dataDir, DATABASE_URL: "" }))
    expect(result.exitCode).toBe(1)
    expect(result.lines.slice(1)).toEqual([
      expect.stringMatching(/^rebuilt 0 streams of authority suport-panels: 0 read-model rows folded again, 0 changed and rewritten, in \d+\.\d s$/),
      "no record of authority suport-panels is in this store: check the id (the policy file's authority.id)"
    ])
  })

  it("names a stream this version cannot fold and a kind of stream it does not know, rebuilds the rest and exits 1", async () => {
    const { dataDir, open } = await staleSqliteStore()
    await runOn(open(), Effect.all([appendSome(streamNamed("r1"), 1), appendSome({ ...streamNamed("m1"), streamType: "meter" }, 2)]))
    const result = await Effect.runPromise(storeCommand("rebuild", [], { CAREPANEL_DATA_DIR: dataDir, DATABASE_URL: "" }))
    expect(result.exitCode).toBe(1)
    expect(result.lines[1]).toMatch(/^rebuilt 37 streams of every authority: 41 read-model rows folded again, 1 changed and rewritten, in \d+\.\d s$/)
    expect(result.lines.slice(2)).toEqual([
      "left alone: 1 stream of type meter, which this version does not know",
      expect.stringMatching(/^not rebuilt: stream authority-a\/referral\/r1: Event 1 of r1 cannot be read: /),
      "obsolete read-model rows not looked for: a stream above was not rebuilt, so which rows it makes is unknown"
    ])
  })

  /** Each console block that runs `carepanel-store rebuild`, on a stale store: `export` sets a variable, the rest run in this process. */
  it.each([["docs/operations.md"], ["packages/store-sql/README.md"]])("runs %s's rebuild example", async (page) => {
    const doc = readFileSync(fileURLToPath(new URL(`../../../${page}`, import.meta.url)), "utf8")
    const blocks = [...doc.matchAll(/```console\n([\s\S]*?)```/g)].map((match) => match[1]!).filter((block) => block.includes("carepanel-store rebuild"))
    expect(blocks).toHaveLength(1)
    const { dataDir } = await staleSqliteStore()
    await runConsoleBlock(blocks[0]!, { DATABASE_URL: "" }, (text) => text.replaceAll("<data directory>", dataDir), { "<seconds>": "\\d+\\.\\d" })
  })
})
