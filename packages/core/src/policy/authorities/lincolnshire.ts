import type { AuthorityPolicyInput } from "../AuthorityPolicy.js"
import { nationalRegulation24 } from "./shared.js"

/** Lincolnshire's Support Panel procedure, February 2018 (seed 004). */
export const lincolnshire: AuthorityPolicyInput = {
  authority: { id: "lincolnshire", name: "Lincolnshire" },
  source: "Support Panel procedure 1.2.11, February 2018",
  panels: [
    {
      id: "support-panel",
      name: "Support Panel",
      ruleId: "LIN-1",
      // The procedure sets no day; a Wednesday sitting fits its "noon on the Friday before" deadline.
      schedule: { _tag: "Cadence", everyWeeks: 1, weekday: "wednesday", firstDate: "2027-01-06" },
      hours: { start: "10:00", end: "13:00" },
      venue: "hybrid",
      chair: { role: "panel_chair", description: "Service Manager independent of the case's line management", rotating: true },
      deputies: [],
      members: [
        { seat: "Service Manager from the service area", role: "service_manager", membership: "standing" },
        { seat: "Team Manager or Practice Supervisor (Early Help, FGC, Fostering, Health & Social Care)", role: "team_manager", membership: "standing" },
        { seat: "Family Group Conferencing manager", role: "panel_member", membership: "standing" },
        { seat: "Youth Offending Service", role: "panel_member", membership: "non_standing" },
        { seat: "SEND", role: "panel_member", membership: "standing" },
        { seat: "Administrator", role: "panel_administrator", membership: "standing" }
      ],
      slotMinutes: { min: 20, max: 30, ruleId: "DEF-SLOT-MINUTES" },
      quorum: { _tag: "ChairDecides", ruleId: "DEF-QUORUM-CHAIR-DECIDES" },
      observersNeedChairAgreement: true
    }
  ],
  referral: {
    submissionDeadline: { ruleId: "LIN-3", clock: { _tag: "WeekdayBefore", weekday: "friday", time: "12:00" } },
    // LIN-3 says the request MUST arrive by the deadline and names no late route. The chair's permission is our
    // default; an authority holding to the letter sets no roles, and late requests wait for the next sitting.
    latePermission: { ruleId: "DEF-LATE-PERMISSION", roles: ["panel_chair", "vice_chair"] },
    approvals: [{ ruleId: "LIN-3", role: "team_manager" }],
    requiredSections: ["request", "reason", "proposed_plan"],
    requiredDocuments: [
      { ruleId: "LIN-3", kind: "chronology" },
      { ruleId: "LIN-3", kind: "genogram" },
      { ruleId: "LIN-3", kind: "assessment" },
      { ruleId: "LIN-3", kind: "direct_work" },
      { ruleId: "LIN-3", kind: "family_safety_plan" },
      { ruleId: "LIN-3", kind: "signs_of_safety_mapping" },
      // An FGC plan and legal advice exist only where an FGC or a legal route is in play.
      { ruleId: "LIN-3", kind: "fgc_plan", forRequestTypes: ["edge_of_care_resource"] },
      { ruleId: "LIN-3", kind: "legal_advice", forRequestTypes: ["legal_planning_meeting", "pre_proceedings", "care_proceedings"] }
    ],
    criteria: [
      { ruleId: "LIN-2", reason: "cusp_of_proceedings", level: "should", description: "A Legal Planning Meeting, pre-proceedings or care proceedings is thought needed" },
      { ruleId: "LIN-2", reason: "accommodation_considered", level: "should", description: "The team thinks the child should be accommodated" },
      {
        ruleId: "LIN-2",
        reason: "parental_convictions",
        level: "must",
        description: "A parent or caregiver has criminal convictions",
        fromFacts: { _tag: "ParentalHistory", kind: "criminal_conviction" }
      },
      {
        ruleId: "LIN-2",
        reason: "previous_care_proceedings",
        level: "must",
        description: "A parent or caregiver was involved in care proceedings about a connected child",
        fromFacts: { _tag: "ParentalHistory", kind: "care_proceedings" }
      },
      // LIN-2 names no amount for "high value": the facts show a disabled child and the package's cost; whether
      // that cost needs ratifying is the team's judgement.
      {
        ruleId: "LIN-2",
        reason: "disabled_child_high_cost_package",
        level: "should",
        description: "A disabled child's high-cost care package needs ratifying",
        fromFacts: { _tag: "DisabledChildCostedPackage" },
        judgement: "the package's cost is high enough to need the panel's ratification"
      }
    ],
    inScope: {
      ruleId: "LIN-2",
      requestTypes: ["legal_planning_meeting", "pre_proceedings", "care_proceedings", "s20_accommodation", "edge_of_care_resource", "expenditure", "respite_or_family_support", "placement_type", "other"]
    },
    exclusions: [
      {
        ruleId: "LIN-4",
        when: { _tag: "EveryChildIs", flag: "unaccompanied_asylum_seeking" },
        description: "Unaccompanied asylum-seeking children need not be presented to Support Panel",
        effect: "optional"
      }
    ]
  },
  sitting: {},
  decision: {
    signOff: [{ ruleId: "DEF-CHAIR-SIGNS", roles: ["panel_chair"], bySittingChair: true }],
    timescalesRuleId: "LIN-5",
    signsOfSafetyMinutes: "LIN-5",
    automaticReviews: [],
    actionsCaseNote: { ruleId: "LIN-6", clock: { _tag: "MonthsAfter", months: 1 } },
    fgcReferralEscalations: [
      { clock: { ruleId: "LIN-9", clock: { _tag: "DaysAfter", days: 5, unit: "working", time: "17:00" } }, escalateTo: "team_manager" },
      { clock: { ruleId: "LIN-9", clock: { _tag: "DaysAfter", days: 7, unit: "working", time: "17:00" } }, escalateTo: "service_manager" }
    ],
    changeOfCircumstancesApprover: { ruleId: "LIN-8", role: "service_manager" },
    returnWaivableByCaseNote: "LIN-7",
    // The seed names no teams: the request's team manager is checked out of the box, the rest once the authority lists its teams.
    chairIndependence: { ruleId: "LIN-1", teams: [] }
  },
  outsidePanel: {
    ruleId: "LIN-11",
    approvers: [
      // One agreement by the locality service manager covers legal proceedings and tripartite funding together.
      { anyOf: ["service_manager"], forRequestTypes: ["legal_planning_meeting", "pre_proceedings", "care_proceedings", "expenditure"] },
      { anyOf: ["assistant_director"], forRequestTypes: ["s20_accommodation"] }
    ],
    // LIN-11 names no other request: expenditure only in its one case, confirmed by whoever records the agreement
    // (Carepanel cannot tell it from the request) on a request that records a child as disabled, and "other" requests never.
    onlyInCasesConfirmed: [
      { forRequestTypes: ["expenditure"], onlyAs: "tripartite funding for a disabled child in a 38-week educational placement", forADisabledChild: true }
    ],
    // LIN-11: the service manager records why outside panel, the agreement and its timescales, and the actions expected with theirs.
    recordRuleId: "LIN-11",
    retrospectivePresentation: false,
    s20Tasks: { clock: { ruleId: "LIN-12", clock: { _tag: "HoursAfter", hours: 48 } } }
  },
  disagreement: {
    ruleId: "LIN-13",
    route: "chair_with_assistant_director",
    resolveWithin: { ruleId: "DEF-DISAGREEMENT-5WD", clock: { _tag: "DaysAfter", days: 5, unit: "working", time: "17:00" } },
    dissentRuleId: "LIN-13"
  },
  regulation24: {
    ...nationalRegulation24,
    steps: { basicTest: "LIN-14", policeProtection: "LIN-15", viabilityAssessment: "LIN-16", authorisation: "LIN-17", kinshipReferral: "LIN-18" },
    viabilityAssessment: { ruleId: "LIN-16", clock: { _tag: "HoursAfter", hours: 24 } },
    kinshipReferral: { ruleId: "LIN-18", clock: { _tag: "HoursAfter", hours: 48 } },
    lookedAfterConsent: { ruleId: "DEF-R24-CONSENT-NEXT-WD", clock: { _tag: "DaysAfter", days: 1, unit: "working", time: "17:00" } }
  }
}
