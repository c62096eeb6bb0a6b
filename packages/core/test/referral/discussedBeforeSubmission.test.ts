import { describe, expect, it } from "@effect/vitest"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { preset } from "../../src/policy/authorities/index.js"
import type { ReferralForm } from "../../src/referral/ReferralForm.js"
import { referralsAt } from "./fixtures.js"

// The folder's fixtures submit at 09:00 on Tue 1 Jun 2027 (London).
const submit = (slug: "knowsley" | "care-planning", form: Partial<ReferralForm>) => {
  const policy = preset(slug)
  const at = referralsAt(slug, policy.panels[0].id)
  const papers = policy.referral.requiredDocuments.map((required) => required.kind)
  return at.spec.given(at.draft(form, papers)).when(at.cmd("socialWorker", { _tag: "Submit" }))
}

describe("KNO-4: the discussion with the team manager happens before the request", () => {
  it("KNO-4: a discussion dated after the day of submission is refused, saying when it was recorded for", () => {
    const refusal = submit("knowsley", {
      requestTypes: ["edge_of_care_resource"],
      teamManagerConsultation: { date: "2027-06-08" as LocalDate, recordedIn: "supervision note" }
    }).refusal()
    expect(refusal).toMatchObject({
      _tag: "IncompleteRequest",
      missing: [{ field: "team_manager_consultation", ruleId: "KNO-4" }],
      message:
        "The request cannot be submitted yet. Please complete: the discussion with the team manager (date and where it is recorded): it is dated Tue 8 Jun 2027, after today; the request follows the discussion."
    })
  })

  it("KNO-4: a discussion on the day of submission is taken", () => {
    const state = submit("knowsley", {
      requestTypes: ["edge_of_care_resource"],
      teamManagerConsultation: { date: "2027-06-01" as LocalDate, recordedIn: "supervision note" }
    }).state()
    expect(state?.status).toBe("awaiting_approval")
  })
})

describe("CPR-4: the IRO's and the Head of Service's input is gathered before the request", () => {
  const iro = { from: "independent_reviewing_officer", name: "Hana Okafor", givenOn: "2027-05-28" as LocalDate, input: "Supports a move closer to school" } as const
  const head = { from: "head_of_service", name: "Grace Dunmore", givenOn: "2027-06-01" as LocalDate, input: "Agrees, within the placement budget" } as const

  it("CPR-4: input dated after the day of submission is refused, naming whose", () => {
    const refusal = submit("care-planning", {
      requestTypes: ["placement_change"],
      seniorInput: [iro, { ...head, givenOn: "2027-06-02" as LocalDate }]
    }).refusal()
    expect(refusal).toMatchObject({
      _tag: "IncompleteRequest",
      missing: [{ field: "seniorInput.head_of_service", ruleId: "CPR-4" }]
    })
    expect(refusal.message).toContain("the input of the Head of Service (who, when, what): it is dated Wed 2 Jun 2027, after today")
  })

  it("CPR-4: input given on the day of submission or before is taken", () => {
    expect(submit("care-planning", { requestTypes: ["placement_change"], seniorInput: [iro, head] }).state()?.status).toBe("ready")
  })
})
