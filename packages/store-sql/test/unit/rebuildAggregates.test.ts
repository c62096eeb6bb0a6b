import * as core from "@carepanel/core"
import { describe, expect, it } from "vitest"
import { aggregatesByStreamType } from "../../src/rebuild/aggregates.js"

describe("the aggregates rebuild folds", () => {
  it("are every aggregate the core exports, so that no stream's read models are left as an older version wrote them", () => {
    const exported = Object.values(core).filter(
      (value): value is core.Aggregate<never, never, never, never, never> =>
        typeof value === "object" && value !== null && "streamType" in value && "decider" in value && "readModels" in value
    )
    expect([...aggregatesByStreamType.keys()].sort()).toEqual(exported.map((aggregate) => aggregate.streamType).sort())
  })
})
