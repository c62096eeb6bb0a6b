import { EventStore } from "@carepanel/core"
import { Effect } from "effect"

/** Reads the whole log through `readAll` in pages of 1000: events per second, and how many. */
export const replaySpeed = Effect.gen(function* () {
  const store = yield* EventStore
  const start = performance.now()
  let after = 0
  let count = 0
  while (true) {
    const page = yield* store.readAll({ after, limit: 1000 })
    if (page.length === 0) break
    count += page.length
    after = page[page.length - 1]!.position
  }
  return { events: count, perSecond: count / ((performance.now() - start) / 1000) }
})
