import { SqlError } from "@effect/sql/SqlError"
import { PersistenceError } from "@carepanel/core"
import { Clock, Duration, Effect, Exit, Fiber, Option, TestClock, TestContext } from "effect"
import { describe, expect, it } from "vitest"
import { busyRetryAfterSeconds, isBusy, isWriteLockBusy, retryWhileBusy, WriteLockBusy, WriteLockWait } from "../../src/sql/writeLockWait.js"

/** What the SQLite driver fails with when another connection holds the lock (better-sqlite3's error has the code). */
const driverFailure = (code: unknown) => new SqlError({ message: "Failed to execute statement", cause: Object.assign(new Error("database is locked"), { code }) })

/**
 * An attempt that meets the lock held until `heldForMs` after it is first tried, counting its tries, on Effect's clock:
 * the tests run it on the TestClock, so a loaded machine cannot make them slow or flaky.
 */
const lockHeldFor = (heldForMs: number) => {
  const tries: Array<number> = []
  const attempt = Effect.flatMap(Clock.currentTimeMillis, (now) => {
    tries.push(now)
    return now < heldForMs ? Effect.fail(driverFailure("SQLITE_BUSY")) : Effect.succeed("written")
  })
  return { attempt, tries }
}

/** Runs `waiting` on the TestClock from 0 ms, moves the clock on by `afterMs`, and answers how it ended, if it has. */
const onTestClock = <A, E>(waiting: Effect.Effect<A, E>, afterMs: number) =>
  Effect.runPromise(
    Effect.gen(function* () {
      const fiber = yield* Effect.fork(waiting)
      yield* TestClock.adjust(Duration.millis(afterMs))
      return yield* Fiber.poll(fiber)
    }).pipe(Effect.provide(TestContext.TestContext))
  )

describe("SQLITE_BUSY told apart from other failures", () => {
  it("is busy for SQLITE_BUSY and its extended codes, and for nothing else", () => {
    expect(isBusy(driverFailure("SQLITE_BUSY"))).toBe(true)
    expect(isBusy(driverFailure("SQLITE_BUSY_SNAPSHOT"))).toBe(true)
    expect(isBusy(driverFailure("SQLITE_BUSY_TIMEOUT"))).toBe(true)
    expect(isBusy(driverFailure("SQLITE_CONSTRAINT_PRIMARYKEY"))).toBe(false)
    expect(isBusy(driverFailure("SQLITE_LOCKED"))).toBe(false)
    expect(isBusy(driverFailure(5))).toBe(false)
    // Failures with no driver code at all (a plain error, nothing) are not busy, and do not throw.
    expect(isBusy(new Error("database is locked"))).toBe(false)
    expect(isBusy(new SqlError({ message: "Failed to execute statement" }))).toBe(false)
    expect(isBusy(undefined)).toBe(false)
  })

  it("is a write lock wait run out only for a SqlError whose cause is WriteLockBusy", () => {
    expect(isWriteLockBusy(new SqlError({ message: "held", cause: new WriteLockBusy(300, 1) }))).toBe(true)
    expect(isWriteLockBusy(driverFailure("SQLITE_BUSY"))).toBe(false)
    expect(isWriteLockBusy({ _tag: "PersistenceError", cause: new WriteLockBusy(300, 1) })).toBe(false)
    expect(isWriteLockBusy(new WriteLockBusy(300, 1))).toBe(false)
    expect(isWriteLockBusy(undefined)).toBe(false)
  })
})

describe("a write waiting for another process's write lock", () => {
  it("waits 10 s unless the store layer is told otherwise", () => {
    expect(Effect.runSync(WriteLockWait).millis).toBe(10_000)
    expect(Effect.runSync(Effect.provideService(WriteLockWait, WriteLockWait, { millis: 250 })).millis).toBe(250)
  })

  it("goes through as soon as the lock is let go, trying again within a few ms at first", async () => {
    const { attempt, tries } = lockHeldFor(15)
    // A lock held for one commit costs the waiting write little more than that commit, not a tenth of a second.
    const ended = await onTestClock(retryWhileBusy(2_000)(attempt), 40)
    expect(Option.isSome(ended) && Exit.isSuccess(ended.value) ? ended.value.value : ended).toBe("written")
    expect(tries.length).toBeGreaterThanOrEqual(3)
  })

  it("after the wait runs out fails busy, naming how long it waited and when to try again", async () => {
    const { attempt, tries } = lockHeldFor(60_000)
    // Still waiting at 200 ms: the write is not given up before its wait.
    expect(Option.isNone(await onTestClock(retryWhileBusy(250)(lockHeldFor(60_000).attempt), 200))).toBe(true)
    const ended = await onTestClock(retryWhileBusy(250)(attempt), 400)
    // Tried again many times in the meantime (at most 100 ms apart), not once at the end.
    expect(tries.length).toBeGreaterThanOrEqual(4)
    // The last try starts by the end of the wait plus one gap (at most 100 ms, jittered), not later.
    expect(tries.at(-1)).toBeLessThan(250 + 120)
    const failure = Option.isSome(ended) && Exit.isFailure(ended.value) && ended.value.cause._tag === "Fail" ? ended.value.cause.error : undefined
    expect(failure).toBeInstanceOf(SqlError)
    expect(failure?.message).toBe("The database's write lock is held by another process")
    expect(isWriteLockBusy(failure)).toBe(true)
    const cause = (failure as SqlError).cause as WriteLockBusy
    expect(cause).toBeInstanceOf(WriteLockBusy)
    expect(cause.name).toBe("WriteLockBusy")
    expect(cause.message).toBe("Another process held the database's write lock for the 250 ms this write may wait.")
    expect({ waitedMs: cause.waitedMs, retryAfterSeconds: cause.retryAfterSeconds }).toEqual({ waitedMs: 250, retryAfterSeconds: 1 })
    expect(busyRetryAfterSeconds(failure)).toBe(1)
  })

  it("asks to be sent again after the wait rounded up to whole seconds", async () => {
    const ended = await onTestClock(retryWhileBusy(1_001)(Effect.fail(driverFailure("SQLITE_BUSY"))), 2_000)
    const failure = Option.isSome(ended) && Exit.isFailure(ended.value) && ended.value.cause._tag === "Fail" ? ended.value.cause.error : undefined
    expect(busyRetryAfterSeconds(failure)).toBe(2)
  })

  it("does not repeat a write that failed for another reason, and answers that failure as it was", async () => {
    let tries = 0
    const constraint = driverFailure("SQLITE_CONSTRAINT_PRIMARYKEY")
    const exit = await Effect.runPromiseExit(retryWhileBusy(500)(Effect.suspend(() => {
      tries++
      return Effect.fail(constraint)
    })))
    expect(tries).toBe(1)
    expect(Exit.isFailure(exit) && exit.cause._tag === "Fail" ? exit.cause.error : undefined).toBe(constraint)
    // Busy at first, then another failure: that one is answered, at once.
    let attempts = 0
    const busyThenBroken = Effect.suspend(() => (++attempts === 1 ? Effect.fail(driverFailure("SQLITE_BUSY")) : Effect.fail(constraint)))
    const second = await Effect.runPromiseExit(retryWhileBusy(500)(busyThenBroken))
    expect(attempts).toBe(2)
    expect(Exit.isFailure(second) && second.cause._tag === "Fail" ? second.cause.error : undefined).toBe(constraint)
  })
})

describe("the seconds after which a busy request may be sent again (Retry-After)", () => {
  it("are the write lock wait's, or a busy PersistenceError's; anything else was not busy", () => {
    expect(busyRetryAfterSeconds(new SqlError({ message: "held", cause: new WriteLockBusy(2_500, 3) }))).toBe(3)
    expect(busyRetryAfterSeconds(new PersistenceError({ operation: "save the change", message: "busy", retryAfterSeconds: 4 }))).toBe(4)
    expect(busyRetryAfterSeconds(new PersistenceError({ operation: "save the change", message: "broken" }))).toBeUndefined()
    expect(busyRetryAfterSeconds({ _tag: "PersistenceError", retryAfterSeconds: "4" })).toBeUndefined()
    expect(busyRetryAfterSeconds({ _tag: "NotFound", retryAfterSeconds: 4 })).toBeUndefined()
    // A lone statement's SQLITE_BUSY has not been through the wait: no seconds of its own here.
    expect(busyRetryAfterSeconds(driverFailure("SQLITE_BUSY"))).toBeUndefined()
    expect(busyRetryAfterSeconds(new Error("boom"))).toBeUndefined()
    expect(busyRetryAfterSeconds(undefined)).toBeUndefined()
  })
})
