import { describe, expect, it } from "@effect/vitest"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import type { DocumentKind } from "../../src/policy/DocumentKind.js"
import type { ReferralCommand } from "../../src/referral/ReferralCommands.js"
import { referralDecider } from "../../src/referral/ReferralDecider.js"
import type { ReferralEvent } from "../../src/referral/ReferralEvents.js"
import { ChildId, DocumentId, PanelId, ReferralId, SittingId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { as, completeForm, contextOf, london } from "../fixtures.js"

const referralId = ReferralId.make("ref_1")
const staff = staffOf("lincolnshire")
const lincolnshire = deciderSpec(referralDecider, contextOf("lincolnshire"))
const northSomerset = deciderSpec(referralDecider, contextOf("north-somerset"))
const knowsley = deciderSpec(referralDecider, contextOf("knowsley"))

const at = london("2027-06-01", "09:00")
const cmd = (actor: keyof typeof staff, body: Record<string, unknown>, when = at) =>
  ({ ...body, by: as(staff[actor]), at: when }) as ReferralCommand

const created = (form = completeForm("support-panel")): ReferralEvent[] =>
  lincolnshire.given([]).when(cmd("socialWorker", { _tag: "CreateDraft", referralId, form })).events() as ReferralEvent[]

const recordDocuments = (kinds: ReadonlyArray<DocumentKind>) =>
  kinds.map((kind, i) => cmd("socialWorker", { _tag: "RecordDocument", document: { documentId: DocumentId.make(`doc-${i}`), kind, title: kind } }))
const withDocuments = (history: ReferralEvent[], kinds: ReadonlyArray<DocumentKind>) => lincolnshire.play(recordDocuments(kinds), history)

const linDocuments: DocumentKind[] = ["chronology", "genogram", "assessment", "direct_work", "family_safety_plan", "signs_of_safety_mapping"]
const draftWithPapers = () => withDocuments(created(), linDocuments)
const submitted = () => {
  const history = draftWithPapers()
  return [...history, ...lincolnshire.given(history).when(cmd("socialWorker", { _tag: "Submit" })).events()]
}
const ready = (when = at) => {
  const history = submitted()
  return [...history, ...lincolnshire.given(history).when(cmd("teamManager", { _tag: "Approve" }, when)).events()]
}
const wednesday = {
  id: SittingId.make("sit_9jun"),
  panelId: PanelId.make("support-panel"),
  date: "2027-06-09" as LocalDate,
  startsAt: london("2027-06-09", "10:00")
}

const nsoDraft = (overrides: Parameters<typeof completeForm>[1]) =>
  northSomerset.play([
    cmd("socialWorker", { _tag: "CreateDraft", referralId, form: completeForm("care-and-resource", overrides) }),
    ...recordDocuments(["assessment", "care_plan", "genogram"])
  ])

describe("referral decider: drafts", () => {
  it("creates a draft request for several children (KNO-6, NSO-5, LIN-3)", () => {
    const form = completeForm("support-panel", {
      children: [
        ...completeForm("support-panel").children,
        { childId: ChildId.make("child-2"), fullName: "Ash Testwood", disabled: false, unaccompaniedAsylumSeeking: false }
      ]
    })
    const state = lincolnshire.given([]).when(cmd("socialWorker", { _tag: "CreateDraft", referralId, form })).state()
    expect(state?.status).toBe("draft")
    expect(state?.form.children.map((child) => child.childId)).toEqual(["child-1", "child-2"])
    expect(state?.createdBy.name).toBe("Priya Ashdown")
  })

  it("refuses a second request with the same id", () => {
    const refusal = lincolnshire.given(created()).when(cmd("socialWorker", { _tag: "CreateDraft", referralId, form: completeForm("support-panel") })).refusal()
    expect(refusal._tag).toBe("ReferralAlreadyExists")
  })

  it("edits a draft, and refuses to edit once submitted", () => {
    const form = completeForm("support-panel", { reason: "Updated reason" })
    expect(lincolnshire.given(created()).when(cmd("socialWorker", { _tag: "EditDraft", form })).state()?.form.reason).toBe("Updated reason")
    const refusal = lincolnshire.given(submitted()).when(cmd("socialWorker", { _tag: "EditDraft", form })).refusal()
    expect(refusal).toMatchObject({ _tag: "ReferralNotInStatus", message: "You cannot edit this request: this request is waiting for the team manager's approval (LIN-3)." })
  })

  it("refuses every command on a request that does not exist", () => {
    expect(lincolnshire.given([]).when(cmd("socialWorker", { _tag: "Submit" })).refusal()._tag).toBe("NoSuchRecord")
  })

  it("records documents, replacing one recorded again under the same id", () => {
    const history = withDocuments(created(), ["genogram", "chronology"])
    const again = lincolnshire
      .given(history)
      .when(cmd("socialWorker", { _tag: "RecordDocument", document: { documentId: DocumentId.make("doc-0"), kind: "eco_map", title: "Eco-map" } }))
      .state()
    expect(again?.documents.map((document) => document.kind)).toEqual(["chronology", "eco_map"])
  })

  it("refuses a document on a withdrawn request", () => {
    const history = created()
    const withdrawn = [...history, ...lincolnshire.given(history).when(cmd("socialWorker", { _tag: "Withdraw", reason: "family moved" })).events()]
    const refusal = lincolnshire
      .given(withdrawn)
      .when(cmd("socialWorker", { _tag: "RecordDocument", document: { documentId: DocumentId.make("d"), kind: "genogram", title: "g" } }))
      .refusal()
    expect(refusal._tag).toBe("ReferralNotInStatus")
  })
})

describe("referral decider: submission checks", () => {
  it("LIN-3: refuses submission without the documents the procedure lists, naming each", () => {
    const refusal = lincolnshire.given(created()).when(cmd("socialWorker", { _tag: "Submit" })).refusal()
    expect(refusal._tag).toBe("MissingDocuments")
    expect(refusal.message).toContain("chronology (LIN-3)")
    expect(refusal.message).toContain("Signs of Safety mapping (LIN-3)")
  })

  it("LIN-3: legal advice is required only for a legal route", () => {
    const form = completeForm("support-panel", { requestTypes: ["pre_proceedings"] })
    const history = withDocuments(created(form), linDocuments)
    const refusal = lincolnshire.given(history).when(cmd("socialWorker", { _tag: "Submit" })).refusal()
    expect(refusal).toMatchObject({ _tag: "MissingDocuments", missing: [{ kind: "legal_advice", ruleId: "LIN-3" }] })
  })

  it("LIN-3: refuses an incomplete request and lists what is missing", () => {
    const history = withDocuments(created(completeForm("support-panel", { proposedPlan: " ", children: [] })), linDocuments)
    const refusal = lincolnshire.given(history).when(cmd("socialWorker", { _tag: "Submit" })).refusal()
    expect(refusal._tag).toBe("IncompleteRequest")
    expect(refusal.message).toBe("The request cannot be submitted yet. Please complete: at least one child; proposed plan.")
  })

  it("KNO-4: refuses a request whose team manager discussion is not recorded", () => {
    const form = completeForm("circle-of-support", { requestTypes: ["edge_of_care_resource"], teamManagerConsultation: undefined })
    const { teamManagerConsultation: _omit, ...withoutConsultation } = form
    const history = knowsley.given([]).when(cmd("socialWorker", { _tag: "CreateDraft", referralId, form: withoutConsultation })).events()
    const refusal = knowsley.given(history).when(cmd("socialWorker", { _tag: "Submit" })).refusal()
    expect(refusal).toMatchObject({ _tag: "IncompleteRequest", missing: [{ field: "team_manager_consultation", ruleId: "KNO-4" }] })
  })

  it("submits a complete request, awaiting the team manager (LIN-3) and noting the criteria met (LIN-2)", () => {
    const events = lincolnshire.given(draftWithPapers()).when(cmd("socialWorker", { _tag: "Submit" })).events()
    expect(events).toMatchObject([
      {
        _tag: "ReferralSubmitted",
        approvalsNeeded: [{ role: "team_manager", ruleId: "LIN-3" }],
        criteria: [{ ruleId: "LIN-2", reason: "accommodation_considered", level: "should" }]
      }
    ])
  })

  it("LIN-2: parental convictions make presentation a must, listed first", () => {
    const form = completeForm("support-panel", {
      presentationReasons: ["accommodation_considered", "parental_convictions"],
      parentalHistory: [{ parent: "Sam Testwood", kind: "criminal_conviction", date: "2019-03-04" as LocalDate, detail: "Assault occasioning actual bodily harm" }]
    })
    const history = withDocuments(created(form), linDocuments)
    const [event] = lincolnshire.given(history).when(cmd("socialWorker", { _tag: "Submit" })).events()
    expect(event).toMatchObject({ criteria: [{ reason: "parental_convictions", level: "must" }, { level: "should" }] })
  })

  it("NSO-7: a disabled child's respite request goes to the disabled children's panel", () => {
    const child = { ...completeForm("care-and-resource").children[0]!, disabled: true }
    const refusal = northSomerset
      .given(nsoDraft({ requestTypes: ["respite_or_family_support"], children: [child] }))
      .when(cmd("socialWorker", { _tag: "Submit" }))
      .refusal()
    expect(refusal).toMatchObject({ _tag: "OutOfScope", ruleId: "NSO-7", redirectTo: "Children with Disabilities panel" })
    expect(refusal.message).toContain("Send it to the Children with Disabilities panel.")
  })

  it("NSO-7: respite that is part of care proceedings is submitted to the Care and Resource Panel", () => {
    const child = { ...completeForm("care-and-resource").children[0]!, disabled: true }
    const state = northSomerset
      .given(nsoDraft({ requestTypes: ["respite_or_family_support"], children: [child], partOfCareProceedings: true }))
      .when(cmd("socialWorker", { _tag: "Submit" }))
      .state()
    expect(state?.status).toBe("awaiting_approval")
  })

  it("NSO-2: needs the team manager, then the head of service", () => {
    const events = northSomerset.given(nsoDraft({})).when(cmd("socialWorker", { _tag: "Submit" })).events()
    expect(events[0]).toMatchObject({
      approvalsNeeded: [
        { role: "team_manager", ruleId: "NSO-2" },
        { role: "head_of_service", ruleId: "NSO-2" }
      ]
    })
  })

  it("NSO-6: expenditure over GBP 1,000 a year must come to panel; GBP 2,000 for a disabled child", () => {
    const over = northSomerset.given(nsoDraft({ annualCostPence: 150_000 })).when(cmd("socialWorker", { _tag: "Submit" })).state()
    expect(over?.criteria).toContainEqual(expect.objectContaining({ ruleId: "NSO-6", level: "must" }))
    const child = { ...completeForm("care-and-resource").children[0]!, disabled: true }
    const under = northSomerset
      .given(nsoDraft({ annualCostPence: 150_000, children: [child] }))
      .when(cmd("socialWorker", { _tag: "Submit" }))
      .state()
    expect(under?.criteria.some((criterion) => criterion.description.startsWith("Expenditure"))).toBe(false)
  })

  it("LIN-2: refuses a request type the panel does not decide", () => {
    const history = withDocuments(created(completeForm("support-panel", { requestTypes: ["sgo_or_adoption_support"] })), linDocuments)
    const refusal = lincolnshire.given(history).when(cmd("socialWorker", { _tag: "Submit" })).refusal()
    expect(refusal).toMatchObject({ _tag: "OutOfScope", ruleId: "LIN-2" })
    expect(refusal.message).toBe("This panel does not decide a special guardianship or adoption support package: it is not among the requests its terms of reference bring to it (LIN-2).")
  })
})

describe("referral decider: each authority's scope and papers", () => {
  const submitWith = (slug: Parameters<typeof contextOf>[0], panelId: string, form: Parameters<typeof completeForm>[1], documents: ReadonlyArray<DocumentKind>) => {
    const spec = deciderSpec(referralDecider, contextOf(slug))
    const history = spec.play([
      cmd("socialWorker", { _tag: "CreateDraft", referralId, form: completeForm(panelId, form) }),
      ...recordDocuments(documents)
    ])
    return spec.given(history).when(cmd("socialWorker", { _tag: "Submit" }))
  }

  it("SUP-5: Support Panels need the core assessment, the care plan and the referral form", () => {
    const refusal = submitWith("support-panels", "support-panel", { requestTypes: ["edge_of_care_resource"] }, ["assessment"]).refusal()
    expect(refusal).toMatchObject({ _tag: "MissingDocuments", missing: [{ kind: "care_plan", ruleId: "SUP-5" }, { kind: "referral_form", ruleId: "SUP-5" }] })
  })

  it("NSO-4: North Somerset needs the latest assessment, care plan and a genogram", () => {
    const refusal = submitWith("north-somerset", "care-and-resource", {}, ["assessment", "care_plan"]).refusal()
    expect(refusal.message).toBe("The request cannot be submitted without: genogram (NSO-4).")
  })

  it("SUP-2: the reasons a case comes to panel are recorded with the request", () => {
    const form = { requestTypes: ["edge_of_care_resource" as const], presentationReasons: ["complex_needs" as const, "cusp_of_custody" as const] }
    const state = submitWith("support-panels", "support-panel", form, ["assessment", "care_plan", "referral_form"]).state()
    expect(state?.criteria.map((criterion) => [criterion.ruleId, criterion.reason])).toEqual([["SUP-2", "complex_needs"], ["SUP-2", "cusp_of_custody"]])
  })

  it("SUP-3: a parent's convictions or earlier care proceedings mean automatic progression: a must, listed first", () => {
    const form = {
      requestTypes: ["edge_of_care_resource" as const],
      presentationReasons: ["complex_needs" as const, "previous_care_proceedings" as const],
      parentalHistory: [{ parent: "Sam Testwood", kind: "care_proceedings" as const, date: "2020-11-02" as LocalDate, detail: "Older child removed under a care order" }]
    }
    const state = submitWith("support-panels", "support-panel", form, ["assessment", "care_plan", "referral_form"]).state()
    expect(state?.criteria.map((criterion) => [criterion.ruleId, criterion.reason, criterion.level])).toEqual([
      ["SUP-3", "previous_care_proceedings", "must"],
      ["SUP-2", "complex_needs", "should"]
    ])
  })

  it("CPR-5: the placements panel decides placements, not funding for families with no recourse to public funds", () => {
    expect(submitWith("care-planning", "care-planning-and-resources", { requestTypes: ["placement_change"] }, ["referral_form"]).state()?.status).toBe("ready")
    const refusal = submitWith("care-planning", "care-planning-and-resources", { requestTypes: ["nrpf_funding"] }, ["referral_form"]).refusal()
    expect(refusal).toMatchObject({ _tag: "OutOfScope", ruleId: "CPR-5" })
  })

  it("KNO-5, DEF-SCOPE-FROM-PURPOSE: Circle of Support must see a child before a legal planning meeting; what else it hears is the policy's reading of its purpose, not KNO-3", () => {
    const form = { requestTypes: ["legal_planning_meeting" as const], presentationReasons: ["cusp_of_proceedings" as const] }
    const state = submitWith("knowsley", "circle-of-support", form, ["referral_form"]).state()
    expect(state?.criteria).toMatchObject([{ ruleId: "KNO-5", level: "must" }])
    const edgeOfCare = { requestTypes: ["edge_of_care_resource" as const], presentationReasons: ["edge_of_care_support" as const, "plan_not_progressing" as const] }
    expect(submitWith("knowsley", "circle-of-support", edgeOfCare, ["referral_form"]).state()?.criteria.map((criterion) => [criterion.reason, criterion.ruleId])).toEqual([
      ["edge_of_care_support", "DEF-SCOPE-FROM-PURPOSE"],
      ["plan_not_progressing", "DEF-SCOPE-FROM-PURPOSE"]
    ])
    expect(submitWith("knowsley", "circle-of-support", { requestTypes: ["s20_accommodation"] }, ["referral_form"]).refusal()).toMatchObject({
      _tag: "OutOfScope",
      ruleId: "DEF-SCOPE-FROM-PURPOSE",
      message:
        "This panel does not decide accommodation under section 20: it is not among the requests this panel's policy brings to it (DEF-SCOPE-FROM-PURPOSE, Carepanel default, not in the terms of reference; set by the authority's policy)."
    })
  })
})

describe("referral decider: approval", () => {
  it("LIN-3: the team manager's approval makes the request ready, stamped with the time", () => {
    const when = london("2027-06-03", "15:00")
    const state = lincolnshire.given(submitted()).when(cmd("teamManager", { _tag: "Approve" }, when)).state()
    expect(state).toMatchObject({ status: "ready", readyAt: when, approvals: [{ role: "team_manager", ruleId: "LIN-3" }] })
  })

  it("NSO-2: refuses the head of service's approval before the team manager's, then takes both in order", () => {
    const draft = nsoDraft({})
    const history = [...draft, ...northSomerset.given(draft).when(cmd("socialWorker", { _tag: "Submit" })).events()]
    const refusal = northSomerset.given(history).when(cmd("headOfService", { _tag: "Approve" })).refusal()
    expect(refusal).toMatchObject({ _tag: "NotNextApprover", message: "This request is waiting for the team manager's approval (NSO-2)." })
    const approved = [...history, ...northSomerset.given(history).when(cmd("teamManager", { _tag: "Approve" })).events()]
    expect(northSomerset.given(approved).when(cmd("teamManager", { _tag: "Approve" })).refusal()._tag).toBe("NotNextApprover")
    // Asked to edit or to put it on a sitting meanwhile, the refusal says whose approval it still waits for.
    expect(northSomerset.given(approved).when(cmd("socialWorker", { _tag: "EditDraft", form: completeForm("care-and-resource") })).refusal().message).toBe(
      "You cannot edit this request: this request is waiting for the head of service's approval (NSO-2)."
    )
    const state = northSomerset.given(approved).when(cmd("headOfService", { _tag: "Approve" })).state()
    expect(state?.status).toBe("ready")
    expect(state?.approvals.map((approval) => approval.role)).toEqual(["team_manager", "head_of_service"])
  })

  it("refuses approval of a draft", () => {
    expect(lincolnshire.given(created()).when(cmd("teamManager", { _tag: "Approve" })).refusal()._tag).toBe("ReferralNotInStatus")
  })

  it("returns a request for changes: back to a draft, approvals cleared", () => {
    const state = lincolnshire.given(ready()).when(cmd("teamManager", { _tag: "ReturnForChanges", reason: "add the FGC date" })).state()
    expect(state).toMatchObject({ status: "draft", approvals: [], pendingApprovals: [] })
    expect(state?.readyAt).toBeUndefined()
  })

  it("refuses to return a draft for changes", () => {
    expect(lincolnshire.given(created()).when(cmd("teamManager", { _tag: "ReturnForChanges", reason: "x" })).refusal()._tag).toBe("ReferralNotInStatus")
  })
})

describe("referral decider: onto a sitting", () => {
  it("LIN-3: accepts a request ready before noon on the Friday before the sitting", () => {
    const history = ready(london("2027-06-04", "11:59"))
    const events = lincolnshire.given(history).when(cmd("administrator", { _tag: "AcceptOntoSitting", sitting: wednesday })).events()
    expect(events).toMatchObject([{ _tag: "AcceptedOntoSitting", sittingId: "sit_9jun", late: false }])
  })

  it("LIN-3, DEF-LATE-PERMISSION: refuses a request ready after the deadline, explaining which deadline, and cites the late route as Carepanel's default (LIN-3 says the request MUST arrive by then)", () => {
    const history = ready(london("2027-06-04", "12:01"))
    const refusal = lincolnshire.given(history).when(cmd("administrator", { _tag: "AcceptOntoSitting", sitting: wednesday })).refusal()
    expect(refusal._tag).toBe("LateRequest")
    expect(refusal.message).toBe(
      "This request was ready at 12:01 Fri 4 Jun 2027, after the deadline of 12:00 Fri 4 Jun 2027 " +
        "(LIN-3: noon on the Friday before the sitting on Wed 9 Jun 2027). It needs the permission of the panel chair or vice chair to be heard then " +
        "(DEF-LATE-PERMISSION, Carepanel default, not in the terms of reference; set by the authority's policy)."
    )
  })

  it("DEF-LATE-PERMISSION: only the panel chair or vice chair may let a late request onto the agenda, cited as Carepanel's default (LIN-3 names no late route)", () => {
    const refusal = lincolnshire
      .given(ready())
      .when(cmd("headOfService", { _tag: "GrantLatePermission", sitting: wednesday, reason: "x" }))
      .refusal()
    expect(refusal).toMatchObject({
      _tag: "LatePermissionNotAllowed",
      message: "Only the panel chair or vice chair can let a late request onto the agenda (DEF-LATE-PERMISSION, Carepanel default, not in the terms of reference; set by the authority's policy)."
    })
  })

  it("refuses a sitting of another panel, and one that has started", () => {
    const history = ready()
    const other = { ...wednesday, panelId: PanelId.make("another-panel") }
    expect(lincolnshire.given(history).when(cmd("administrator", { _tag: "AcceptOntoSitting", sitting: other })).refusal()._tag).toBe("WrongSitting")
    const started = cmd("administrator", { _tag: "AcceptOntoSitting", sitting: wednesday }, london("2027-06-09", "10:30"))
    expect(lincolnshire.given(history).when(started).refusal().message).toBe(
      "The sitting on Wed 9 Jun 2027 has already started, so its agenda can no longer change."
    )
  })

  it("refuses to put a request that is not ready on a sitting", () => {
    expect(lincolnshire.given(submitted()).when(cmd("administrator", { _tag: "AcceptOntoSitting", sitting: wednesday })).refusal()._tag).toBe(
      "ReferralNotInStatus"
    )
  })
})

describe("referral decider: a cancelled sitting", () => {
  it("takes a request off the cancelled sitting it was accepted onto, and refuses one on another sitting or not on a sitting", () => {
    const accepted = [...ready(), ...lincolnshire.given(ready()).when(cmd("administrator", { _tag: "AcceptOntoSitting", sitting: wednesday })).events()]
    const leave = (sittingId: string) => cmd("administrator", { _tag: "LeaveCancelledSitting", sittingId: SittingId.make(sittingId), sittingDate: "2027-06-09" })
    expect(lincolnshire.given(accepted).when(leave("sit_9jun")).events()).toMatchObject([{ _tag: "LeftCancelledSitting", sittingId: "sit_9jun", sittingDate: "2027-06-09" }])
    expect(lincolnshire.given(accepted).when(leave("sit_other")).refusal()).toMatchObject({
      _tag: "WrongSitting",
      message: "This request is not on the sitting on Wed 9 Jun 2027."
    })
    expect(lincolnshire.given(ready()).when(leave("sit_9jun")).refusal()._tag).toBe("ReferralNotInStatus")
  })
})

describe("referral decider: closing", () => {
  it("withdraws a request with a reason, and refuses to withdraw it twice", () => {
    const history = ready()
    const events = lincolnshire.given(history).when(cmd("socialWorker", { _tag: "Withdraw", reason: "family accepted support" })).events()
    expect(events).toMatchObject([{ _tag: "ReferralWithdrawn", reason: "family accepted support" }])
    expect(lincolnshire.given([...history, ...events]).when(cmd("socialWorker", { _tag: "Withdraw", reason: "again" })).refusal()._tag).toBe(
      "ReferralNotInStatus"
    )
  })

  it("refuses to redirect a request already on a sitting", () => {
    const history = ready(london("2027-06-04", "09:00"))
    const accepted = [...history, ...lincolnshire.given(history).when(cmd("administrator", { _tag: "AcceptOntoSitting", sitting: wednesday })).events()]
    const refusal = lincolnshire.given(accepted).when(cmd("administrator", { _tag: "Redirect", ruleId: "LIN-2", redirectTo: "x", reason: "y" })).refusal()
    expect(refusal.message).toBe("You cannot redirect this request: this request is already on a sitting's agenda.")
  })
})
