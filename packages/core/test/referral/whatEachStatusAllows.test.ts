import { describe, expect, it } from "@effect/vitest"
import type { ReferralStatus } from "../../src/referral/Referral.js"
import type { ReferralEvent } from "../../src/referral/ReferralEvents.js"
import { evolveReferral } from "../../src/referral/evolveReferral.js"
import { DecisionId, DocumentId } from "../../src/shared/ids.js"
import { completeForm, london } from "../fixtures.js"
import { referralsAt, sittingOn } from "./fixtures.js"

// Lincolnshire (LIN-3: the team manager signs a request off before panel; no automatic progression, so its social
// worker may withdraw it). Every child on these requests is an unaccompanied asylum-seeking child, so LIN-4 lets the
// administrator close the request without presenting it: every command has a request it fits.

const { spec, cmd, then, draft } = referralsAt("lincolnshire", "support-panel")
const papers = ["chronology", "genogram", "assessment", "direct_work", "family_safety_plan", "signs_of_safety_mapping"] as const
const ukaan = { ...completeForm("support-panel").children[0]!, fullName: "Ukaan Testwood", unaccompaniedAsylumSeeking: true }
const wednesday = sittingOn("sit_9jun", "support-panel", "2027-06-09", "10:00")

const drafted = draft({ children: [ukaan] }, papers)
const awaiting = then(drafted, cmd("socialWorker", { _tag: "Submit" }))
const ready = then(awaiting, cmd("teamManager", { _tag: "Approve" }))
const accepted = then(ready, cmd("administrator", { _tag: "AcceptOntoSitting", sitting: wednesday }))
const decided = then(
  accepted,
  cmd("administrator", { _tag: "RecordHearing", decisionId: DecisionId.make("dec_1"), sittingId: wednesday.id, outcome: "approve" }, london("2027-06-09", "12:00"))
)
const withdrawn = then(ready, cmd("socialWorker", { _tag: "Withdraw", reason: "The family moved out of the area" }))
const redirected = then(ready, cmd("administrator", { _tag: "Redirect", ruleId: "LIN-4", reason: "Need not be presented" }))

const histories: Record<ReferralStatus, ReadonlyArray<ReferralEvent>> = {
  draft: drafted,
  awaiting_approval: awaiting,
  ready,
  accepted,
  decided,
  withdrawn,
  redirected
}

const statusWords: Record<ReferralStatus, string> = {
  draft: "is still a draft",
  awaiting_approval: "is waiting for the team manager's approval (LIN-3)",
  ready: "is ready for a sitting",
  accepted: "is already on a sitting's agenda",
  decided: "has been decided",
  withdrawn: "has been withdrawn",
  redirected: "has been sent to another panel"
}

const commands = {
  "edit this request": { actor: "socialWorker", body: { _tag: "EditDraft", form: completeForm("support-panel", { children: [ukaan] }) } },
  "add a document": {
    actor: "socialWorker",
    body: { _tag: "RecordDocument", document: { documentId: DocumentId.make("doc-late"), kind: "assessment", title: "Updated assessment" } }
  },
  "submit this request": { actor: "socialWorker", body: { _tag: "Submit" } },
  "approve this request": { actor: "teamManager", body: { _tag: "Approve" } },
  "return this request for changes": { actor: "teamManager", body: { _tag: "ReturnForChanges", reason: "Add the family's views" } },
  "allow this request late": { actor: "chair", body: { _tag: "GrantLatePermission", sitting: wednesday, reason: "Placement breaking down" } },
  "put this request on a sitting": { actor: "administrator", body: { _tag: "AcceptOntoSitting", sitting: wednesday } },
  "record a decision on this request": {
    actor: "administrator",
    body: { _tag: "RecordHearing", decisionId: DecisionId.make("dec_2"), outcome: "approve" }
  },
  "withdraw this request": { actor: "socialWorker", body: { _tag: "Withdraw", reason: "Family accepted early help" } },
  "redirect this request": { actor: "administrator", body: { _tag: "Redirect", ruleId: "LIN-4", reason: "Need not be presented" } }
} as const

/** In which statuses each command is taken; in every other it is refused, naming the request's status. */
const allowedIn: Record<keyof typeof commands, ReadonlyArray<ReferralStatus>> = {
  "edit this request": ["draft"],
  "add a document": ["draft", "awaiting_approval", "ready", "accepted"],
  "submit this request": ["draft"],
  "approve this request": ["awaiting_approval"],
  "return this request for changes": ["awaiting_approval", "ready"],
  "allow this request late": ["draft", "awaiting_approval", "ready"],
  "put this request on a sitting": ["ready"],
  "record a decision on this request": ["draft", "awaiting_approval", "ready", "accepted", "decided"],
  "withdraw this request": ["draft", "awaiting_approval", "ready", "accepted"],
  "redirect this request": ["draft", "awaiting_approval", "ready"]
}

const statuses = Object.keys(histories) as ReferralStatus[]

describe("what a request in each status allows, on Tue 1 Jun 2027 before the Wednesday 9 June sitting", () => {
  it("each history reaches the status it is named for", () => {
    for (const status of statuses) expect(histories[status].reduce(evolveReferral, undefined)?.status).toBe(status)
  })

  for (const [doing, { actor, body }] of Object.entries(commands) as Array<[keyof typeof commands, (typeof commands)[keyof typeof commands]]>) {
    it(`given a request in each status, when someone tries to ${doing}, then it is taken in ${allowedIn[doing].join(", ")} and refused otherwise, saying why`, () => {
      for (const status of statuses) {
        const outcome = spec.given(histories[status]).when(cmd(actor, body))
        if (allowedIn[doing].includes(status)) expect(outcome.events().length, `${doing} when ${status}`).toBe(1)
        else expect(outcome.refusal(), `${doing} when ${status}`).toMatchObject({
          _tag: "ReferralNotInStatus",
          status,
          message: `You cannot ${doing}: this request ${statusWords[status]}.`
        })
      }
    })
  }
})
