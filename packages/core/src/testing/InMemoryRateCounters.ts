import { Effect, Layer } from "effect"
import { type OpenStreams, RateCounters } from "../ports/RateCounters.js"

/** Shared counts held in memory: one value shared by several limiters stands for one store shared by several processes. */
export const makeInMemoryRateCounters = () => {
  const requests = new Map<string, { readonly windowEndsAt: number; total: number }>()
  const streams = new Map<string, { readonly open: ReadonlyArray<OpenStreams>; readonly at: number }>()
  return RateCounters.of({
    addRequests: (counts, now) =>
      Effect.sync(() => {
        for (const [key, window] of requests) if (window.windowEndsAt <= now) requests.delete(key)
        return counts.map(({ key, windowEndsAt, delta }) => {
          const id = `${key}\u0000${windowEndsAt}`
          const window = requests.get(id) ?? { windowEndsAt, total: 0 }
          window.total += delta
          requests.set(id, window)
          return window.total
        })
      }),
    recordStreams: (processId, open, now) => Effect.sync(() => void streams.set(processId, { open, at: now })),
    otherStreams: (processId, aliveSince) =>
      Effect.sync(() => {
        const totals = new Map<string, number>()
        for (const [id, { open, at }] of streams) {
          if (id === processId || at < aliveSince) continue
          for (const { key, open: count } of open) totals.set(key, (totals.get(key) ?? 0) + count)
        }
        return totals
      })
  })
}

/** Counts held in this process only: right for an in-memory store, which no other process shares. */
export const InMemoryRateCounters = Layer.sync(RateCounters, makeInMemoryRateCounters)
