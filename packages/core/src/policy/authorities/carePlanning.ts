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
      quorum: { _tag: "ChairDecides", ruleId: "DEF-QUORUM-CHAIR-DECIDES" },
      observersNeedChairAgreement: true,
      // CPR-3: members arrange cover when absent.
      deputiesRuleId: "CPR-3"
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
      // CPR-5 (section 1.1): every new, emergency, planned or changed placement and any exceptional accommodation is
      // decided here: it follows from the request's type, not a tick.
      {
        ruleId: "CPR-5",
        reason: "accommodation_considered",
        level: "must",
        description: "Every new, emergency, planned or changed placement, and any exceptional accommodation, is decided here",
        fromFacts: { _tag: "RequestTypeIn", types: ["placement_type", "placement_change", "external_placement", "s20_accommodation", "exceptional_accommodation"] }
      }
    ],
    inScope: {
      ruleId: "CPR-5",
      requestTypes: ["placement_type", "placement_change", "external_placement", "s20_accommodation", "exceptional_accommodation", "expenditure", "respite_or_family_support", "other"]
    },
    seniorInput: { ruleId: "CPR-4", from: ["independent_reviewing_officer", "head_of_service"] },
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
    // CPR-11: the chair checks and returns the final record; the vice chair (CPR-1) does so in their absence.
    signOff: [{ ruleId: "CPR-11", roles: ["panel_chair", "vice_chair"], bySittingChair: true }],
    // CPR-10's record holds "recommended actions" and "dates for review", but sets no date for an action: an action's
    // due date, and accommodation agreed for so many weeks, run as clocks under DEF-RECORD-TIMESCALES (the default);
    // a date for review the panel sets is CPR-10's.
    highlightsRuleId: "CPR-10",
    reviewRuleId: "CPR-10",
    automaticReviews: [],
    fgcReferralEscalations: [],
    complexNeedsReferral: {
      ruleId: "CPR-6",
      templateToSocialWorker: { ruleId: "DEF-CNP-TEMPLATE-2WD", clock: { _tag: "DaysAfter", days: 2, unit: "working", time: "17:00" } },
      // A post, not a person the terms of reference name: the authority's recipient directory gives its address.
      notify: { _tag: "Person", personId: "complex-needs-panel-administrator", name: "Complex Needs Panel Administrator" }
    }
  },
  // Emergency placements are in scope (CPR-5); agreeing one between sittings is our default.
  outsidePanel: {
    ruleId: "DEF-OUTSIDE-PANEL",
    approvers: [{ anyOf: ["panel_chair", "vice_chair"] }],
    retrospectivePresentation: true
  },
  disagreement: {
    ruleId: "DEF-DISAGREEMENT-ROUTE",
    route: "member_manager_then_assistant_director",
    resolveWithin: { ruleId: "DEF-DISAGREEMENT-10WD", clock: { _tag: "DaysAfter", days: 10, unit: "working", time: "17:00" } },
    dissentRuleId: "CPR-7"
  },
  regulation24: nationalRegulation24
}
