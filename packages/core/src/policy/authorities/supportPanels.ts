import type { AuthorityPolicyInput } from "../AuthorityPolicy.js"
import { nationalRegulation24 } from "./shared.js"

/** The generic Support Panels terms of reference (seed 001; the authority is not named). */
export const supportPanels: AuthorityPolicyInput = {
  authority: { id: "support-panels", name: "Support Panels (generic terms of reference)" },
  source: "Support Panels terms of reference",
  panels: [
    {
      id: "support-panel",
      name: "Support Panel",
      ruleId: "SUP-1",
      // Cadence and hours are not in the terms of reference: weekly on Tuesday morning is our choice.
      schedule: { _tag: "Cadence", everyWeeks: 1, weekday: "tuesday", firstDate: "2027-01-05" },
      hours: { start: "09:30", end: "12:30" },
      venue: "in_person",
      chair: { role: "panel_chair", description: "Chairperson", rotating: false },
      deputies: [],
      members: [
        { seat: "Head of Service for the area", role: "head_of_service", membership: "standing" },
        { seat: "Head of Service for looked-after children", role: "head_of_service", membership: "standing" },
        { seat: "Locality team manager or principal practitioner", role: "team_manager", membership: "standing" },
        { seat: "Family Group Conferencing manager", role: "panel_member", membership: "standing" },
        { seat: "Education", role: "panel_member", membership: "standing" },
        { seat: "Youth Offending Service", role: "panel_member", membership: "non_standing" },
        { seat: "Administrator", role: "panel_administrator", membership: "standing" }
      ],
      slotMinutes: { min: 20, max: 30, ruleId: "DEF-SLOT-MINUTES" },
      quorum: { _tag: "ChairDecides", ruleId: "DEF-QUORUM-CHAIR-DECIDES" },
      observersNeedChairAgreement: true
    }
  ],
  referral: {
    // SUP-4: 5 working days before the panel date; by the end of that office day.
    submissionDeadline: { ruleId: "SUP-4", clock: { _tag: "DaysBefore", days: 5, unit: "working", time: "17:00" } },
    latePermission: { ruleId: "DEF-LATE-PERMISSION", roles: ["panel_chair"] },
    approvals: [{ ruleId: "SUP-4", role: "team_manager" }],
    requiredSections: ["reason", "request", "case_summary"],
    requiredDocuments: [
      { ruleId: "SUP-5", kind: "assessment" },
      { ruleId: "SUP-5", kind: "care_plan" },
      { ruleId: "SUP-5", kind: "referral_form" }
    ],
    criteria: [
      { ruleId: "SUP-2", reason: "complex_needs", level: "should", description: "Complex needs requiring a high level of support" },
      { ruleId: "SUP-2", reason: "resources_not_found", level: "should", description: "The worker has struggled to find resources" },
      { ruleId: "SUP-2", reason: "high_risk", level: "should", description: "High risk: care planning to be discussed in detail" },
      { ruleId: "SUP-2", reason: "cusp_of_proceedings", level: "should", description: "At the cusp of proceedings: decide on a Legal Planning Meeting" },
      {
        ruleId: "SUP-2",
        reason: "long_child_protection_plan",
        level: "should",
        description: "On a child protection plan for more than 18 months and the harm remains",
        fromFacts: { _tag: "ChildOnPlanLongerThan", plan: "CP", months: 18 },
        judgement: "the harm remains"
      },
      { ruleId: "SUP-2", reason: "cusp_of_custody", level: "should", description: "A young person on the cusp of custody" },
      {
        ruleId: "SUP-3",
        reason: "parental_convictions",
        level: "must",
        description: "A parent or caregiver has criminal convictions",
        fromFacts: { _tag: "ParentalHistory", kind: "criminal_conviction" }
      },
      {
        ruleId: "SUP-3",
        reason: "previous_care_proceedings",
        level: "must",
        description: "A parent or caregiver was involved in care proceedings about a connected child",
        fromFacts: { _tag: "ParentalHistory", kind: "care_proceedings" }
      }
    ],
    automaticProgression: { ruleId: "SUP-3", withdrawal: { ruleId: "DEF-PROGRESSION-WITHDRAWAL", roles: ["team_manager"] } },
    inScope: {
      ruleId: "SUP-2",
      requestTypes: ["edge_of_care_resource", "expenditure", "legal_planning_meeting", "pre_proceedings", "care_proceedings", "s20_accommodation", "other"]
    },
    exclusions: []
  },
  sitting: {},
  decision: {
    signOff: [{ ruleId: "DEF-CHAIR-SIGNS", roles: ["panel_chair"], bySittingChair: true }],
    automaticReviews: [],
    fgcReferralEscalations: []
  },
  outsidePanel: {
    ruleId: "SUP-7",
    // SUP-7: the Head of Service's urgent authorisation is to issue proceedings and/or commence an LPM, nothing else
    // (immediate accommodation is a reason for it, not something it authorises).
    approvers: [{ anyOf: ["head_of_service"], forRequestTypes: ["care_proceedings", "legal_planning_meeting"] }],
    retrospectivePresentation: true,
    retrospectiveRuleId: "DEF-RETROSPECTIVE-SLOT"
  },
  disagreement: {
    ruleId: "SUP-8",
    route: "member_manager_then_assistant_director",
    resolveWithin: { ruleId: "DEF-DISAGREEMENT-10WD", clock: { _tag: "DaysAfter", days: 10, unit: "working", time: "17:00" } },
    dissentRuleId: "SUP-8"
  },
  regulation24: nationalRegulation24
}
