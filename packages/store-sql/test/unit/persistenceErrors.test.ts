import { SqlError } from "@effect/sql/SqlError"
import { PersistenceError } from "@carepanel/core"
import { Effect, Exit } from "effect"
import { describe, expect, it } from "vitest"
import { driverMessage } from "../../src/sql/driverMessage.js"
import { asPersistenceError } from "../../src/sql/persistenceError.js"
import { WriteLockBusy } from "../../src/sql/writeLockWait.js"

const driverFailure = (code: string, message: string) => new SqlError({ message: "Failed to execute statement", cause: Object.assign(new Error(message), { code }) })

const failureOf = <A, E>(exit: Exit.Exit<A, E>) => (Exit.isFailure(exit) && exit.cause._tag === "Fail" ? exit.cause.error : undefined)

const saving = (failure: unknown) => failureOf(Effect.runSyncExit(asPersistenceError("save the change")(Effect.fail(failure as SqlError))))

describe("a driver's failure as the store's PersistenceError", () => {
  it("a write that waited out the lock: busy, nothing saved, try again after the wait's seconds", () => {
    const failure = saving(new SqlError({ message: "The database's write lock is held by another process", cause: new WriteLockBusy(2_500, 3) }))
    expect(failure).toBeInstanceOf(PersistenceError)
    expect(failure).toMatchObject({
      operation: "save the change",
      retryAfterSeconds: 3,
      message: "The database is busy and could not save the change; nothing was saved. Please try again in 3 s."
    })
  })

  it("a lone statement that met the lock taken: busy, try again in 1 s", () => {
    const busy = driverFailure("SQLITE_BUSY", "database is locked")
    const failure = saving(busy)
    expect(failure).toMatchObject({
      operation: "save the change",
      retryAfterSeconds: 1,
      message: "The database is busy and could not save the change; nothing was saved. Please try again in 1 s."
    })
    expect((failure as PersistenceError).cause).toBe(busy)
  })

  it("any other failure: the operation named, no Retry-After, the driver's error kept as the cause", () => {
    const constraint = driverFailure("SQLITE_CONSTRAINT_PRIMARYKEY", "UNIQUE constraint failed: inbox.authority_id, inbox.message_id")
    const failure = saving(constraint)
    expect(failure).toBeInstanceOf(PersistenceError)
    expect(failure).toMatchObject({
      operation: "save the change",
      message: "The database could not save the change. Please try again; if it keeps happening, tell your administrator."
    })
    expect((failure as PersistenceError).retryAfterSeconds).toBeUndefined()
    expect((failure as PersistenceError).cause).toBe(constraint)
  })

  it("leaves the command's own failures and its answer alone", () => {
    const refusal = { _tag: "ConcurrencyConflict", expected: 1, actual: 2 }
    expect(saving(refusal)).toBe(refusal)
    expect(Effect.runSync(asPersistenceError("save the change")(Effect.succeed("saved")))).toBe("saved")
  })
})

describe("the driver's own words for a failure", () => {
  it("are the driver error's message under @effect/sql's generic one, else the error's message, else the failure itself", () => {
    expect(driverMessage(driverFailure("SQLITE_ERROR", "no such table: inbox"))).toBe("no such table: inbox")
    expect(driverMessage(new SqlError({ message: "Failed to connect", cause: "ECONNREFUSED" }))).toBe("Failed to connect")
    expect(driverMessage(new Error("unable to open database file"))).toBe("unable to open database file")
    expect(driverMessage("disk I/O error")).toBe("disk I/O error")
    expect(driverMessage(undefined)).toBe("undefined")
  })
})
