import { Effect } from "effect"
import { loadavg } from "node:os"
import { bareInserts, concurrentAppends } from "./appendThroughput.js"
import { postgresTarget, sqliteTarget } from "./benchTargets.js"
const n = Number(process.env.N ?? 600)
for (const t of [sqliteTarget(), ...(process.env.PG ? [await postgresTarget()] : [])]) {
  if (typeof t === "string") { console.log(t); continue }
  await Effect.runPromise(Effect.gen(function* () {
    for (const w of [1, 10, 50]) {
      const g = yield* concurrentAppends(n, w, `g${w}`)
      const u = yield* Effect.provide(concurrentAppends(n, w, `u${w}`), t.ungrouped)
      const b = yield* bareInserts(n, 1, `w${w}`, w)
      console.log(t.engine, w, Math.round(u), Math.round(g), Math.round(b), (u / b).toFixed(2), (g / b).toFixed(2), (g / u).toFixed(1), loadavg()[0]!.toFixed(1))
    }
  }).pipe(Effect.provide(t.layer), Effect.scoped))
  await t.close()
}
