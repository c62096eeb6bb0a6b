import { DateTime, Effect } from "effect"
import { proposeAgenda } from "../../src/agenda/proposeAgenda.js"
import { addDays, type LocalDate } from "../../src/calendar/LocalDate.js"
import { londonDateOf } from "../../src/calendar/londonTime.js"
import type { Decision } from "../../src/decision/Decision.js"
import type { DecisionCommand } from "../../src/decision/DecisionCommands.js"
import { decisionDecider } from "../../src/decision/DecisionDecider.js"
import type { DecisionContent } from "../../src/decision/DecisionParts.js"
import { type PresetSlug, preset } from "../../src/policy/authorities/index.js"
import type { RequestType } from "../../src/policy/RequestType.js"
import type { Referral } from "../../src/referral/Referral.js"
import type { ReferralCommand } from "../../src/referral/ReferralCommands.js"
import { referralDecider } from "../../src/referral/ReferralDecider.js"
import type { ReferralForm } from "../../src/referral/ReferralForm.js"
import { fold } from "../../src/shared/decider.js"
import { ChildId, DecisionId, DocumentId, PanelId, ReferralId, SittingId } from "../../src/shared/ids.js"
import type { Sitting } from "../../src/sitting/Sitting.js"
import type { AgendaEntry, SittingCommand } from "../../src/sitting/SittingCommands.js"
import { sittingDecider } from "../../src/sitting/SittingDecider.js"
import { actorAt, staffOf } from "../../src/testing/actors.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { content, planningMeeting } from "../decision/fixtures.js"
import { as, completeForm, contextOf, london } from "../fixtures.js"

type Staff = ReturnType<typeof staffOf>
type Who = keyof Staff

/** When requests are written, unless a test says: Tue 1 Jun 2027. */
export const planned = london("2027-06-01", "08:00")
/** When sittings are planned and their agendas built: Mon 17 May 2027, before every sitting of these tests. */
export const scheduled = london("2027-05-17", "09:00")

/** A sitting of the authority's panel on `date`, then whatever `then` does to it (build, publish, cancel). */
export const sittingOn = (slug: PresetSlug, date: string, then: (by: ReturnType<typeof as>) => ReadonlyArray<SittingCommand> = () => []): Sitting => {
  const by = as(staffOf(slug).administrator)
  const schedule: SittingCommand = { _tag: "ScheduleSitting", sittingId: SittingId.make(`sit_${date}`), panelId: preset(slug).panels[0].id, date: date as LocalDate, by, at: scheduled }
  return fold(sittingDecider, deciderSpec(sittingDecider, contextOf(slug)).play([schedule, ...then(by)]))!
}

/** The sitting cancelled. */
export const cancelled = (by: ReturnType<typeof as>): ReadonlyArray<SittingCommand> => [{ _tag: "CancelSitting", reason: "Chair unwell", by, at: scheduled }]

/** The sitting's agenda built with these entries (and sent out if `publish`). */
export const agendaOf =
  (entries: ReadonlyArray<AgendaEntry>, publish = false) =>
  (by: ReturnType<typeof as>): ReadonlyArray<SittingCommand> => [
    { _tag: "BuildAgenda", entries, by, at: scheduled },
    ...(publish ? [{ _tag: "PublishAgenda" as const, by, at: scheduled }] : [])
  ]

/** The same sitting as another panel of the authority would hold it (an authority may run more than one panel). */
export const ofAnotherPanel = (sitting: Sitting): Sitting => ({ ...sitting, id: SittingId.make(`${sitting.id}_fostering`), panelId: PanelId.make("fostering-panel") })

/** Where a sitting is, for the referral decider. */
export const factsOf = (sitting: Sitting) => ({ id: sitting.id, panelId: sitting.panelId, date: sitting.date, startsAt: sitting.startsAt, cancelled: sitting.cancelled })

/** One step of a request's life, by whom and when (on 1 June unless said). */
export type Step = { readonly who: Who; readonly at?: DateTime.Utc; readonly command: Record<string, unknown> }

/**
 * A request of the authority, written, submitted and made ready (approved by the team manager where the
 * authority asks for it) on 1 June or `at`, then `steps`. `reasons` are its presentation reasons; a parent's conviction
 * comes with its fact, so that it goes to panel automatically where the policy says so (SUP-3).
 */
export const request = (
  slug: PresetSlug,
  id: string,
  options: { readonly types?: ReadonlyArray<RequestType>; readonly children?: number; readonly reasons?: ReadonlyArray<string>; readonly approve?: boolean; readonly at?: DateTime.Utc; readonly steps?: ReadonlyArray<Step> } = {}
): Referral => {
  const staff = staffOf(slug)
  const policy = preset(slug)
  const form = completeForm(policy.panels[0].id)
  const [child] = form.children
  const children = Array.from({ length: options.children ?? 1 }, (_, i) => ({ ...child!, childId: ChildId.make(`child-${i + 1}`), fullName: `Robin Testwood ${i + 1}` }))
  const reasons = options.reasons ?? []
  const overrides = {
    children,
    ...(options.types ? { requestTypes: options.types } : {}),
    ...(options.reasons
      ? {
          presentationReasons: reasons,
          parentalHistory: reasons.includes("parental_convictions") ? [{ parent: "Sam Testwood", kind: "criminal_conviction", date: "2019-03-04", detail: "Burglary" }] : []
        }
      : {})
  } as unknown as Partial<ReferralForm>
  const step = (who: Who, command: Record<string, unknown>, at = options.at ?? planned) => ({ ...command, by: as(staff[who]), at }) as ReferralCommand
  const commands: ReferralCommand[] = [
    step("socialWorker", { _tag: "CreateDraft", referralId: ReferralId.make(id), form: { ...form, ...overrides } }),
    ...policy.referral.requiredDocuments.map(({ kind }) => step("socialWorker", { _tag: "RecordDocument", document: { documentId: DocumentId.make(kind), kind, title: kind } })),
    step("socialWorker", { _tag: "Submit" }),
    ...(options.approve === false || policy.referral.approvals.length === 0 ? [] : [step("teamManager", { _tag: "Approve" })]),
    ...(options.steps ?? []).map(({ who, at, command }) => step(who, command, at))
  ]
  return fold(referralDecider, deciderSpec(referralDecider, contextOf(slug)).play(commands))!
}

/** The request heard at `sitting` with `outcome`, recorded by the administrator when the sitting ends (or `at`). */
export const heard = (sitting: Sitting, outcome: "approve" | "defer", decision: string, at = sitting.endsAt): Step => ({
  who: "administrator",
  at,
  command: { _tag: "RecordHearing", decisionId: DecisionId.make(decision), sittingId: sitting.id, outcome }
})

/** The decision's actions, due one and two weeks after `date`. */
const actionsAfter = (date: LocalDate) => content().actions.map((action, i) => ({ ...action, dueDate: addDays(date, 7 * (i + 1)) }))

/** A decision on request `referralId` (its children child-1..n) recorded at `sitting`, saying `overrides` (its actions due after it). */
export const decidedAt = (
  slug: PresetSlug,
  sitting: Sitting,
  referralId: string,
  overrides: Partial<DecisionContent>,
  types: ReadonlyArray<RequestType> = ["s20_accommodation"],
  children = 1
): Decision => {
  const staff = staffOf(slug)
  const held = { sittingId: sitting.id, panelId: sitting.panelId, date: sitting.date, startsAt: sitting.startsAt, endsAt: sitting.endsAt, cancelled: false, agenda: [ReferralId.make(referralId)], quorum: { enough: true, chair: { personId: staff.chair.personId, name: staff.chair.name } } }
  const subject = { referralId: ReferralId.make(referralId), childIds: Array.from({ length: children }, (_, i) => ChildId.make(`child-${i + 1}`)), requestTypes: [...types] }
  const recorded = Effect.runSync(
    decisionDecider.decide(
      { _tag: "RecordDecision", decisionId: DecisionId.make(`dec_${referralId}_${sitting.date}`), subject, sitting: held, content: content({ actions: actionsAfter(sitting.date), ...overrides }), by: as(staff.administrator), at: sitting.endsAt } as unknown as DecisionCommand,
      undefined,
      contextOf(slug)
    )
  )
  return fold(decisionDecider, recorded)!
}

/** An agreement outside panel of request `referralId`, recorded at `at` by `who`, then agreed by `alsoAgreed` in turn (at `agreedAt`, else `at`). */
export const agreedOutside = (
  slug: PresetSlug,
  referralId: string,
  at: DateTime.Utc,
  who: Who,
  options: { readonly types?: ReadonlyArray<RequestType>; readonly agreed?: DecisionContent["agreed"]; readonly lpmAt?: DateTime.Utc; readonly placedAt?: DateTime.Utc; readonly alsoAgreed?: ReadonlyArray<Who>; readonly agreedAt?: DateTime.Utc } = {}
): Decision => {
  // Everyone holds one role here, so that nobody gives two agreements (the Assistant Director's and a chair's).
  const staff = { ...staffOf(slug), assistantDirector: actorAt(slug)("Ruth Fairholme", "assistant_director") }
  const spec = deciderSpec(decisionDecider, contextOf(slug))
  const by = (actor: Who) => as(staff[actor])
  const record = {
    _tag: "RecordOutsidePanelAgreement",
    decisionId: DecisionId.make(`dec_${referralId}_outside`),
    subject: { referralId: ReferralId.make(referralId), childIds: [ChildId.make("child-1")], requestTypes: [...(options.types ?? ["legal_planning_meeting"])] },
    // LIN-5: Lincolnshire records a decision's Signs of Safety minutes even outside panel.
    content: content({ ...(slug === "lincolnshire" ? {} : { minutes: undefined }), agreed: options.agreed ?? { legalPlanningMeeting: true }, actions: [{ ...planningMeeting, dueDate: addDays(londonDateOf(at), 7) }] }),
    whyOutsidePanel: "A parent was arrested; no sitting until the week after",
    timescales: "Legal planning meeting this week",
    ...(options.lpmAt ? { lpmAt: options.lpmAt } : {}),
    ...(options.placedAt ? { placedAt: options.placedAt } : {}),
    by: by(who),
    at
  } as unknown as DecisionCommand
  const agreements = (options.alsoAgreed ?? []).map((actor) => ({ _tag: "AgreeOutsidePanel", by: by(actor), at: options.agreedAt ?? at }) as DecisionCommand)
  return fold(decisionDecider, spec.play([record, ...agreements]))!
}

/** Accommodation under section 20 for `weeks`, agreed outside panel at `at` by `who`, the child placed an hour before. */
export const s20AgreedOutside = (
  slug: PresetSlug,
  referralId: string,
  at: DateTime.Utc,
  who: Who,
  options: { readonly weeks?: number; readonly alsoAgreed?: ReadonlyArray<Who>; readonly agreedAt?: DateTime.Utc } = {}
) =>
  agreedOutside(slug, referralId, at, who, {
    types: ["s20_accommodation"],
    agreed: { accommodationWeeks: options.weeks ?? 6, placement: "in_house_foster" },
    placedAt: DateTime.subtract(at, { hours: 1 }),
    ...(options.alsoAgreed === undefined ? {} : { alsoAgreed: options.alsoAgreed }),
    ...(options.agreedAt === undefined ? {} : { agreedAt: options.agreedAt })
  })

/** When these pure tests propose an agenda: before any of their sittings has started. */
export const beforeAnySitting = DateTime.unsafeMake(0)

/** What `sitting` should hear, as the administrator is offered it. */
export const propose = (slug: PresetSlug, sitting: Sitting, inputs: { readonly referrals?: ReadonlyArray<Referral>; readonly decisions?: ReadonlyArray<Decision>; readonly sittings: ReadonlyArray<Sitting> }) => {
  const { policy, calendar } = contextOf(slug)
  return proposeAgenda(sitting, { referrals: inputs.referrals ?? [], decisions: inputs.decisions ?? [], sittings: inputs.sittings, now: beforeAnySitting }, policy, calendar)
}

/** The sittings not cancelled (by id) whose proposed agenda has the request `referralId` (as `kind`, or any), soonest first. */
export const proposedAt = (slug: PresetSlug, referralId: string, inputs: Parameters<typeof propose>[2], kind?: AgendaEntry["kind"]) =>
  inputs.sittings
    .filter((sitting) => sitting.cancelled === undefined)
    .sort((a, b) => (DateTime.lessThan(a.startsAt, b.startsAt) ? -1 : 1))
    .filter((sitting) => propose(slug, sitting, inputs).some((entry) => entry.referralId === referralId && (kind === undefined || entry.kind === kind)))
    .map((sitting) => sitting.id as string)
