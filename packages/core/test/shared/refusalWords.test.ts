import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import { ConcurrencyConflict } from "../../src/ports/EventStore.js"
import { InvalidInput, isStoreBusy, NotFound, PersistenceError } from "../../src/shared/errors.js"
import { andList, orList } from "../../src/shared/wordList.js"

// The words of the shared refusals, as a caller shows them, and whether a failure is the store being busy (503 with
// Retry-After) or broken (500).
describe("the shared refusals in words", () => {
  it("a record not found names what and its id", () => {
    expect(NotFound.of("request", "req-0042")).toMatchObject({ _tag: "NotFound", what: "request", id: "req-0042", message: "No request with id req-0042 was found." })
  })

  it("an input refused lists every problem by its path, the whole input where there is no path, and says nothing was saved", () => {
    const refused = InvalidInput.of([
      { path: "reason", message: "must not be empty" },
      { path: "", message: "must be an object" },
      { path: "children[0].dateOfBirth", message: "must be a date" }
    ])
    expect(refused.message).toBe("Nothing was saved. Please correct: reason must not be empty; input must be an object; children[0].dateOfBirth must be a date.")
    expect(refused.problems).toEqual([
      { path: "reason", message: "must not be empty" },
      { path: "", message: "must be an object" },
      { path: "children[0].dateOfBirth", message: "must be a date" }
    ])
  })
})

describe("a store that is busy, not broken", () => {
  it("is a persistence failure that says when to try again", () => {
    expect(isStoreBusy(new PersistenceError({ operation: "append", message: "The store is busy.", retryAfterSeconds: 2 }))).toBe(true)
    expect(isStoreBusy(new PersistenceError({ operation: "append", message: "The store is busy.", retryAfterSeconds: 0 }))).toBe(true)
  })

  it("is not a persistence failure without a time to try again, nor any other failure that carries one", () => {
    expect(isStoreBusy(new PersistenceError({ operation: "append", message: "The disk is full." }))).toBe(false)
    expect(isStoreBusy({ _tag: "PersistenceError", operation: "append", message: "Busy", retryAfterSeconds: 2 })).toBe(false)
    expect(isStoreBusy(Object.assign(ConcurrencyConflict.of("lincolnshire/note/note-1", 1, 2), { retryAfterSeconds: 2 }))).toBe(false)
    expect(isStoreBusy(undefined)).toBe(false)
  })
})

describe("lists in words", () => {
  it("one, two and three names", () => {
    expect(orList([])).toBe("")
    expect(orList(["Sam"])).toBe("Sam")
    expect(orList(["Sam", "Alys"])).toBe("Sam or Alys")
    expect(orList(["Sam", "Alys", "Dev"])).toBe("Sam, Alys or Dev")
    expect(andList(["Sam", "Alys", "Dev", "Iris"])).toBe("Sam, Alys, Dev and Iris")
  })

  it("any names: each once, in order, the last after the joining word", () => {
    const name = fc.stringMatching(/^[A-Z][a-z]{1,8}$/)
    fc.assert(
      fc.property(fc.array(name, { minLength: 2, maxLength: 8 }), (names) => {
        const listed = andList(names)
        expect(listed).toBe(`${names.slice(0, -1).join(", ")} and ${names.at(-1)}`)
        expect(listed.endsWith(` and ${names.at(-1)}`)).toBe(true)
        expect(listed.split(", ")).toHaveLength(names.length - 1)
      })
    )
  })
})
