import type { RateCounters } from "@carepanel/core"
import { Effect, Exit } from "effect"
import { failureMessage } from "./failureMessage.js"

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
    const done = await Effect.runPromiseExit(
      Effect.zipRight(
        record ? Effect.tap(this.counters.recordStreams(this.processId, open, now), () => this.markRecorded(now)) : Effect.void,
        this.counters.otherStreams(this.processId, now - this.timing.aliveMs)
      )
    )
    this.flushingNow = false
    if (Exit.isSuccess(done)) this.others = done.value
    else {
      this.changed ||= record
      this.onStoreError(`Open subscriptions could not be shared (${failureMessage(done.cause)}); the counts last read stay in force.`)
    }
  }

  /** Withdraws this process's streams from the count (on shutdown; a store already gone lets them lapse after `aliveMs`). */
  async close(): Promise<void> {
    this.mine.clear()
    await Effect.runPromiseExit(this.counters.recordStreams(this.processId, [], this.now()))
  }

  private markRecorded(now: number) {
    return Effect.sync(() => {
      this.recordedAt = now
    })
  }

  private set(key: string, count: number) {
    if (count === 0) this.mine.delete(key)
    else this.mine.set(key, count)
    this.changed = true
  }
}
