import type { RateCounters } from "@carepanel/core"
import { Effect } from "effect"

export interface StreamCapTiming {
  /** How often a process with open streams says so again, though nothing changed. */
  readonly heartbeatMs: number
  /** How long after its last word a process's streams stop counting (it crashed, or lost the store). */
  readonly aliveMs: number
}

export const defaultStreamCapTiming: StreamCapTiming = { heartbeatMs: 5_000, aliveMs: 30_000 }

/**
 * Open event streams per client key, across every process on the store (docs/deployment.md, "Limits across
 * replicas"). A new stream is refused when this process's open streams for the key plus every other live process's
 * (as last read) reach `max`. `flush` (a few times a second) records this process's counts when they changed, or
 * as a heartbeat, and reads the others'. When the store cannot be reached the last counts read stay in force.
 */
export class StreamCap {
  private readonly mine = new Map<string, number>()
  private others: ReadonlyMap<string, number> = new Map()
  private changed = false
  private recordedAt = Number.NEGATIVE_INFINITY
  private flushingNow = false

  constructor(
    private readonly counters: RateCounters["Type"],
    private readonly processId: string,
    private readonly onStoreError: (message: string) => void,
    private readonly timing: StreamCapTiming = defaultStreamCapTiming,
    private readonly now: () => number = Date.now
  ) {}

  /** A release function for the new stream, or undefined when the client already has `max` open across the processes. */
  open(key: string, max: number): (() => void) | undefined {
    const count = this.mine.get(key) ?? 0
    if (count + (this.others.get(key) ?? 0) >= max) return undefined
    this.set(key, count + 1)
    let released = false
    return () => {
      if (released) return
      released = true
      this.set(key, (this.mine.get(key) ?? 1) - 1)
    }
  }

  async flush(): Promise<void> {
    if (this.flushingNow) return
    this.flushingNow = true
    const now = this.now()
    const record = this.changed || (this.mine.size > 0 && now - this.recordedAt >= this.timing.heartbeatMs)
    this.changed = false
    const open = [...this.mine].map(([key, count]) => ({ key, open: count }))
    const done = await Effect.runPromise(
      Effect.either(
        Effect.zipRight(
          record ? Effect.tap(this.counters.recordStreams(this.processId, open, now), () => Effect.sync(() => (this.recordedAt = now))) : Effect.void,
          this.counters.otherStreams(this.processId, now - this.timing.aliveMs)
        )
      )
    )
    this.flushingNow = false
    if (done._tag === "Right") this.others = done.right
    else {
      this.changed ||= record
      this.onStoreError(`Open subscriptions could not be shared (${done.left.message}); the counts last read stay in force.`)
    }
  }

  /** Withdraws this process's streams from the count (on shutdown). */
  async close(): Promise<void> {
    this.mine.clear()
    await Effect.runPromise(Effect.either(this.counters.recordStreams(this.processId, [], this.now())))
  }

  private set(key: string, count: number) {
    if (count === 0) this.mine.delete(key)
    else this.mine.set(key, count)
    this.changed = true
  }
}
