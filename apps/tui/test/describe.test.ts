import type { AuthorityPolicy, Deadline, Sitting } from "@carepanel/core"
import { describe, expect, it } from "vitest"
import { panelName, sittingState, whoseClock } from "../src/ui/describe.js"
import { demoPolicy } from "./support/harness.js"

// Only what the sitting's line reads: its agenda, whether it was cancelled, the agenda and papers sent, its quorum.
const sitting = (more: object = {}) => ({ agenda: [{}, {}], ...more }) as unknown as Sitting
const clockAbout = (about: object) => ({ about }) as unknown as Deadline

describe("a sitting's stage, as the week and sitting screens show it", () => {
  it("its items, then the agenda, the papers and the quorum as far as they have come", () => {
    expect(sittingState(sitting())).toBe("2 items · agenda draft")
    expect(sittingState(sitting({ agenda: [{}], agendaPublishedAt: "2027-05-26T09:00:00Z" }))).toBe("1 item · agenda sent ✓")
    expect(sittingState(sitting({ agendaPublishedAt: "2027-05-26T09:00:00Z", papersSentAt: "2027-05-28T09:00:00Z" }))).toBe(
      "2 items · agenda sent ✓ · papers ✓"
    )
    expect(sittingState(sitting({ quorum: { enough: true } }))).toBe("2 items · agenda draft · quorate ✓")
    expect(sittingState(sitting({ quorum: { enough: false } }))).toBe("2 items · agenda draft · not quorate ✗")
  })

  it("a cancelled sitting is said to be cancelled, whatever it had reached", () => {
    expect(sittingState(sitting({ cancelled: { reason: "No chair available" }, agendaPublishedAt: "2027-05-26T09:00:00Z" }))).toBe("✗ cancelled")
  })
})

describe("names on the screens", () => {
  it("a panel by its name, or by its id where the policy no longer names it", () => {
    const [first] = demoPolicy.panels
    expect(panelName(demoPolicy, first!.id)).toBe(first!.name)
    expect(panelName(demoPolicy as AuthorityPolicy, "retired-panel")).toBe("retired-panel")
  })

  it("whose case a clock is: its children, or nobody for a sitting's clock", () => {
    expect(whoseClock(clockAbout({ kind: "referral", id: "ref_1", childIds: ["wx-child-06", "wx-child-07"] }))).toBe("wx-child-06, wx-child-07")
    expect(whoseClock(clockAbout({ kind: "sitting", id: "sit_1" }))).toBe("")
  })
})
