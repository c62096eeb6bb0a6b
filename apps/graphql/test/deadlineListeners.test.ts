import { Deadlines, EventStore } from "@carepanel/core"
import { Effect, Fiber, Layer, Stream } from "effect"
import { describe, expect, it } from "vitest"
import { watchDeadlines } from "../src/subscriptions/deadlineWatcher.js"
import { makePubSub } from "../src/subscriptions/pubsub.js"

/** The deadline watcher reads an authority's requests only while somebody is subscribed to its deadlineChanged. */
const watching = async (run: (pubsub: ReturnType<typeof makePubSub>, looks: string[]) => Promise<void>) => {
  const pubsub = makePubSub()
  const looks: string[] = []
  const deadlines = Layer.succeed(Deadlines, { forAuthority: (actor: { authorityId: string }) => Effect.sync(() => {
        looks.push(actor.authorityId)
        return []
      }) } as never)
  const store = Layer.succeed(EventStore, { changes: () => Stream.never } as never)
  const fiber = Effect.runFork(watchDeadlines(["lincolnshire", "knowsley"], pubsub, "20 millis", 0).pipe(Effect.provide(Layer.merge(deadlines, store))))
  try {
    await run(pubsub, looks)
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
