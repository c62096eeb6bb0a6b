import type { LocalDate } from "../calendar/LocalDate.js"
import type { RequestType } from "../policy/RequestType.js"
import type { ReferralForm } from "../referral/ReferralForm.js"
import { ChildId, PanelId, PersonId } from "../shared/ids.js"

/** A complete request about a fictional child, for any request type (CPR-5's exceptional accommodation says what it is); no real person's details. */
export const exampleForm = (panelId: string, requestType: RequestType, child: { readonly id: string; readonly name: string }): ReferralForm => ({
  panelId: PanelId.make(panelId),
  socialWorker: { personId: PersonId.make("priya-ashdown"), name: "Priya Ashdown" },
  teamManager: { personId: PersonId.make("tom-brackley"), name: "Tom Brackley" },
  children: [
    {
      childId: ChildId.make(child.id),
      fullName: child.name,
      dateOfBirth: "2016-09-14" as LocalDate,
      gender: "male",
      caseNumber: `ICS-${child.id}`,
      legalStatus: "none (child in need)",
      ethnicity: "White British",
      plan: "CIN",
      planStarted: "2027-01-11" as LocalDate,
      homeAddress: "3 Fictional Lane, Testbury",
      disabled: false,
      unaccompaniedAsylumSeeking: false,
      specialEducationalNeeds: false,
      engagingInEducation: true
    }
  ],
  requestTypes: [requestType],
  request: "Support to keep the child safely at home",
  reason: "Parenting capacity has fallen since the father left; school reports missed meals",
  presentationReasons: ["edge_of_care_support"],
  proposedPlan: "Family group conference and an edge-of-care worker for 12 weeks",
  caseSummary: "Child in need plan since January; two siblings at home",
  currentSituation: "At home with mother",
  workingWell: "Mother engages with the social worker; grandmother visits weekly",
  worries: "Neglect of basic care; mother's low mood",
  needsToChange: "A reliable daily routine and a support network",
  workAlreadyDone: "Family network meeting; referral to early help",
  expectedOutcome: "The child stays safely at home",
  durationAndExit: "12 weeks, then step down to early help",
  partOfCareProceedings: false,
  previousPresentations: [],
  parentalHistory: [],
  lastReviewOutcome: { date: "2027-04-26" as LocalDate, outcome: "Child in need plan continues with an edge-of-care referral" },
  childWishes: "Wants to stay at home and keep his school",
  parentsViews: "Mother wants support at home; father is not in contact",
  teamManagerConsultation: { date: "2026-09-07" as LocalDate, recordedIn: "supervision note" },
  seniorInput: [
    { from: "independent_reviewing_officer", name: "Hana Okafor", givenOn: "2026-09-08" as LocalDate, input: "Supports the plan if family time stays weekly" },
    { from: "head_of_service", name: "Grace Dunmore", givenOn: "2026-09-08" as LocalDate, input: "Agrees the plan is proportionate" }
  ],
  ...(requestType === "exceptional_accommodation"
    ? { exceptionalAccommodation: { kind: "private_rent", weeklyCostPence: 95_000, valueForMoney: "No foster or residential place in the county; a month's let costs less than an agency bed" } }
    : {})
})
