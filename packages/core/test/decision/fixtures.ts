import type { LocalDate } from "../../src/calendar/LocalDate.js"
import type { DecisionCommand } from "../../src/decision/DecisionCommands.js"
import { decisionDecider } from "../../src/decision/DecisionDecider.js"
import type { DecisionContent, Subject } from "../../src/decision/DecisionParts.js"
import type { SittingHeld } from "../../src/decision/DecisionCommands.js"
import type { AuthorityPolicy } from "../../src/policy/AuthorityPolicy.js"
import { preset } from "../../src/policy/authorities/index.js"
import { ActionId, ChildId, DecisionId, ReferralId, SittingId } from "../../src/shared/ids.js"
import { actorAt, staffOf } from "../../src/testing/actors.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { as, contextOf, london } from "../fixtures.js"

export type Slug = Parameters<typeof contextOf>[0]
export const decisionId = DecisionId.make("dec_1")
export const sittingStarts = london("2027-06-09", "10:00")
export const sittingEnds = london("2027-06-09", "13:00")

/** The sitting of Wed 9 Jun 2027, 10:00-13:00, with ref_1 on its agenda, as the use case reads it. */
export const heldSitting = (slug: Slug, overrides: Partial<SittingHeld> = {}): SittingHeld => ({
  sittingId: SittingId.make("sit_1"),
  panelId: preset(slug).panels[0].id,
  date: "2027-06-09" as LocalDate,
  startsAt: sittingStarts,
  endsAt: sittingEnds,
  cancelled: false,
  agenda: [ReferralId.make("ref_1")],
  quorum: { enough: true, chair: { personId: staffOf(preset(slug).authority.id).chair.personId, name: staffOf(preset(slug).authority.id).chair.name } },
  ...overrides
})

export const subject = (requestTypes: Subject["requestTypes"] = ["s20_accommodation"]): Subject => ({
  referralId: ReferralId.make("ref_1"),
  childIds: [ChildId.make("child-1")],
  requestTypes
})

export const sosMinutes = { workingWell: "Grandmother visits daily", worries: "Mother's drinking", needsToHappen: "FGC within 2 weeks" }

export const content = (overrides: Partial<DecisionContent> = {}): DecisionContent => ({
  outcome: "approve",
  rationale: "No safe carer in the family this week; accommodation is proportionate",
  agreed: { accommodationWeeks: 6, placement: "in_house_foster" },
  minutes: sosMinutes,
  highlights: { presentation: "The social worker set out why no family carer is available", discussion: "Members agreed foster care with weekly family time" },
  actions: [
    { actionId: ActionId.make("act_1"), description: "Hold a family group conference", ownerRole: "social_worker", dueDate: "2027-06-23" as LocalDate, fgcReferral: true },
    { actionId: ActionId.make("act_2"), description: "Write to the parents", ownerRole: "team_manager", dueDate: "2027-06-11" as LocalDate, fgcReferral: false }
  ],
  ...overrides
})

/**
 * A decision spec for an authority (under `policy`, its preset unless a test gives a file built on it), with its staff
 * and a command builder. Everyone holds one role, so that nobody takes two steps (the chair's and the Assistant
 * Director's) by holding two roles.
 */
export const decisionsAt = (slug: Slug, policy: AuthorityPolicy = preset(slug)) => {
  const staff = { ...staffOf(slug), assistantDirector: actorAt(slug)("Ruth Fairholme", "assistant_director") }
  const spec = deciderSpec(decisionDecider, { ...contextOf(slug), policy })
  const cmd = (actor: keyof typeof staff, body: Record<string, unknown>, when = london("2027-06-09", "13:30")) =>
    ({ ...body, by: as(staff[actor]), at: when }) as DecisionCommand
  /** Recorded at a sitting chaired by `chairedBy` (the panel chair unless a deputy chaired). */
  const recorded = (overrides: Partial<DecisionContent> = {}, types?: Subject["requestTypes"], chairedBy: keyof typeof staff = "chair") =>
    spec.play([
      cmd("administrator", {
        _tag: "RecordDecision",
        decisionId,
        subject: subject(types),
        sitting: heldSitting(slug, { quorum: { enough: true, chair: { personId: staff[chairedBy].personId, name: staff[chairedBy].name } } }),
        content: content(overrides)
      })
    ])
  const signed = (overrides: Partial<DecisionContent> = {}, types?: Subject["requestTypes"]) =>
    spec.play([cmd("chair", { _tag: "SignOff" })], recorded(overrides, types))
  return { staff, spec, cmd, recorded, signed }
}

/** An action with a named date, for decisions whose clocks or checks a test reads. */
export const planningMeeting = { actionId: ActionId.make("a"), description: "Placement planning meeting", ownerRole: "social_worker" as const, dueDate: "2027-06-18" as LocalDate, fgcReferral: false }

/** An agreement outside panel of `types`, with a planning meeting as its one action; `overrides` replace any field. */
export const outsidePanelAgreement = (types: Subject["requestTypes"], overrides: Record<string, unknown> = {}) => ({
  _tag: "RecordOutsidePanelAgreement",
  decisionId,
  subject: subject(types),
  content: content({ minutes: undefined, actions: [planningMeeting] }),
  whyOutsidePanel: "Parent arrested; no sitting until Wednesday",
  timescales: "Two weeks",
  ...overrides
})
