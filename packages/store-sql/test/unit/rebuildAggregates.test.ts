import * as core from "@carepanel/core"
import { describe, expect, it } from "vitest"
import { aggregatesByStreamType } from "../../src/rebuild/aggregates.js"

describe("the aggregates rebuild folds", () => {
  it("are every aggregate the core exports, so that no stream's read models are left as an older version wrote them", () => {
    const exported = Object.values(core as Record<string, unknown>).filter(
      (value): value is { readonly streamType: string } =>
        typeof value === "object" && value !== null && "streamType" in value && "decider" in value && "readModels" in value
    )
    expect([...aggregatesByStreamType.keys()].sort()).toEqual(exported.map((aggregate) => aggregate.streamType).sort())
  })
})
