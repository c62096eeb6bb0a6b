import { describe, expect, it } from "@effect/vitest"
import type { SharedFunding } from "../../src/decision/DecisionParts.js"
import { london } from "../fixtures.js"
import { decisionsAt } from "./fixtures.js"

const cpr = decisionsAt("care-planning")
const nso = decisionsAt("north-somerset")
const withSen: SharedFunding = { partners: ["sen"] }
const cprContent = (sharedFunding: SharedFunding | undefined) => ({ minutes: undefined, ...(sharedFunding === undefined ? {} : { sharedFunding }) })
const signed = (sharedFunding: SharedFunding | undefined) => cpr.signed(cprContent(sharedFunding), ["placement_change"])
const templateSent = { _tag: "RecordComplexNeedsTemplateSent", note: "Emailed to Priya Ashdown" }

describe("CPR-6: what the administrator is told when the Complex Needs Panel template cannot be recorded", () => {
  it("given an authority whose policy has no Complex Needs Panel referral, when the administrator records the template as sent, then they are told there is no template to send", () => {
    const refusal = nso.spec.given(nso.signed()).when(nso.cmd("administrator", templateSent)).refusal()
    expect(refusal.message).toBe("This authority's policy has no Complex Needs Panel referral, so there is no template to send.")
  })

  it("CPR-6: given a signed decision with no shared funding, when the administrator records the template as sent, then they are told the decision records no shared funding", () => {
    const refusal = cpr.spec.given(signed(undefined)).when(cpr.cmd("administrator", templateSent)).refusal()
    expect(refusal).toMatchObject({
      _tag: "NotApplicable",
      message: "This decision records no shared funding with SEN or health, so there is no Complex Needs Panel referral (CPR-6)."
    })
  })

  it("CPR-6: given the template was recorded as sent at 11:00 on Thursday, when it is recorded again, then the administrator is told when it was sent", () => {
    const once = cpr.spec.play([cpr.cmd("administrator", templateSent, london("2027-06-10", "11:00"))], signed(withSen))
    const refusal = cpr.spec.given(once).when(cpr.cmd("administrator", templateSent, london("2027-06-11", "09:00"))).refusal()
    expect(refusal).toMatchObject({ _tag: "ActionAlreadyClosed", message: "The template was already recorded as sent at 11:00 Thu 10 Jun 2027." })
  })
})
