import type { DateTime } from "effect"
import { englandAndWales } from "../src/calendar/englandAndWales.js"
import type { LocalDate } from "../src/calendar/LocalDate.js"
import { atLondon } from "../src/calendar/londonTime.js"
import type { TimeOfDay } from "../src/calendar/londonTime.js"
import { type PresetSlug, preset } from "../src/policy/authorities/index.js"
import type { AuthorityContext } from "../src/shared/authorityContext.js"
import { authorise, type Authorised, permission } from "../src/shared/authorise.js"
import type { Actor } from "../src/shared/actor.js"
import { Effect } from "effect"
import { ChildId, PanelId, PersonId } from "../src/shared/ids.js"
import type { ReferralForm } from "../src/referral/ReferralForm.js"

export const contextOf = (slug: PresetSlug): AuthorityContext => ({ policy: preset(slug), calendar: englandAndWales })

export const london = (date: string, time: string): DateTime.Utc => atLondon(date as LocalDate, time as TimeOfDay)

/** An actor authorised for a test command; the use cases do this with their declared permissions. */
export const as = (actor: Actor): Authorised =>
  Effect.runSync(authorise(actor, permission("act in a test", ...actor.roles)))

/** A fictional child and a complete request for the given panel. */
export const completeForm = (panelId: string, overrides: Partial<ReferralForm> = {}): ReferralForm => ({
  panelId: PanelId.make(panelId),
  socialWorker: { personId: PersonId.make("priya-ashdown"), name: "Priya Ashdown" },
  teamManager: { personId: PersonId.make("tom-brackley"), name: "Tom Brackley" },
  children: [
    {
      childId: ChildId.make("child-1"),
      fullName: "Robin Testwood",
      dateOfBirth: "2015-03-02" as LocalDate,
      gender: "female",
      caseNumber: "ICS-104233",
      legalStatus: "V2",
      ethnicity: "White British",
      plan: "CIN",
      homeAddress: "1 Fictional Row, Testbury",
      disabled: false,
      unaccompaniedAsylumSeeking: false,
      specialEducationalNeeds: false,
      engagingInEducation: true
    }
  ],
  requestTypes: ["s20_accommodation"],
  request: "Agreement to accommodate under section 20 while the family network is assessed",
  reason: "Mother is in hospital and no family member can care for Robin this week",
  // The tick goes with the section 20 request: a request of another type leaves it out (NSO-6, CPR-5 derive it from the type).
  presentationReasons: overrides.requestTypes === undefined ? ["accommodation_considered"] : [],
  proposedPlan: "Short-term foster placement, family group conference within 2 weeks",
  caseSummary: "Known to children's services since 2022; child in need plan",
  currentSituation: "Staying with a neighbour for two nights",
  workingWell: "Robin attends school every day",
  worries: "No safe carer after Friday",
  needsToChange: "A family carer is identified",
  workAlreadyDone: "Family network meeting held",
  expectedOutcome: "Robin is safe and returns home within 6 weeks",
  durationAndExit: "Up to 6 weeks, then return home or a connected-person assessment",
  partOfCareProceedings: false,
  previousPresentations: [],
  parentalHistory: [],
  lastReviewOutcome: { date: "2027-04-28" as LocalDate, outcome: "Child in need plan continues; family group conference to be offered" },
  childWishes: "Robin wants to stay near her school and see her mother every day",
  parentsViews: "Mother agrees to accommodation while she is in hospital",
  teamManagerConsultation: { date: "2027-05-20" as LocalDate, recordedIn: "supervision note" },
  seniorInput: [
    { from: "independent_reviewing_officer", name: "Hana Okafor", givenOn: "2027-05-20" as LocalDate, input: "Supports the plan" },
    { from: "head_of_service", name: "Grace Dunmore", givenOn: "2027-05-20" as LocalDate, input: "Agrees the plan" }
  ],
  ...overrides
})
