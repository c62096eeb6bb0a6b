import { spawn } from "node:child_process"
import { EventStore, newestPosition } from "@carepanel/core"
import { Effect, Stream } from "effect"

/**
 * Change-feed lag between processes: a child process appends `count` one-event commits `pauseMs` apart to the
 * same store while this one follows `EventStore.changes`; each event's lag is its arrival here minus its
 * `recordedAt` (the writer's clock at commit, the same machine's). Returns the lags in milliseconds, sorted.
 */
export const feedLag = (childEnv: Readonly<Record<string, string>>, count: number, pauseMs: number) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    const after = yield* newestPosition
    const writer = spawn(process.execPath, ["--conditions=@carepanel/source", "--import", "tsx", "bench/feedLagWriter.ts", String(count), String(pauseMs)], {
      cwd: new URL("..", import.meta.url).pathname,
      env: { ...process.env, DATABASE_URL: "", ...childEnv },
      stdio: ["pipe", "pipe", "inherit"]
    })
    yield* Effect.promise(() => new Promise<void>((resolve) => writer.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve())))
    const lags: Array<number> = []
    const following = yield* Effect.fork(
      store.changes(after).pipe(
        Stream.take(count),
        Stream.runForEach((event) => Effect.sync(() => lags.push(Date.now() - Date.parse(event.recordedAt))))
      )
    )
    writer.stdin.write("go\n")
    yield* following.await
    writer.kill()
    return lags.sort((a, b) => a - b)
  })

export const percentile = (sorted: ReadonlyArray<number>, p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
