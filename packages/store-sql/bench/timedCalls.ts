import { Effect } from "effect"
import { percentile } from "./feedLag.js"

/** One call's wall and CPU milliseconds (this process's CPU: what the machine's load does not inflate). */
export interface Timed {
  readonly wall: number
  readonly cpu: number
}

/** Runs `effect` once, with its wall and CPU milliseconds. */
export const timedOnce = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    const cpu = process.cpuUsage()
    const start = performance.now()
    const result = yield* effect
    const wall = performance.now() - start
    const used = process.cpuUsage(cpu)
    return { result, wall, cpu: (used.user + used.system) / 1000 }
  })

/** p50 and p99 of the calls' wall and CPU milliseconds. */
export const summary = (times: ReadonlyArray<Timed>) => {
  const sorted = (of: (time: Timed) => number) => times.map(of).sort((a, b) => a - b)
  const walls = sorted((time) => time.wall)
  const cpus = sorted((time) => time.cpu)
  return { p50: percentile(walls, 50), p99: percentile(walls, 99), cpu50: percentile(cpus, 50), cpu99: percentile(cpus, 99) }
}
