import { describe, expect, it } from "vitest"
import { undoOnFailure } from "../src/undoOnFailure.js"

describe("undoOnFailure (a start's steps after its store is open)", () => {
  it("answers the step's result and undoes nothing when it succeeds", async () => {
    const undone: Array<string> = []
    await expect(undoOnFailure(async () => "listening", async () => undone.push("store closed"))).resolves.toBe("listening")
    expect(undone).toEqual([])
  })

  it("undoes before the step's failure is reported, and reports the step's failure even when the undoing fails too", async () => {
    const undone: Array<string> = []
    const failing = undoOnFailure(
      async () => {
        throw new Error("listen EADDRINUSE")
      },
      async () => {
        undone.push("store closed")
        throw new Error("the store was already closed")
      }
    )
    await expect(failing).rejects.toThrow("listen EADDRINUSE")
    expect(undone).toEqual(["store closed"])
  })
})
