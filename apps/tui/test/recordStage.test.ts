import type { Deadline, Sitting } from "@carepanel/core"
import { DateTime } from "effect"
import { describe, expect, it } from "vitest"
import { recordStage, recordSteps } from "../src/data/records.js"

const at = DateTime.unsafeMake("2027-05-27T10:00:00Z")

// Only what the record's steps read of a sitting: its id, its agenda's children and its record (CPR-11).
const sitting = (record: object, agenda = [{ referralId: "ref_1", childIds: ["wx-child-05", "wx-child-06"] }, { referralId: "ref_2", childIds: ["wx-child-06", "wx-child-07"] }]) =>
  ({ id: "sit_1", agenda, record: { uploads: [], ...record } }) as unknown as Sitting
const noClocks = new Map<string, Deadline>()
const stageOf = (record: object) => recordStage(recordSteps(sitting(record), noClocks))

describe("a sitting's record, step by step (CPR-11)", () => {
  it("one upload per child on the agenda, under the first request naming them, each waiting for the final record", () => {
    const steps = recordSteps(sitting({}), noClocks)
    expect(steps.map((step) => [step.label, step.waitsFor, step.referralId])).toEqual([
      ["Draft record to the chair", undefined, undefined],
      ["Final record back from the chair", "draft to the chair", undefined],
      ["Uploaded to wx-child-05's file", "final record", "ref_1"],
      ["Uploaded to wx-child-06's file", "final record", "ref_1"],
      ["Uploaded to wx-child-07's file", "final record", "ref_2"]
    ])
    const sent = recordSteps(sitting({ draftSentAt: at, finalAt: at }), noClocks)
    expect(sent.map((step) => step.waitsFor)).toEqual([undefined, undefined, undefined, undefined, undefined])
  })

  it("gives each step its own clock: the draft's, the final record's, each child's upload", () => {
    const clock = (id: string) => ({ id }) as unknown as Deadline
    const ids = ["sit_1:record-draft", "sit_1:record-final", "sit_1:upload:wx-child-05", "sit_1:upload:wx-child-06", "sit_1:upload:wx-child-07"]
    const clocks = new Map(ids.map((id) => [id, clock(id)]))
    expect(recordSteps(sitting({}), clocks).map((step) => step.clock?.id)).toEqual(ids)
  })

  it("says how far it has come: the first step still to do, and how many children's files have it", () => {
    expect(stageOf({})).toBe("to draft")
    expect(stageOf({ draftSentAt: at })).toBe("with the chair")
    expect(stageOf({ draftSentAt: at, finalAt: at })).toBe("final · 0 of 3 uploaded")
    expect(stageOf({ draftSentAt: at, finalAt: at, uploads: [{ childId: "wx-child-06", at }] })).toBe("final · 1 of 3 uploaded")
    const all = ["wx-child-05", "wx-child-06", "wx-child-07"].map((childId) => ({ childId, at }))
    expect(stageOf({ draftSentAt: at, finalAt: at, uploads: all })).toBe("✓ uploaded (3 of 3)")
  })
})
