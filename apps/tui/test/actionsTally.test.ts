import type { SittingActionRow } from "@carepanel/core"
import { describe, expect, it } from "vitest"
import { actionsTally } from "../src/data/reportTables.js"

const action = (actionId: string, progress: string): SittingActionRow => ({
  decisionId: "dec_1",
  referralId: "ref_1",
  actionId,
  ownerRole: "social_worker",
  dueDate: "2027-05-14",
  fgcReferral: false,
  progress,
  clockState: undefined,
  metLate: false
})

describe("the sitting report's actions line", () => {
  it("LIN-8: counts the actions a change of circumstances replaced, apart from open, completed and outstanding ones", () => {
    const actions = [action("a1", "Open"), action("a2", "Completed"), action("a3", "Replaced"), action("a4", "Replaced"), action("a5", "Outstanding")]
    expect(actionsTally(actions)).toBe("Actions: 1 open · ✓ 1 completed · ✗ 1 outstanding · ↻ 2 replaced")
  })

  it("says nothing of replaced actions at a sitting that has none", () => {
    expect(actionsTally([action("a1", "Open"), action("a2", "Open")])).toBe("Actions: 2 open · ✓ 0 completed · ✗ 0 outstanding")
  })
})
