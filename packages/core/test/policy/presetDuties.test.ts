import { describe, expect, it } from "vitest"
import type { AuthorityPolicy } from "../../src/policy/AuthorityPolicy.js"
import { preset, presetSlugs } from "../../src/policy/authorities/index.js"
import { repositoryFile } from "@carepanel/core/mutation/repositoryFile"

const onOff = (on: boolean) => (on ? "on" : "off")

/** The duties that ride on a panel's own policy, read from the policy the way the clocks read it. */
const policyDuties = (policy: AuthorityPolicy) => [
  onOff(policy.outsidePanel.retrospectivePresentation && policy.referral.inScope.requestTypes.includes("epo_retrospective")),
  onOff(policy.decision.automaticReviews.some((review) => review.forRequestTypes.includes("pre_proceedings"))),
  onOff(policy.regulation24?.lookedAfterConsent !== undefined)
]

describe("docs/domain-guide.md: the duties each preset switches on", () => {
  it("the table says, for every preset, what its policy switches on", () => {
    const guide = repositoryFile("docs/domain-guide.md")
    const section = guide.slice(guide.indexOf("### The duties each preset switches on"))
    const rows = Object.fromEntries(
      section
        .split("\n")
        .filter((line) => /^\| [a-z-]+ \| (on|off) \|/.test(line))
        .map((line) => line.split("|").map((cell) => cell.trim()).filter((cell) => cell !== ""))
        .map(([slug, ...cells]) => [slug, cells])
    )
    expect(Object.keys(rows).sort()).toEqual([...presetSlugs].sort())
    for (const slug of presetSlugs) expect(rows[slug], slug).toEqual(policyDuties(preset(slug)))
  })
})
