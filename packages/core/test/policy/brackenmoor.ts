import { Effect } from "effect"
import { decodePolicy } from "../../src/policy/loadPolicy.js"

// Brackenmoor, a fictional council, runs Lincolnshire's procedure with two rules of its own terms of reference.
export const source = "Brackenmoor Children's Resource Panel, terms of reference (2026)"
export const ownRules = {
  source,
  rules: {
    "BRK-4": "Requests reach the panel administrator 5 working days before the sitting.",
    "BRK-7": "The panel is quorate when four members are present."
  }
}
const lincolnshirePanel = Effect.runSync(decodePolicy({ extends: "lincolnshire" })).panels[0]
export const brackenmoorFile = {
  extends: "lincolnshire",
  ownRules,
  referral: { submissionDeadline: { ruleId: "BRK-4", clock: { _tag: "DaysBefore", days: 5, unit: "working", time: "12:00" } } },
  panels: [{ ...lincolnshirePanel, quorum: { _tag: "Minimum", members: 4, ruleId: "BRK-7" } }]
}
export const brackenmoor = Effect.runSync(decodePolicy(brackenmoorFile, "brackenmoor.yaml"))
