/** How often each process shares its request and stream counts with the others on its store (docs/deployment.md). */
export const flushIntervalMs = 200

/** Calls `flush` every `ms` (a flush still running is not started again), without keeping the process alive; answers the stop. */
export const flushEvery = (ms: number, flush: () => Promise<void>): (() => void) => {
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    flush().finally(() => {
      running = false
    })
  }, ms)
  timer.unref()
  return () => clearInterval(timer)
}
