import { PersistenceError, RateCounters } from "@carepanel/core"
import { makeInMemoryRateCounters } from "@carepanel/core/testing"
import { Effect } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { RateLimiter } from "../src/rateLimiter.js"
import { StreamCap } from "../src/streamCap.js"

/** Processes on one store: limiters sharing one set of counters, on one clock the test moves. */
const clock = (start = Date.UTC(2026, 11, 3, 10, 0, 5)) => {
  let now = start
  const advance = (ms: number) => {
    now += ms
  }
  return { now: () => now, advance }
}
const ignore = () => {}
const limit = { requests: 5, windowSeconds: 60 }

describe("request limits shared through the store's counters", () => {
  it("a process that learns the others' total refuses, with the seconds left in the aligned window", async () => {
    const counters = makeInMemoryRateCounters()
    const time = clock()
    const [a, b] = [new RateLimiter(counters, ignore, time.now), new RateLimiter(counters, ignore, time.now)]
    for (let i = 0; i < limit.requests; i++) expect(a.take("subject eden", limit).ok).toBe(true)
    expect(a.take("subject eden", limit)).toEqual({ ok: false, retryAfterSeconds: 55 })
    await a.flush()
    // B had not heard: it admits one, and refuses once its flush has read the total.
    expect(b.take("subject eden", limit).ok).toBe(true)
    await b.flush()
    expect(b.take("subject eden", limit)).toEqual({ ok: false, retryAfterSeconds: 55 })
    expect(b.take("subject fern", limit).ok).toBe(true)
    time.advance(55_000)
    expect(b.take("subject eden", limit).ok).toBe(true)
  })

  it("each subject's count is its own across processes: one client's requests never use up another's", async () => {
    const counters = makeInMemoryRateCounters()
    const time = clock()
    const [a, b] = [new RateLimiter(counters, ignore, time.now), new RateLimiter(counters, ignore, time.now)]
    for (let i = 0; i < 3; i++) {
      expect(a.take("subject eden", limit).ok).toBe(true)
      expect(a.take("subject fern", limit).ok).toBe(true)
    }
    await a.flush()
    expect(b.take("subject eden", limit).ok).toBe(true)
    await b.flush()
    // Eden has had 4 of 5 on the two processes together; fern's 3 are not eden's.
    expect(b.take("subject eden", limit).ok).toBe(true)
    expect(b.take("subject eden", limit)).toEqual({ ok: false, retryAfterSeconds: 55 })
  })

  it("with every admission flushed at once, the processes together admit at most the limit plus one per other process", () =>
    fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5 }), fc.array(fc.nat(9), { maxLength: 60 }), async (processes, order) => {
        const counters = makeInMemoryRateCounters()
        const time = clock()
        const limiters = Array.from({ length: processes }, () => new RateLimiter(counters, ignore, time.now))
        let admitted = 0
        for (const pick of order) {
          const limiter = limiters[pick % processes]!
          if (limiter.take("subject eden", limit).ok) admitted += 1
          await limiter.flush()
        }
        expect(admitted).toBeLessThanOrEqual(limit.requests + processes - 1)
        expect(admitted).toBeGreaterThanOrEqual(Math.min(order.length, limit.requests))
      })
    ))

  it("a store that cannot count: each process keeps its own limit (fails open to per-process limits) and says why", async () => {
    const failing = RateCounters.of({
      ...makeInMemoryRateCounters(),
      addRequests: () => Effect.fail(new PersistenceError({ operation: "count requests", message: "The database is busy" }))
    })
    const said: Array<string> = []
    const limiter = new RateLimiter(failing, (message) => said.push(message), clock().now)
    for (let i = 0; i < limit.requests; i++) {
      expect(limiter.take("ip 192.0.2.7", limit).ok).toBe(true)
      await limiter.flush()
    }
    expect(limiter.take("ip 192.0.2.7", limit).ok).toBe(false)
    expect(said[0]).toBe("Request counts could not be shared (The database is busy); each process limits on its own until the store answers.")
  })
})

describe("open subscriptions shared through the store's counters", () => {
  it("counts the other processes' streams; a closed one frees its place; a process silent for 30 s stops counting", async () => {
    const counters = makeInMemoryRateCounters()
    const time = clock()
    const [a, b] = [new StreamCap(counters, "api-a", ignore, undefined, time.now), new StreamCap(counters, "api-b", ignore, undefined, time.now)]
    const first = a.open("hazel", 2)
    expect(first).toBeDefined()
    expect(a.open("hazel", 2)).toBeDefined()
    await a.flush()
    await b.flush()
    expect(b.open("hazel", 2)).toBeUndefined()
    expect(b.open("iris", 2)).toBeDefined()
    first!()
    await a.flush()
    await b.flush()
    const third = b.open("hazel", 2)
    expect(third).toBeDefined()
    // A crashes (no more flushes): its remaining stream stops counting 30 s after its last heartbeat.
    time.advance(29_000)
    await b.flush()
    expect(b.open("hazel", 2)).toBeUndefined()
    time.advance(1_001)
    await b.flush()
    expect(b.open("hazel", 2)).toBeDefined()
  })
})
