import { ConfigError } from "@carepanel/app-kit"
import { Data } from "effect"
import { describe, expect, it } from "vitest"
import { startupFailure } from "../src/config/startupFailure.js"

class StoreUnreachable extends Data.TaggedError("StoreUnreachable")<{ readonly message: string }> {}

// What the administrator reads in the log when the terminal cannot start.
describe("why the terminal could not start", () => {
  it("a setting that cannot be used is named with its problem", () => {
    expect(startupFailure(new ConfigError("CAREPANEL_INBOX_DAYS", "must be a whole number from 1 to 90"), true)).toEqual({
      message: "Cannot start: a setting cannot be used",
      annotations: { setting: "CAREPANEL_INBOX_DAYS", problem: "CAREPANEL_INBOX_DAYS: must be a whole number from 1 to 90" }
    })
  })

  it("anything else is a bug, named by its kind: its tag, its class, or what was thrown", () => {
    const kindOf = (error: unknown) => startupFailure(error, true).annotations.error
    expect(kindOf(new StoreUnreachable({ message: "connect ECONNREFUSED" }))).toBe("StoreUnreachable")
    expect(kindOf({ _tag: "PersistenceError", message: "database is locked" })).toBe("PersistenceError")
    expect(kindOf(new TypeError("x is not a function"))).toBe("TypeError")
    expect(kindOf("a thrown string")).toBe("string")
    expect(kindOf(undefined)).toBe("undefined")
    expect(kindOf({ setting: "CAREPANEL_DATA_DIR" })).toBe("object")
  })

  it("outside production, the bug's message and stack for the developer; a thrown value that is not an error, as it was", () => {
    const error = new TypeError("x is not a function")
    expect(startupFailure(error, false)).toEqual({
      message: "Cannot start: an unexpected error",
      annotations: { error: "TypeError", detail: "x is not a function", stack: error.stack }
    })
    expect(startupFailure("a thrown string", false)).toEqual({
      message: "Cannot start: an unexpected error",
      annotations: { error: "string", detail: "a thrown string", stack: "" }
    })
    expect(startupFailure(undefined, false).annotations).toEqual({ error: "undefined", detail: "undefined", stack: "" })
  })
})
