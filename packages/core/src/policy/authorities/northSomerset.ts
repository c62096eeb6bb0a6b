import type { AuthorityPolicyInput } from "../AuthorityPolicy.js"
import type { RequestType } from "../RequestType.js"
import { nationalRegulation24 } from "./shared.js"

const authorisedHere: ReadonlyArray<RequestType> = [
  "edge_of_care_resource",
  "s20_accommodation",
  "pre_proceedings",
  "care_proceedings",
  "secure_accommodation",
  "epo_retrospective",
  "placement_type",
  "placement_change",
  "external_placement",
  "independent_assessment",
  "nrpf_funding",
  "expenditure",
  "legal_planning_meeting",
  // NSO-7: respite or family support is decided here when it is part of care proceedings (the exclusion
  // below sends a disabled child's elsewhere otherwise).
  "respite_or_family_support",
  "other"
]

/** North Somerset's Care and Resource Panel, from its December 2021 terms of reference (seed 002). */
export const northSomerset: AuthorityPolicyInput = {
  authority: { id: "north-somerset", name: "North Somerset" },
  source: "Care and Resource Panel terms of reference, December 2021",
  panels: [
    {
      id: "care-and-resource",
      name: "Care and Resource Panel",
      ruleId: "NSO-1",
      schedule: { _tag: "Cadence", everyWeeks: 1, weekday: "wednesday", firstDate: "2027-01-06" },
      hours: { start: "13:30", end: "16:30" },
      venue: "virtual",
      chair: { role: "assistant_director", description: "Assistant Director, Children's Services", rotating: false },
      deputies: [
        { role: "head_of_service", description: "Head of Service, Family Support & Safeguarding" },
        { role: "head_of_service", description: "Head of Service, Corporate Parenting" },
        { role: "head_of_service", description: "Head of Front Door & Family Wellbeing" }
      ],
      members: [
        { seat: "Head of Commissioning", role: "panel_member", membership: "standing" },
        { seat: "Fostering Team Manager", role: "team_manager", membership: "standing" },
        { seat: "Team Manager, Family Wellbeing", role: "team_manager", membership: "standing" },
        { seat: "Team Manager, Childcare Legal", role: "panel_member", membership: "standing" },
        { seat: "Head of Virtual School", role: "panel_member", membership: "standing" },
        { seat: "CAMHS", role: "panel_member", membership: "standing" },
        { seat: "Designated Nurse for Children in Care", role: "panel_member", membership: "standing" },
        { seat: "Finance", role: "panel_member", membership: "non_standing" }
      ],
      slotMinutes: { min: 20, max: 30, ruleId: "DEF-SLOT-MINUTES" },
      quorum: { _tag: "ChairDecides", ruleId: "NSO-1" },
      observersNeedChairAgreement: true
    }
  ],
  referral: {
    submissionDeadline: { ruleId: "NSO-3", clock: { _tag: "WeekdayBefore", weekday: "friday", time: "12:00" } },
    // "Late forms may not be considered": who may still let one on is our default, the chair or a deputy (a Head of Service, NSO-1).
    latePermission: { ruleId: "DEF-LATE-PERMISSION", roles: ["assistant_director", "head_of_service", "panel_chair", "vice_chair"] },
    approvals: [
      { ruleId: "NSO-2", role: "team_manager" },
      { ruleId: "NSO-2", role: "head_of_service" }
    ],
    requiredSections: ["request", "work_already_done", "reason", "worries", "working_well", "needs_to_change", "expected_outcome", "duration_and_exit"],
    requiredDocuments: [
      { ruleId: "NSO-4", kind: "assessment" },
      { ruleId: "NSO-4", kind: "care_plan" },
      { ruleId: "NSO-4", kind: "genogram" }
    ],
    requiredFields: [
      // NSO-5: the form's table for each child, the addresses, a looked-after child's placement and the EHC plan's dates.
      ...(["date_of_birth", "gender", "case_number", "legal_status", "ethnicity", "plan", "home_address", "placement", "ehcp_dates"] as const).map(
        (field) => ({ _tag: "ChildField" as const, field, ruleId: "NSO-5" as const })
      ),
      { _tag: "RequestField", field: "current_situation", ruleId: "NSO-5" as const },
      { _tag: "RequestField", field: "last_review_outcome", ruleId: "NSO-4" },
      // NSO-6: the type of placement is agreed taking the child's wishes into account. The parents' views are asked
      // at the presentation (section 12), not on the form, so they are not required here.
      { _tag: "RequestField", field: "child_wishes", ruleId: "NSO-6", forRequestTypes: ["placement_type", "placement_change", "external_placement", "s20_accommodation"] }
    ],
    criteria: [
      // NSO-6 says what the panel authorises by what is asked of it: these follow from the request's type, not a tick.
      {
        ruleId: "NSO-6",
        reason: "accommodation_considered",
        level: "must",
        description: "Section 20 accommodation, planned or not, is authorised here",
        fromFacts: { _tag: "RequestTypeIn", types: ["s20_accommodation"] }
      },
      {
        ruleId: "NSO-6",
        reason: "cusp_of_proceedings",
        level: "must",
        description: "Pre-proceedings and section 31 applications are ratified or authorised here",
        fromFacts: { _tag: "RequestTypeIn", types: ["pre_proceedings", "care_proceedings"] }
      },
      { ruleId: "NSO-6", reason: "edge_of_care_support", level: "should", description: "FGC, edge of care and CAMHS are used to prevent the need for care" }
    ],
    inScope: { ruleId: "NSO-6", requestTypes: [...authorisedHere] },
    exclusions: [
      {
        ruleId: "NSO-7",
        when: {
          _tag: "AllOf",
          conditions: [
            { _tag: "RequestTypeIn", types: ["respite_or_family_support"] },
            { _tag: "ChildIs", flag: "disabled" },
            { _tag: "Not", condition: { _tag: "PartOfCareProceedings" } }
          ]
        },
        description: "Respite or family support for a disabled child is decided by the Children with Disabilities panel, unless it is part of care proceedings",
        effect: "redirect",
        redirectTo: "Children with Disabilities panel"
      },
      {
        ruleId: "NSO-7",
        when: { _tag: "RequestTypeIn", types: ["sgo_or_adoption_support"] },
        description: "Special guardianship and adoption support packages are not considered by this panel",
        effect: "redirect",
        redirectTo: "special guardianship and adoption support route"
      }
    ],
    expenditureThreshold: { ruleId: "NSO-6", annualPence: 100_000, disabledChildAnnualPence: 200_000 }
  },
  sitting: {
    // NSO-3 names Monday; on a bank holiday Monday the papers go at noon on the next working day before the sitting
    // (DEF-NEXT-WORKING-DAY-BEFORE), not back on Friday at the same minute as the request deadline.
    papersToMembers: { ruleId: "NSO-3", clock: { _tag: "WeekdayBefore", weekday: "monday", time: "12:00", ifClosed: "nextWorkingDayBefore" } }
  },
  decision: {
    // NSO-1, NSO-8: whoever chaired (the Assistant Director or a Head of Service deputising) signs each
    // decision sheet; the Assistant Director then finalises.
    signOff: [
      { ruleId: "NSO-8", roles: ["assistant_director", "head_of_service"], bySittingChair: true },
      { ruleId: "NSO-8", roles: ["assistant_director"] }
    ],
    automaticReviews: [
      {
        ruleId: "NSO-9",
        forRequestTypes: ["pre_proceedings"],
        earliest: { ruleId: "NSO-9", clock: { _tag: "WeeksAfter", weeks: 8 } },
        latest: { ruleId: "NSO-9", clock: { _tag: "WeeksAfter", weeks: 10 } }
      }
    ],
    fgcReferralEscalations: []
  },
  outsidePanel: {
    ruleId: "NSO-10",
    approvers: [
      { anyOf: ["head_of_service"], forRequestTypes: authorisedHere.filter((type) => type !== "epo_retrospective") },
      { anyOf: ["assistant_director"], forRequestTypes: authorisedHere.filter((type) => type !== "epo_retrospective") },
      // NSO-6: an EPO plan may be agreed by a Head of Service or the Assistant Director.
      { anyOf: ["head_of_service", "assistant_director"], forRequestTypes: ["epo_retrospective"] }
    ],
    retrospectivePresentation: true
  },
  disagreement: {
    ruleId: "DEF-DISAGREEMENT-ROUTE",
    route: "member_manager_then_assistant_director",
    resolveWithin: { ruleId: "DEF-DISAGREEMENT-10WD", clock: { _tag: "DaysAfter", days: 10, unit: "working", time: "17:00" } }
  },
  regulation24: nationalRegulation24
}
