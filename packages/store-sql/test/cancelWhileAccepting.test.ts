import { spawn } from "node:child_process"
import { EnglandAndWalesCalendar, preset, Referrals, type ReferralId, type SittingId, Sittings } from "@carepanel/core"
import { requestWithPapers, SequentialIds, staffOf, staticPolicies } from "@carepanel/core/testing"
import { Effect, Layer } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { SqliteStoreLayer } from "../src/index.js"
import { childScriptArgs } from "./support/childScripts.js"
import { freshDataDir, removeTempDirs } from "./support/freshStores.js"

afterAll(removeTempDirs)

const policy = preset("north-somerset")
const staff = staffOf(policy.authority.id)
const type = policy.referral.inScope.requestTypes[0]!
const coreOn = (dataDir: string) =>
  Layer.mergeAll(Referrals.Default, Sittings.Default).pipe(
    Layer.provideMerge(Layer.mergeAll(SqliteStoreLayer({ dataDir }, {}), SequentialIds, staticPolicies(policy), EnglandAndWalesCalendar))
  )

/** Starts the child with `args` on the store in `dataDir`; `go` releases it once ready; `printed(n)` waits for its n-th outcome. */
const child = (dataDir: string, args: ReadonlyArray<string>) => {
  const proc = spawn(process.execPath, [...childScriptArgs("sittingRaceChild"), ...args], { env: { ...process.env, DATABASE_URL: "", CAREPANEL_DATA_DIR: dataDir } })
  let [out, err] = ["", ""]
  const lines = () => out.split("\n").slice(1).filter(Boolean)
  const waiting: Array<{ n: number; resolve: () => void }> = []
  const ready = new Promise<void>((resolve) => waiting.push({ n: 0, resolve }))
  proc.stdout.on("data", (chunk) => {
    out += chunk
    if (!out.startsWith("ready\n")) return
    for (const waiter of waiting.filter((candidate) => lines().length >= candidate.n)) waiter.resolve()
  })
  proc.stderr.on("data", (chunk) => (err += chunk))
  const exited = new Promise<{ code: number | null; lines: ReadonlyArray<string>; err: string }>((resolve) =>
    proc.on("exit", (code) => resolve({ code, lines: lines(), err }))
  )
  const printed = (n: number) => new Promise<void>((resolve) => (lines().length >= n ? resolve() : waiting.push({ n, resolve })))
  return { ready, go: () => proc.stdin.write("go\n"), printed, exited }
}

describe("a sitting cancelled while another process accepts requests onto it (two processes, one SQLite store)", () => {
  it("no request is left accepted onto the cancelled sitting, whichever commits first", async () => {
    const dataDir = freshDataDir()
    const perTrial = 12
    const trials = 6
    const setUp = await Effect.runPromise(
      Effect.gen(function* () {
        const sittings = yield* Sittings
        const year = yield* sittings.scheduleYear(staff.administrator, policy.panels[0]!.id, 2027)
        const requests: Array<Array<ReferralId>> = []
        for (let t = 0; t < trials; t++) requests.push(yield* Effect.forEach(Array.from({ length: perTrial }, (_, i) => t * perTrial + i), (n) => Effect.map(requestWithPapers(policy, type, { id: `child-${n}`, name: `Robin Example ${n}` }), (request) => request.id)))
        return { sittings: year.slice(0, trials).map((sitting) => sitting.id), requests }
      }).pipe(Effect.provide(coreOn(dataDir)), Effect.scoped)
    )
    const outcomes: Array<string> = []
    for (let t = 0; t < trials; t++) {
      const sittingId = setUp.sittings[t]!
      // The cancellation is let go after 2t acceptances have been answered, so that it lands among them at a different
      // point each trial, while the next ones are under way.
      const [canceller, acceptor] = [child(dataDir, ["cancel", sittingId]), child(dataDir, ["accept", sittingId, ...setUp.requests[t]!])]
      await Promise.all([canceller.ready, acceptor.ready])
      acceptor.go()
      await acceptor.printed(2 * t)
      canceller.go()
      const [cancelling, accepting] = await Promise.all([canceller.exited, acceptor.exited])
      expect([cancelling!.code, cancelling!.err, accepting!.code, accepting!.err]).toEqual([0, "", 0, ""])
      outcomes.push(...accepting!.lines.map((line) => (JSON.parse(line) as { outcome: string }).outcome))
    }
    const after = await Effect.runPromise(
      Effect.flatMap(Referrals, (referrals) => Effect.forEach(setUp.requests.flat(), (id) => referrals.get(staff.administrator, id))).pipe(Effect.provide(coreOn(dataDir)), Effect.scoped)
    )
    const onCancelled = after.filter((referral) => referral.status === "accepted" && setUp.sittings.includes(referral.sittingId as SittingId))
    expect(onCancelled.map((referral) => referral.id)).toEqual([])
    // Every request is back in line, and the race was run from both sides: some accepted before the cancellation
    // (then taken off by it), some refused after it.
    expect(new Set(after.map((referral) => referral.status))).toEqual(new Set(["ready"]))
    expect(outcomes.filter((outcome) => outcome === "accepted").length).toBeGreaterThan(0)
    expect(outcomes.filter((outcome) => outcome === "WrongSitting").length).toBeGreaterThan(0)
  }, 120_000)
})
