import type { AuthorityPolicyInput } from "../AuthorityPolicy.js"
import { nationalRegulation24 } from "./shared.js"

const member = (seat: string, membership: "standing" | "non_standing") =>
  ({ seat, role: "panel_member", membership }) as const

/** Knowsley's Circle of Support Group, from its February 2024 terms of reference (seed 000). */
export const knowsley: AuthorityPolicyInput = {
  authority: { id: "knowsley", name: "Knowsley" },
  source: "Circle of Support Group terms of reference, February 2024",
  panels: [
    {
      id: "circle-of-support",
      name: "Circle of Support Group",
      ruleId: "KNO-1",
      // KNO-1: every 2 weeks, dates fixed for the year. The weekday and hours are not in the terms of
      // reference: Thursday 10:00-12:30 is our choice, set per authority.
      schedule: { _tag: "Cadence", everyWeeks: 2, weekday: "thursday", firstDate: "2027-01-07" },
      hours: { start: "10:00", end: "12:30" },
      venue: "in_person",
      chair: { role: "panel_chair", description: "Rotating: attending provision managers / senior practitioners", rotating: true },
      deputies: [],
      members: [
        member("MST-CAN", "standing"),
        member("Safe Families", "standing"),
        member("Family Group Conferencing", "standing"),
        member("Oasis", "standing"),
        member("Thrive", "standing"),
        member("Family Support", "standing"),
        member("Reducing Parental Conflict", "standing"),
        member("STEP", "non_standing"),
        member("Polaris", "non_standing"),
        member("Young Carers", "non_standing"),
        member("Health", "non_standing"),
        member("Pause", "non_standing"),
        member("Virtual School / Education", "non_standing"),
        member("Shield", "non_standing"),
        member("BABs", "non_standing")
      ],
      slotMinutes: { min: 20, max: 30, ruleId: "DEF-SLOT-MINUTES" },
      quorum: { _tag: "ChairDecides", ruleId: "DEF-QUORUM-CHAIR-DECIDES" },
      attendanceConfirmation: { ruleId: "KNO-2", clock: { _tag: "DaysBefore", days: 3, unit: "calendar", time: "17:00" } },
      observersNeedChairAgreement: true,
      observersRuleId: "KNO-2",
      deputiesRuleId: "KNO-2"
    }
  ],
  referral: {
    // KNO-6: "7 days prior to the meeting". We read it as 17:00 that day, the end of the office day.
    submissionDeadline: { ruleId: "KNO-6", clock: { _tag: "DaysBefore", days: 7, unit: "calendar", time: "17:00" } },
    latePermission: { ruleId: "DEF-LATE-PERMISSION", roles: ["panel_chair"] },
    teamManagerConsultationRequired: "KNO-4",
    approvals: [{ ruleId: "KNO-6", role: "team_manager" }],
    requiredSections: ["reason", "request", "case_summary", "worries", "working_well", "education", "team_manager_consultation"],
    requiredDocuments: [{ ruleId: "KNO-6", kind: "referral_form" }],
    // KNO-6's form asks each child's ICS number, date of birth, gender and status.
    requiredFields: (["case_number", "date_of_birth", "gender", "plan"] as const).map((field) => ({ _tag: "ChildField" as const, field, ruleId: "KNO-6" as const })),
    criteria: [
      { ruleId: "KNO-5", reason: "cusp_of_proceedings", level: "must", description: "A child is discussed here before any Legal Planning Meeting is requested" },
      // The "Purpose of the Panel" bullets (resources to avoid a child becoming looked after; plans not progressing and
      // needing a creative approach) are no numbered rule: KNO-3 is the services' capacity report, so these are ours.
      { ruleId: "DEF-SCOPE-FROM-PURPOSE", reason: "edge_of_care_support", level: "should", description: "Support to avoid a child becoming looked after" },
      { ruleId: "DEF-SCOPE-FROM-PURPOSE", reason: "plan_not_progressing", level: "should", description: "A plan is not progressing and needs a creative approach" }
    ],
    inScope: { ruleId: "DEF-SCOPE-FROM-PURPOSE", requestTypes: ["edge_of_care_resource", "legal_planning_meeting", "expenditure", "other"] },
    exclusions: []
  },
  sitting: {},
  decision: {
    signOff: [{ ruleId: "DEF-CHAIR-SIGNS", roles: ["panel_chair"], bySittingChair: true }],
    automaticReviews: [],
    fgcReferralEscalations: []
  },
  outsidePanel: {
    ruleId: "KNO-5",
    approvers: [{ anyOf: ["service_manager"], forRequestTypes: ["legal_planning_meeting"] }],
    retrospectivePresentation: true,
    emergencyLpmRuleId: "KNO-5"
  },
  disagreement: {
    ruleId: "DEF-DISAGREEMENT-ROUTE",
    route: "member_manager_then_assistant_director",
    resolveWithin: { ruleId: "DEF-DISAGREEMENT-10WD", clock: { _tag: "DaysAfter", days: 10, unit: "working", time: "17:00" } }
  },
  regulation24: nationalRegulation24,
  // KNO-3: the edge-of-care services that report their capacity to the group. The terms of reference give no
  // numbers, so none is set here: the tracker shows "not declared" until the authority sets places a month.
  edgeOfCare: {
    services: ["MST-CAN", "Safe Families", "Family Group Conferencing", "Oasis", "Thrive", "Family Support", "Reducing Parental Conflict"].map(
      (service) => ({ service, requestType: "edge_of_care_resource" as const })
    )
  }
}
