import type { DateTime } from "effect"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import type { Decision } from "../../src/decision/Decision.js"
import type { DecisionCommand } from "../../src/decision/DecisionCommands.js"
import { decisionDecider } from "../../src/decision/DecisionDecider.js"
import type { Agreed, Outcome } from "../../src/decision/DecisionParts.js"
import type { Disagreement } from "../../src/disagreement/Disagreement.js"
import type { DisagreementCommand } from "../../src/disagreement/DisagreementCommands.js"
import { disagreementDecider } from "../../src/disagreement/DisagreementDecider.js"
import type { RequestType } from "../../src/policy/RequestType.js"
import type { Referral } from "../../src/referral/Referral.js"
import type { ReferralCommand } from "../../src/referral/ReferralCommands.js"
import { referralDecider } from "../../src/referral/ReferralDecider.js"
import type { ChildDetails } from "../../src/referral/ReferralForm.js"
import type { Placement } from "../../src/regulation24/Placement.js"
import type { PlacementCommand } from "../../src/regulation24/PlacementCommands.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import type { ReportInputs } from "../../src/reports/ReportInputs.js"
import { type Decider, fold } from "../../src/shared/decider.js"
import { ActionId, ChildId, DecisionId, DisagreementId, DocumentId, PanelId, PlacementId, ReferralId, SittingId } from "../../src/shared/ids.js"
import type { Sitting } from "../../src/sitting/Sitting.js"
import type { SittingCommand } from "../../src/sitting/SittingCommands.js"
import { sittingDecider } from "../../src/sitting/SittingDecider.js"
import { staffOf } from "../../src/testing/actors.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { as, completeForm, contextOf, london } from "../fixtures.js"
import { decisionAtPanel } from "../disagreement/fixtures.js"

/**
 * June 2027 at Lincolnshire's Support Panel (Wednesdays 10:00-13:00, LIN-3), built through the deciders:
 *
 * - ref_1 (s20, child-1): submitted Tue 1 Jun, approved on 9 Jun (dec_1, two actions; a member dissents, LIN-13).
 * - ref_2 (LPM, child-2): submitted 1 Jun, deferred on 9 and 16 Jun (dec_2, dec_3: drift), approved on 23 Jun (dec_4).
 * - ref_3 (edge of care, child-3): submitted 2 Jun, approved on 9 Jun with GBP 200 a week (dec_5); child-3 is then
 *   accommodated: ref_4 (s20) approved on 23 Jun (dec_6).
 * - ref_5 (edge of care, child-5): declined on 9 Jun (dec_7). ref_6 (edge of care, child-6): approved on 16 Jun (dec_8).
 * - A Regulation 24 placement of child-7 on Thu 10 Jun, viability assessment late, authorised.
 * - The clocks as of Thu 15 Jul 2027, 09:00.
 */
const slug = "lincolnshire"
const context = contextOf(slug)
const staff = staffOf(slug)
type Who = keyof typeof staff

const play = <C, E, S, R>(decider: Decider<C, E, S, R, typeof context>, commands: ReadonlyArray<C>): S =>
  fold(decider, deciderSpec(decider, context).play(commands))

const by = <C>(actor: Who, at: DateTime.Utc, body: Record<string, unknown>) => ({ ...body, by: as(staff[actor]), at }) as C

export const sittingDates = { sit_9jun: "2027-06-09", sit_16jun: "2027-06-16", sit_23jun: "2027-06-23" } as const
type SittingKey = keyof typeof sittingDates
const startOf = (key: SittingKey) => london(sittingDates[key], "10:00")
const endOf = (key: SittingKey) => london(sittingDates[key], "13:00")

interface Plan {
  readonly n: number
  readonly child: Partial<ChildDetails> & { readonly id: string }
  readonly types: readonly [RequestType, ...RequestType[]]
  readonly submitted: DateTime.Utc
  /** Each hearing: the sitting, the decision's number and its outcome. */
  readonly hearings: ReadonlyArray<{ readonly at: SittingKey; readonly decision: number; readonly outcome: Outcome; readonly agreed?: Agreed }>
}

const plans: ReadonlyArray<Plan> = [
  { n: 1, child: { id: "child-1" }, types: ["s20_accommodation"], submitted: london("2027-06-01", "09:00"), hearings: [{ at: "sit_9jun", decision: 1, outcome: "approve", agreed: { accommodationWeeks: 6, placement: "in_house_foster" } }] },
  {
    n: 2,
    child: { id: "child-2" },
    types: ["legal_planning_meeting"],
    submitted: london("2027-06-01", "09:30"),
    hearings: [
      { at: "sit_9jun", decision: 2, outcome: "defer" },
      { at: "sit_16jun", decision: 3, outcome: "defer" },
      { at: "sit_23jun", decision: 4, outcome: "approve", agreed: { legalPlanningMeeting: true } }
    ]
  },
  {
    n: 3,
    child: { id: "child-3", plan: "CIN" },
    types: ["edge_of_care_resource"],
    submitted: london("2027-06-02", "11:00"),
    hearings: [{ at: "sit_9jun", decision: 5, outcome: "approve", agreed: { funding: { amountPence: 20_000, period: "weekly", budget: "Edge of care" } } }]
  },
  { n: 4, child: { id: "child-3" }, types: ["s20_accommodation"], submitted: london("2027-06-14", "09:00"), hearings: [{ at: "sit_23jun", decision: 6, outcome: "approve", agreed: { accommodationWeeks: 4, placement: "family_or_friends" } }] },
  { n: 5, child: { id: "child-5" }, types: ["edge_of_care_resource"], submitted: london("2027-06-02", "12:00"), hearings: [{ at: "sit_9jun", decision: 7, outcome: "decline" }] },
  {
    n: 6,
    child: { id: "child-6", plan: "CP" },
    types: ["edge_of_care_resource", "expenditure"],
    submitted: london("2027-06-08", "09:00"),
    hearings: [{ at: "sit_16jun", decision: 8, outcome: "approve", agreed: { funding: { amountPence: 150_000, period: "one_off", budget: "Edge of care" } } }]
  }
]

const documents = ["chronology", "genogram", "assessment", "direct_work", "family_safety_plan", "signs_of_safety_mapping", "fgc_plan", "legal_advice"] as const

const referralOf = (plan: Plan): Referral => {
  const referralId = ReferralId.make(`ref_${plan.n}`)
  const [template] = completeForm("support-panel").children
  const child = { ...template!, ...plan.child, childId: ChildId.make(plan.child.id), fullName: `Test Child ${plan.n}` }
  const form = completeForm("support-panel", { children: [child], requestTypes: plan.types })
  const commands: ReferralCommand[] = [
    by("socialWorker", plan.submitted, { _tag: "CreateDraft", referralId, form }),
    ...documents.map((kind) => by<ReferralCommand>("socialWorker", plan.submitted, { _tag: "RecordDocument", document: { documentId: DocumentId.make(kind), kind, title: kind } })),
    by("socialWorker", plan.submitted, { _tag: "Submit" }),
    by("teamManager", plan.submitted, { _tag: "Approve" })
  ]
  for (const hearing of plan.hearings) {
    const sitting = { id: SittingId.make(hearing.at), panelId: PanelId.make("support-panel"), date: sittingDates[hearing.at] as LocalDate, startsAt: startOf(hearing.at) }
    commands.push(
      by("administrator", plan.submitted, { _tag: "AcceptOntoSitting", sitting }),
      by("administrator", endOf(hearing.at), { _tag: "RecordHearing", decisionId: DecisionId.make(`dec_${hearing.decision}`), sittingId: sitting.id, outcome: hearing.outcome })
    )
  }
  return play(referralDecider, commands)!
}

const decisionOf = (plan: Plan, hearing: Plan["hearings"][number]): Decision => {
  const decided = london(sittingDates[hearing.at], "13:30")
  const actions =
    hearing.outcome === "approve"
      ? [
          { actionId: ActionId.make(`act_${hearing.decision}a`), description: "Family group conference", ownerRole: "social_worker" as const, dueDate: "2027-06-30" as LocalDate, fgcReferral: false },
          { actionId: ActionId.make(`act_${hearing.decision}b`), description: "Update the plan", ownerRole: "team_manager" as const, dueDate: "2027-07-20" as LocalDate, fgcReferral: false }
        ]
      : []
  const content = {
    outcome: hearing.outcome,
    rationale: "Proportionate to the risks described",
    agreed: hearing.agreed ?? {},
    minutes: { workingWell: "School attendance", worries: "Neglect", needsToHappen: "A plan" },
    actions
  }
  const subject = { referralId: ReferralId.make(`ref_${plan.n}`), childIds: [ChildId.make(plan.child.id)] as const, requestTypes: plan.types }
  return play(decisionDecider, [
    by<DecisionCommand>("administrator", decided, {
      _tag: "RecordDecision",
      decisionId: DecisionId.make(`dec_${hearing.decision}`),
      subject,
      sitting: {
        sittingId: SittingId.make(hearing.at),
        panelId: PanelId.make("support-panel"),
        date: sittingDates[hearing.at] as LocalDate,
        startsAt: startOf(hearing.at),
        endsAt: endOf(hearing.at),
        cancelled: false,
        agenda: [subject.referralId],
        quorum: { enough: true, chair: { personId: staff.chair.personId, name: staff.chair.name } }
      },
      content
    }),
    by<DecisionCommand>("chair", decided, { _tag: "SignOff" }),
    // dec_1's first action is done late; dec_5's on time; the rest stay open.
    ...(hearing.decision === 1 ? [by<DecisionCommand>("socialWorker", london("2027-07-02", "10:00"), { _tag: "CompleteAction", actionId: "act_1a", evidence: "Held" })] : []),
    ...(hearing.decision === 5 ? [by<DecisionCommand>("socialWorker", london("2027-06-20", "10:00"), { _tag: "CompleteAction", actionId: "act_5a", evidence: "Held" })] : [])
  ])!
}

const sittingOf = (key: SittingKey): Sitting => {
  const entries = plans.flatMap((plan) =>
    plan.hearings.filter((hearing) => hearing.at === key).map(() => ({ referralId: ReferralId.make(`ref_${plan.n}`), childIds: [ChildId.make(plan.child.id)], kind: "request" as const, summary: "Request" }))
  )
  const before = london("2027-06-01", "08:00")
  return play(sittingDecider, [
    by<SittingCommand>("administrator", before, { _tag: "ScheduleSitting", sittingId: SittingId.make(key), panelId: PanelId.make("support-panel"), date: sittingDates[key] }),
    by<SittingCommand>("administrator", before, { _tag: "BuildAgenda", entries }),
    by<SittingCommand>("administrator", london(sittingDates[key], "08:00"), { _tag: "PublishAgenda" }),
    by<SittingCommand>("administrator", startOf(key), { _tag: "RecordAttendance", entry: { personId: staff.chair.personId, name: staff.chair.name, seat: "Chair", membership: "standing", status: "present" } }),
    by<SittingCommand>("administrator", startOf(key), { _tag: "RecordAttendance", entry: { personId: staff.member.personId, name: staff.member.name, seat: "SEND", membership: "standing", status: "apologies" } })
  ])!
}

const disagreementOnDec1 = (): Disagreement =>
  play(disagreementDecider, [
    by<DisagreementCommand>("member", london("2027-06-09", "12:00"), {
      _tag: "RecordDissent",
      disagreementId: DisagreementId.make("dis_1"),
      decision: decisionAtPanel(),
      member: { personId: staff.member.personId, name: staff.member.name },
      dissentsFrom: { _tag: "Decision" },
      grounds: "Accommodation is not the least intrusive option"
    }),
    by<DisagreementCommand>("chair", london("2027-06-09", "12:10"), { _tag: "NoteAreasOfDisagreement", areas: ["Placement type"] }),
    by<DisagreementCommand>("chair", london("2027-06-10", "09:00"), { _tag: "Escalate", step: "assistant_director", to: { personId: staff.assistantDirector.personId, name: staff.assistantDirector.name } }),
    by<DisagreementCommand>("assistantDirector", london("2027-06-21", "16:00"), { _tag: "RecordOutcome", outcome: "upheld", rationale: "The plan stands" })
  ])!

const placementOfChild7 = (): Placement =>
  play(placementDecider, [
    by<PlacementCommand>("socialWorker", london("2027-06-10", "09:00"), {
      _tag: "RecordBasicTest",
      placementId: PlacementId.make("plc_1"),
      childId: ChildId.make("child-7"),
      answers: { wouldRefuseToSupportReturnHome: true, wouldAskPoliceToUsePoliceProtection: false, wouldSeekLegalAdviceToStartCareProceedings: false }
    }),
    by<PlacementCommand>("socialWorker", london("2027-06-10", "11:00"), {
      _tag: "RecordPlacementMade",
      placedAt: london("2027-06-10", "10:00"),
      carers: [{ name: "Della Penrose", relationship: "maternal aunt", hasParentalResponsibility: true }]
    }),
    by<PlacementCommand>("socialWorker", london("2027-06-11", "15:00"), { _tag: "RecordViabilityAssessment" }),
    by<PlacementCommand>("serviceManager", london("2027-06-11", "16:00"), { _tag: "AuthorisePlacement" })
  ])!

export const asOf = london("2027-07-15", "09:00")

/** The June records and their clocks, as a report receives them. */
export const juneInputs = (now = asOf): ReportInputs => {
  const referrals = plans.map(referralOf)
  const decisions = plans.flatMap((plan) => plan.hearings.map((hearing) => decisionOf(plan, hearing)))
  const sittings = (Object.keys(sittingDates) as SittingKey[]).map(sittingOf)
  const disagreements = [disagreementOnDec1()]
  const placements = [placementOfChild7()]
  const deadlines = deadlinesOf({ referrals, sittings, decisions, disagreements, placements }, context, { now, dueSoonHours: 48 })
  return { referrals, sittings, decisions, disagreements, placements, deadlines, calendar: englandAndWales, asOf: now, policy: context.policy }
}
