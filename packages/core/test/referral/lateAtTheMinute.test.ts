import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { AuthorityPolicy } from "../../src/policy/AuthorityPolicy.js"
import { presetInputs } from "../../src/policy/authorities/index.js"
import type { DocumentKind } from "../../src/policy/DocumentKind.js"
import { referralDecider } from "../../src/referral/ReferralDecider.js"
import type { ReferralCommand } from "../../src/referral/ReferralCommands.js"
import { DocumentId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { as, completeForm, london } from "../fixtures.js"
import { referralId, referralsAt, sittingOn } from "./fixtures.js"

describe("the submission deadline to the minute (CPR-4)", () => {
  it("CPR-4: a request ready at 17:00 exactly on the Monday is on time for Wednesday's sitting", () => {
    const panelId = "care-planning-and-resources"
    const { spec, cmd, then, draft } = referralsAt("care-planning", panelId)
    const history = then(draft({}, ["referral_form"]), cmd("socialWorker", { _tag: "Submit" }, london("2027-06-07", "17:00")))
    const accept = cmd("administrator", { _tag: "AcceptOntoSitting", sitting: sittingOn("sit_9jun", panelId, "2027-06-09", "09:30") }, london("2027-06-08", "10:00"))
    expect(spec.given(history).when(accept).events()).toMatchObject([{ _tag: "AcceptedOntoSitting", late: false }])
  })
})

describe("LIN-3 read strictly: a policy where nobody may let a late request on", () => {
  const input = presetInputs.lincolnshire
  const policy = Schema.decodeUnknownSync(AuthorityPolicy)({ ...input, referral: { ...input.referral, latePermission: { ruleId: "LIN-3", roles: [] } } })
  const spec = deciderSpec(referralDecider, { policy, calendar: englandAndWales })
  const staff = staffOf("lincolnshire")
  const cmd = (actor: keyof typeof staff, body: Record<string, unknown>, at = london("2027-06-04", "12:01")) => ({ ...body, by: as(staff[actor]), at }) as ReferralCommand
  const papers: DocumentKind[] = ["chronology", "genogram", "assessment", "direct_work", "family_safety_plan", "signs_of_safety_mapping"]
  /** Given a request the team manager approved at 12:01 on the Friday, a minute after LIN-3's noon deadline. */
  const late = spec.play([
    cmd("socialWorker", { _tag: "CreateDraft", referralId, form: completeForm("support-panel") }),
    ...papers.map((kind) => cmd("socialWorker", { _tag: "RecordDocument", document: { documentId: DocumentId.make(kind), kind, title: kind } })),
    cmd("socialWorker", { _tag: "Submit" }),
    cmd("teamManager", { _tag: "Approve" })
  ])
  const wednesday = sittingOn("sit_9jun", "support-panel", "2027-06-09", "10:00")

  it("LIN-3: the late request is refused saying it can go to the next sitting, not whose permission it needs", () => {
    const refusal = spec.given(late).when(cmd("administrator", { _tag: "AcceptOntoSitting", sitting: wednesday })).refusal()
    expect(refusal).toMatchObject({ _tag: "LateRequest", ruleId: "LIN-3" })
    expect(refusal.message).toMatch(/\. This panel does not take late requests: it can go to the next sitting\.$/)
  })

  it("LIN-3: the chair cannot let it on either, and is told the panel takes no late requests", () => {
    const refusal = spec.given(late).when(cmd("chair", { _tag: "GrantLatePermission", sitting: wednesday, reason: "Placement breaking down" })).refusal()
    expect(refusal).toMatchObject({ _tag: "LatePermissionNotAllowed", message: "This panel does not take late requests (LIN-3)." })
  })
})
