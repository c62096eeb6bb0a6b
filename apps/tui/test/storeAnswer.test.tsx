import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { ReadModels } from "@carepanel/core"
import { InMemoryAccessLog, InMemoryStoreLayer, SequentialIds } from "@carepanel/core/testing"
import { Effect, Layer } from "effect"
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"
import { makeTuiRuntime, type TuiRuntime } from "../src/core/runtime.js"
import { demoPolicy, renderTui, staff, waitFor } from "./support/harness.js"
import { startTui } from "./support/start.js"

/**
 * The database stops answering without refusing (a network partition): the store's reads never come back. Before, a
 * screen waited as long as the connection did, a quarter of an hour; now it says so once CAREPANEL_STORE_ANSWER_SECONDS
 * has passed (0.3 s here), in words that do not claim nothing was saved.
 */
let tui: TuiRuntime
beforeAll(async () => {
  const unanswering = Layer.succeed(ReadModels, ReadModels.of({ get: () => Effect.never, query: () => Effect.never }))
  const store = Layer.mergeAll(InMemoryStoreLayer, InMemoryAccessLog, unanswering)
  tui = await makeTuiRuntime({ store, accessLog: store, ids: SequentialIds, policies: [demoPolicy], operator: staff.administrator, storeAnswerMs: 300, production: true })
})
afterAll(() => tui.runtime.dispose())

describe("a store that does not answer", () => {
  it("a screen's read says the store did not answer within the limit, instead of waiting", async () => {
    const { lastFrame, unmount } = renderTui(tui, { initial: { name: "deadlines" } })
    const frame = await waitFor(lastFrame, "The store did not answer within 0.3 s")
    expect(frame.replace(/\s+/g, " ")).toContain("A change may still be saved once it does: look at the record before trying again.")
    unmount()
  })

  it("a run the store does not answer is a failed outcome with those words, in production too", async () => {
    const outcome = await tui.run(Effect.flatMap(ReadModels, (readModels) => readModels.query({ collection: "referrals", authorityId: demoPolicy.authority.id as never })))
    expect(outcome).toEqual({
      ok: false,
      message: "The store did not answer within 0.3 s. A change may still be saved once it does: look at the record before trying again."
    })
  })
})

describe("CAREPANEL_STORE_ANSWER_SECONDS", () => {
  it("is 30 s unless given: no sooner, and then the screen is told", async () => {
    const unanswering = Layer.succeed(ReadModels, ReadModels.of({ get: () => Effect.never, query: () => Effect.never }))
    const store = Layer.mergeAll(InMemoryStoreLayer, InMemoryAccessLog, unanswering)
    const byDefault = await makeTuiRuntime({ store, accessLog: store, ids: SequentialIds, policies: [demoPolicy], operator: staff.administrator })
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] })
    try {
      let outcome: unknown
      void byDefault.run(Effect.flatMap(ReadModels, (readModels) => readModels.get("referrals", demoPolicy.authority.id as never, "ref_1"))).then((answered) => {
        outcome = answered
      })
      await vi.advanceTimersByTimeAsync(29_999)
      expect(outcome).toBeUndefined()
      await vi.advanceTimersByTimeAsync(1)
      expect(outcome).toMatchObject({ ok: false, message: expect.stringContaining("The store did not answer within 30 s.") })
    } finally {
      vi.useRealTimers()
      await byDefault.runtime.dispose()
    }
  })

  it("out of range stops the start: one JSON line naming the setting", async () => {
    const stopped = await startTui({ CAREPANEL_STORE_ANSWER_SECONDS: "0", CAREPANEL_DATA_DIR: join(mkdtempSync(join(tmpdir(), "carepanel-tui-answer-")), "data") })
    expect(stopped.code).toBe(1)
    const lines = stopped.stderr.split("\n").filter((line) => line !== "")
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({
        message: "Cannot start: a setting cannot be used",
        annotations: { setting: "CAREPANEL_STORE_ANSWER_SECONDS", problem: "CAREPANEL_STORE_ANSWER_SECONDS: must be a whole number from 1 to 3600" }
      })
    ])
  }, 120_000)
})
