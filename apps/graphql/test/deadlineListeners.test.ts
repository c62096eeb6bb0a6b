import { Deadlines, EventStore } from "@carepanel/core"
import { type Duration, Effect, Fiber, Layer, Queue, Stream } from "effect"
import { describe, expect, it } from "vitest"
import { watchDeadlines } from "../src/subscriptions/deadlineWatcher.js"
import { makePubSub } from "../src/subscriptions/pubsub.js"

/** A log whose end and whose authorities' newest events the test moves by hand. */
const fakeLog = () => {
  let newest = 0
  const newestOf = new Map<string, number>()
  return {
    write: (authorityId: string) => newestOf.set(authorityId, ++newest),
    store: Layer.succeed(EventStore, {
      changes: () => Stream.never,
      newestPosition: Effect.sync(() => newest),
      readAll: (options: { after: number; authorityId?: string }) =>
        Effect.sync(() => ((newestOf.get(options.authorityId ?? "") ?? 0) > options.after ? [{ position: newestOf.get(options.authorityId ?? "") }] : []))
    } as never)
  }
}

/** The deadline watcher reads an authority's requests only while somebody is subscribed to its deadlineChanged. */
const watching = async (
  run: (pubsub: ReturnType<typeof makePubSub>, looks: string[], writes: { readonly write: (authorityId: string) => void; readonly signal: () => void }) => Promise<void>,
  every: Duration.DurationInput = "20 millis"
) => {
  const pubsub = makePubSub()
  const looks: string[] = []
  const deadlines = Layer.succeed(Deadlines, { forAuthority: (actor: { authorityId: string }) => Effect.sync(() => {
        looks.push(actor.authorityId)
        return []
      }) } as never)
  const log = fakeLog()
  const signals = Effect.runSync(Queue.unbounded<void>())
  const fiber = Effect.runFork(
    watchDeadlines(["lincolnshire", "knowsley"], pubsub, every, 0, Stream.fromQueue(signals)).pipe(Effect.provide(Layer.merge(deadlines, log.store)))
  )
  try {
    await run(pubsub, looks, { write: log.write, signal: () => Effect.runSync(Queue.offer(signals, undefined)) })
  } finally {
    await Effect.runPromise(Fiber.interrupt(fiber))
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe("the deadline watcher", () => {
  it("looks at no authority while nobody listens, then at the listened one only, from the moment it is subscribed", async () => {
    await watching(async (pubsub, looks) => {
      await sleep(120)
      expect(looks).toEqual([])
      const listening = await pubsub.listeners.follow("lincolnshire", pubsub.subscribe("deadlineChanged", "lincolnshire"))
      expect(looks).toEqual(["lincolnshire"]) // the baseline, taken before the subscription is answered
      await sleep(120)
      expect(looks.length).toBeGreaterThan(1)
      expect(new Set(looks)).toEqual(new Set(["lincolnshire"]))
      await listening.return?.()
      await sleep(60)
      const after = looks.length
      await sleep(120)
      expect(looks.length).toBe(after)
    })
  })

  it("after a write looks again only at the authorities whose log moved (the regular look, above, takes in every one)", async () => {
    await watching(async (pubsub, looks, writes) => {
      await sleep(50) // the watcher has started
      const listening = [
        await pubsub.listeners.follow("lincolnshire", pubsub.subscribe("deadlineChanged", "lincolnshire")),
        await pubsub.listeners.follow("knowsley", pubsub.subscribe("deadlineChanged", "knowsley"))
      ]
      expect(looks.sort()).toEqual(["knowsley", "lincolnshire"]) // the baselines
      looks.length = 0
      writes.write("knowsley")
      writes.signal()
      await sleep(100)
      expect(looks).toEqual(["knowsley"])
      writes.signal() // a wake-up with nothing new for either
      await sleep(1_200) // past the second between looks
      expect(looks).toEqual(["knowsley"])
      writes.write("lincolnshire")
      writes.write("knowsley")
      writes.signal()
      await sleep(1_200) // looks are at least a second apart
      expect(looks.slice(1).sort()).toEqual(["knowsley", "lincolnshire"])
      for (const listener of listening) await listener.return?.()
    }, "1 hour")
  }, 10_000)

  it("takes a baseline only for an authority's first listener", async () => {
    await watching(async (pubsub, looks) => {
      const first = await pubsub.listeners.follow("knowsley", pubsub.subscribe("deadlineChanged", "knowsley"))
      const baselines = looks.length
      const second = await pubsub.listeners.follow("knowsley", pubsub.subscribe("deadlineChanged", "knowsley"))
      expect(looks.length - baselines).toBeLessThanOrEqual(1) // at most a poll that fell in between, never a second baseline on arrival
      await first.return?.()
      expect(pubsub.listeners.isHeard("knowsley")).toBe(true)
      await second.return?.()
      expect(pubsub.listeners.isHeard("knowsley")).toBe(false)
    })
  })
})
