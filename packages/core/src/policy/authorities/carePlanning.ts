import type { AuthorityPolicyInput } from "../AuthorityPolicy.js"
import { nationalRegulation24 } from "./shared.js"

/** The Children's Care Planning & Resources Panel terms of reference (seed 003; the authority is not named). */
export const carePlanning: AuthorityPolicyInput = {
  authority: { id: "care-planning", name: "Care Planning & Resources Panel (terms of reference)" },
  source: "Children's Care Planning & Resources Panel terms of reference",
  panels: [
    {
      id: "care-planning-and-resources",
      name: "Care Planning & Resources Panel",
      ruleId: "CPR-1",
      schedule: { _tag: "Cadence", everyWeeks: 1, weekday: "wednesday", firstDate: "2027-01-06" },
      hours: { start: "09:30", end: "13:00" },
      venue: "in_person",
      chair: { role: "panel_chair", description: "Service Director", rotating: false },
      deputies: [{ role: "vice_chair", description: "Head of Care Services (Fostering, Adoption, Residential & Placements)" }],
      members: [
        { seat: "Panel Administrator", role: "panel_administrator", membership: "standing" },
        { seat: "Finance Accountant", role: "panel_member", membership: "standing" },
        { seat: "Commissioning Manager", role: "panel_member", membership: "standing" },
        { seat: "Fostering ATM", role: "panel_member", membership: "standing" },
        { seat: "Residential Manager", role: "panel_member", membership: "standing" },
        { seat: "SEN Officer", role: "panel_member", membership: "standing" }
      ],
      slotMinutes: { min: 15, max: 20, ruleId: "CPR-2" },
      // No quorum is set; CPR-3 monitors attendance and members arrange cover. The chair decides.
      quorum: { _tag: "ChairDecides", ruleId: "CPR-3" },
      observersNeedChairAgreement: true
    }
  ],
  referral: {
    submissionDeadline: { ruleId: "CPR-4", clock: { _tag: "WeekdayBefore", weekday: "monday", time: "17:00" } },
    latePermission: { ruleId: "CPR-4", roles: ["panel_chair", "vice_chair"] },
    // The terms of reference ask for the line manager at panel, not a sign-off before it.
    approvals: [],
    requiredSections: ["reason", "request", "case_summary", "proposed_plan", "expected_outcome"],
    requiredDocuments: [{ ruleId: "CPR-4", kind: "referral_form" }],
    criteria: [
      { ruleId: "CPR-5", reason: "accommodation_considered", level: "must", description: "Every new, emergency, planned or changed placement is decided here" }
    ],
    inScope: {
      ruleId: "CPR-5",
      requestTypes: ["placement_type", "placement_change", "external_placement", "s20_accommodation", "expenditure", "respite_or_family_support", "other"]
    },
    exclusions: []
  },
  sitting: {
    papersToMembers: { ruleId: "CPR-9", clock: { _tag: "WeekdayBefore", weekday: "tuesday", time: "12:00" } },
    record: {
      draftToChair: { ruleId: "CPR-11", clock: { _tag: "HoursAfter", hours: 48 } },
      finalFromChair: { ruleId: "CPR-11", clock: { _tag: "HoursAfter", hours: 48 } },
      uploadEachChild: { ruleId: "CPR-11", clock: { _tag: "HoursAfter", hours: 24 } },
      beforeNextSitting: true
    }
  },
  decision: {
    // CPR-1: the Service Director chairs; the Head of Care Services, as vice chair, signs in their absence.
    signOff: [{ ruleId: "CPR-8", roles: ["panel_chair", "vice_chair"] }],
    automaticReviews: [],
    fgcReferralEscalations: []
  },
  // Emergency placements are in scope (CPR-5); outside a sitting the chair or vice chair agrees and the
  // panel hears it at the next sitting. Our choice: the terms of reference do not say.
  outsidePanel: {
    ruleId: "CPR-5",
    approvers: [{ anyOf: ["panel_chair", "vice_chair"] }],
    retrospectivePresentation: true
  },
  disagreement: {
    ruleId: "CPR-7",
    route: "member_manager_then_assistant_director",
    resolveWithin: { ruleId: "CPR-7", clock: { _tag: "DaysAfter", days: 10, unit: "working", time: "17:00" } }
  },
  regulation24: nationalRegulation24
}
