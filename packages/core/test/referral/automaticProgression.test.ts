import { describe, expect, it } from "@effect/vitest"
import { proposeAgenda } from "../../src/agenda/proposeAgenda.js"
import type { Referral } from "../../src/referral/Referral.js"
import { fold } from "../../src/shared/decider.js"
import { sittingOf } from "../deadlines/fixtures.js"
import { preset } from "../../src/policy/authorities/index.js"
import type { ReferralCommand } from "../../src/referral/ReferralCommands.js"
import { referralDecider } from "../../src/referral/ReferralDecider.js"
import type { ReferralEvent } from "../../src/referral/ReferralEvents.js"
import { DocumentId, ReferralId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { as, completeForm, contextOf, london } from "../fixtures.js"
import { beforeAnySitting } from "../agenda/fixtures.js"

const staff = staffOf("support-panels")
const sup = deciderSpec(referralDecider, contextOf("support-panels"))
const at = london("2027-06-01", "09:00")
const cmd = (actor: keyof typeof staff, body: Record<string, unknown>) => ({ ...body, by: as(staff[actor]), at }) as ReferralCommand

/** A Support Panels request submitted and approved by the team manager, for these presentation reasons. */
const readyAtSupportPanels = (presentationReasons: ReadonlyArray<string>): ReferralEvent[] =>
  sup.play([
    cmd("socialWorker", {
      _tag: "CreateDraft",
      referralId: ReferralId.make("ref_1"),
      form: completeForm("support-panel", {
        requestTypes: ["legal_planning_meeting"],
        presentationReasons,
        // SUP-3 is worked out from the parents' recorded history: each reason comes with its fact.
        parentalHistory: presentationReasons.flatMap((reason) =>
          reason === "parental_convictions"
            ? [{ parent: "Sam Testwood", kind: "criminal_conviction", date: "2019-03-04", detail: "Burglary" }]
            : reason === "previous_care_proceedings"
              ? [{ parent: "Sam Testwood", kind: "care_proceedings", date: "2020-11-02", detail: "Older child removed under a care order" }]
              : []
        )
      } as never)
    }),
    ...preset("support-panels").referral.requiredDocuments.map(({ kind }) =>
      cmd("socialWorker", { _tag: "RecordDocument", document: { documentId: DocumentId.make(kind), kind, title: kind } })
    ),
    cmd("socialWorker", { _tag: "Submit" }),
    cmd("teamManager", { _tag: "Approve" })
  ]) as ReferralEvent[]

const withdraw = (history: ReferralEvent[], actor: keyof typeof staff) =>
  sup.given(history).when(cmd(actor, { _tag: "Withdraw", reason: "The family moved out of the area" }))

describe("SUP-3: a request that progresses to panel automatically", () => {
  it("SUP-3, DEF-PROGRESSION-WITHDRAWAL: the social worker cannot withdraw it; the team manager can, and the reason is recorded", () => {
    for (const reason of ["parental_convictions", "previous_care_proceedings"]) {
      const history = readyAtSupportPanels([reason])
      const refusal = withdraw(history, "socialWorker").refusal()
      expect(refusal).toMatchObject({ _tag: "NotPermitted", allowed: ["team_manager"] })
      expect(refusal.message).toContain("This request goes to panel automatically (SUP-3: ")
      expect(refusal.message).toContain("DEF-PROGRESSION-WITHDRAWAL, Carepanel default")
      expect(withdraw(history, "practiceSupervisor").refusal()._tag).toBe("NotPermitted")
      expect(withdraw(history, "teamManager").events()).toMatchObject([{ _tag: "ReferralWithdrawn", reason: "The family moved out of the area" }])
    }
  })

  it("SUP-3, DEF-PROGRESSION-WITHDRAWAL: a draft that records a parent's conviction, not yet submitted, is withdrawn only by the team manager too", () => {
    const draft = readyAtSupportPanels(["parental_convictions"]).filter((event) => event._tag === "DraftCreated")
    expect(withdraw(draft, "socialWorker").refusal()).toMatchObject({ _tag: "NotPermitted", allowed: ["team_manager"] })
    expect(withdraw(draft, "teamManager").events()).toMatchObject([{ _tag: "ReferralWithdrawn", reason: "The family moved out of the area" }])
    expect(withdraw(readyAtSupportPanels([]).filter((event) => event._tag === "DraftCreated"), "socialWorker").events()).toMatchObject([{ _tag: "ReferralWithdrawn" }])
  })

  it("SUP-2: a request brought for a reason that does not progress automatically is withdrawn by its social worker as before", () => {
    expect(withdraw(readyAtSupportPanels(["high_risk"]), "socialWorker").events()).toMatchObject([{ _tag: "ReferralWithdrawn" }])
  })
})

describe("SUP-3: it reaches the next sitting's agenda by itself", () => {
  const { policy, calendar } = contextOf("support-panels")
  const sittings = ["2027-05-25", "2027-06-08", "2027-06-22"].map((date) => sittingOf("support-panels", "support-panel", `sit_${date}`, date))
  const agendaOf = (referral: Referral, index: number) => proposeAgenda(sittings[index]!, { referrals: [referral], decisions: [], sittings, now: beforeAnySitting }, policy, calendar)

  it("SUP-3: ready on 1 June with no sitting chosen, it is proposed for 8 June's sitting only", () => {
    const referral = fold(referralDecider, readyAtSupportPanels(["parental_convictions"]))!
    expect(referral.status).toBe("ready")
    expect(agendaOf(referral, 1)).toMatchObject([
      { referralId: "ref_1", kind: "request", summary: "Request (goes to panel automatically, SUP-3): a legal planning meeting" }
    ])
    expect(agendaOf(referral, 0)).toEqual([])
    expect(agendaOf(referral, 2)).toEqual([])
  })

  it("SUP-2: a request without an automatic-progression reason waits to be accepted onto a sitting", () => {
    expect(agendaOf(fold(referralDecider, readyAtSupportPanels(["high_risk"]))!, 1)).toEqual([])
  })
})
