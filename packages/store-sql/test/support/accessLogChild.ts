/**
 * Child process for the access log's kill -9 test (test/accessLogKill.test.ts): over the SQLite store named by
 * CAREPANEL_DATA_DIR, with the tracer off as the apps run without telemetry (so reads are logged on the access log's
 * own connection), 16 fibres log reads until the process is killed, so that many arrive in each turn of the event loop.
 * Prints `ready` once the store is open, `ack <child id>` for each entry as soon as its `record` returns (stdout on a
 * pipe is synchronous: a printed line has left the process), and `group <n>` for each group commit of n records (the
 * records that fell back to it while another process held the write lock).
 */
import { AccessLog, AuthorityId, ChildId, PersonId } from "@carepanel/core"
import { Effect, Layer, Logger, LogLevel } from "effect"
import { SqliteStoreLayer } from "../../src/index.js"

const writer = process.argv[2] ?? "writer"
const fibres = 16
const say = (line: string) => process.stdout.write(`${line}\n`)
const authorityId = AuthorityId.make("kill-test")
const personId = PersonId.make(`sw-${writer}`)

const readsOf = (fibre: number) =>
  Effect.gen(function* () {
    const log = yield* AccessLog
    for (let read = 1; ; read++) {
      // One read in three is of a page naming two children (siblings): one record, two entries.
      const children = Array.from({ length: read % 3 === 0 ? 2 : 1 }, (_, i) => ChildId.make(`${writer}-${fibre}-${read}-${i}`))
      const at = new Date().toISOString()
      yield* log.record(children.map((childId) => ({ authorityId, personId, role: "social_worker", at, childId, fields: ["name"], purpose: "KillTest" })))
      for (const childId of children) say(`ack ${childId}`)
    }
  })

const store = Layer.merge(SqliteStoreLayer({ onGroup: (commits) => say(`group ${commits}`) }), Layer.setTracerEnabled(false))
try {
  await Effect.runPromise(
    Effect.zipRight(
      Effect.sync(() => say("ready")),
      Effect.all(Array.from({ length: fibres }, (_, fibre) => readsOf(fibre)), { concurrency: "unbounded", discard: true })
    ).pipe(Effect.provide(store), Logger.withMinimumLogLevel(LogLevel.None))
  )
} catch (error) {
  console.error(error)
  process.exit(1)
}
