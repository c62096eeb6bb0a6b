import { Effect } from "effect"
import { englandAndWales } from "../src/calendar/englandAndWales.js"
import type { LocalDate } from "../src/calendar/LocalDate.js"
import { atLondon } from "../src/calendar/londonTime.js"
import type { TimeOfDay } from "../src/calendar/londonTime.js"
import { preset } from "../src/policy/authorities/index.js"
import type { ReferralCommand } from "../src/referral/ReferralCommands.js"
import { referralDecider } from "../src/referral/ReferralDecider.js"
import type { ReferralEvent } from "../src/referral/ReferralEvents.js"
import type { Actor } from "../src/shared/actor.js"
import { authorise, permission } from "../src/shared/authorise.js"
import { type Decider, fold } from "../src/shared/decider.js"
import { ChildId, DecisionId, DocumentId, PanelId, ReferralId, SittingId } from "../src/shared/ids.js"
import type { DecisionCommand } from "../src/decision/DecisionCommands.js"
import { decisionDecider } from "../src/decision/DecisionDecider.js"
import type { DecisionEvent } from "../src/decision/DecisionEvents.js"
import type { DecisionContent } from "../src/decision/DecisionParts.js"
import { exampleDecision } from "../src/testing/exampleDecision.js"
import { sittingDecider } from "../src/sitting/SittingDecider.js"
import { sittingDates } from "../src/sitting/schedule.js"
import { staffOf } from "../src/testing/actors.js"
import { exampleForm } from "../src/testing/exampleForm.js"

export const policy = preset("lincolnshire")
export const context = { policy, calendar: englandAndWales }
export const staff = staffOf("lincolnshire")
export const london = (date: string, time: string) => atLondon(date as LocalDate, time as TimeOfDay)
const as = (actor: Actor) => Effect.runSync(authorise(actor, permission("benchmark", ...actor.roles)))
const at = london("2027-06-01", "09:00")

const documents = policy.referral.requiredDocuments.filter((required) => required.forRequestTypes === undefined)

/** The commands of one request from draft to ready: create, six documents, submit, approve. */
export const requestCommands = (n: number): ReadonlyArray<ReferralCommand> => [
  { _tag: "CreateDraft", referralId: ReferralId.make(`ref_${n}`), form: exampleForm("support-panel", "s20_accommodation", { id: `child-${n}`, name: `Child ${n}` }), by: as(staff.socialWorker), at },
  ...documents.map((required, i): ReferralCommand => ({
    _tag: "RecordDocument",
    document: { documentId: DocumentId.make(`doc-${n}-${i}`), kind: required.kind, title: required.kind },
    by: as(staff.socialWorker),
    at
  })),
  { _tag: "Submit", by: as(staff.socialWorker), at },
  { _tag: "Approve", by: as(staff.teamManager), at }
]

/** Decides and evolves each command in turn, as the use cases do. */
const playWith =
  <C, E, S, R>(decider: Decider<C, E, S, R, typeof context>) =>
  (commands: ReadonlyArray<C>): ReadonlyArray<E> => {
    const events: E[] = []
    let state = decider.initialState
    for (const command of commands) {
      const decided = Effect.runSync(decider.decide(command, state, context))
      for (const event of decided) state = decider.evolve(state, event)
      events.push(...decided)
    }
    return events
  }

export const play: (commands: ReadonlyArray<ReferralCommand>) => ReadonlyArray<ReferralEvent> = playWith(referralDecider)

/** A long stream: one request whose draft was edited thousands of times. */
export const longStream = (length: number): ReadonlyArray<ReferralEvent> => {
  const [created] = play(requestCommands(0))
  const edit = (i: number): ReferralEvent => ({
    _tag: "DraftEdited",
    form: { ...exampleForm("support-panel", "s20_accommodation", { id: "child-0", name: "Child 0" }), reason: `revision ${i}` },
    by: { personId: staff.socialWorker.personId, name: staff.socialWorker.name, role: "social_worker" },
    at
  })
  return [created!, ...Array.from({ length: length - 1 }, (_, i) => edit(i))]
}

export const openReferrals = (count: number) =>
  Array.from({ length: count }, (_, n) => fold(referralDecider, play(requestCommands(n).slice(0, n % 3 === 0 ? 1 : undefined)))!)

export const yearOfSittings = () =>
  sittingDates(policy.panels[0], 2027, englandAndWales).map((date, n) =>
    fold(
      sittingDecider,
      Effect.runSync(
        sittingDecider.decide(
          { _tag: "ScheduleSitting", sittingId: SittingId.make(`sit_${n}`), panelId: PanelId.make("support-panel"), date, by: as(staff.administrator), at: london("2027-01-01", "09:00") },
          undefined,
          context
        )
      )
    )!
  )

const decided = london("2027-06-02", "13:30")
const recordDecision = (n: number, content: DecisionContent): DecisionCommand => ({
  _tag: "RecordDecision",
  decisionId: DecisionId.make(`dec_${n}`),
  subject: { referralId: ReferralId.make(`ref_${n}`), childIds: [ChildId.make(`child-${n}`)], requestTypes: ["s20_accommodation"] },
  sitting: {
    sittingId: SittingId.make("sit_22"),
    panelId: PanelId.make("support-panel"),
    date: "2027-06-02" as LocalDate,
    startsAt: london("2027-06-02", "10:00"),
    endsAt: london("2027-06-02", "13:00"),
    cancelled: false,
    agenda: [ReferralId.make(`ref_${n}`)]
  },
  content,
  by: as(staff.administrator),
  at: decided
})
const exampleContent = (n: number) => exampleDecision(policy, "s20_accommodation", "approve", { actionsDue: "2027-06-30" as LocalDate, key: `d${n}` })

export const playDecision: (commands: ReadonlyArray<DecisionCommand>) => ReadonlyArray<DecisionEvent> = playWith(decisionDecider)

/** One decision's life (LIN-5, LIN-6): recorded, signed, each action completed, the actions case note. */
export const decisionCommands = (n: number): ReadonlyArray<DecisionCommand> => {
  const content = exampleContent(n)
  return [
    recordDecision(n, content),
    { _tag: "SignOff", by: as(staff.chair), at: decided },
    ...content.actions.map((action): DecisionCommand => ({ _tag: "CompleteAction", actionId: action.actionId, evidence: "Done", by: as(staff.socialWorker), at: decided })),
    { _tag: "RecordActionsCaseNote", note: "Support Panel Actions: all completed", by: as(staff.teamManager), at: decided }
  ]
}

/** A long decision stream: recorded and signed, then an action's progress recorded thousands of times. */
export const longDecisionStream = (length: number): ReadonlyArray<DecisionEvent> => {
  const [recorded, signed] = playDecision(decisionCommands(0).slice(0, 2))
  const actionId = exampleContent(0).actions[0]!.actionId
  const by = { personId: staff.teamManager.personId, name: staff.teamManager.name, role: "team_manager" as const }
  const progress = (i: number): DecisionEvent => ({ _tag: "ActionOutstanding", actionId, reason: `Waiting for the family, week ${i}`, by, at: decided })
  return [recorded!, signed!, ...Array.from({ length: length - 2 }, (_, i) => progress(i))]
}

/** Decisions with two actions each, one completed: what the deadlines read model folds in alongside requests. */
export const decisions = (count: number) =>
  Array.from({ length: count }, (_, n) => {
    const recorded = playDecision([recordDecision(n, exampleContent(n))])
    const completed = Effect.runSync(
      decisionDecider.decide(
        { _tag: "CompleteAction", actionId: exampleContent(n).actions[0]!.actionId, evidence: "Referral sent", by: as(staff.socialWorker), at: london("2027-06-03", "09:00") },
        fold(decisionDecider, recorded),
        context
      )
    )
    return fold(decisionDecider, [...recorded, ...completed])!
  })
