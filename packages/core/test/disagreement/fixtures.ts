import type { LocalDate } from "../../src/calendar/LocalDate.js"
import type { DisagreementCommand, DissentedDecision } from "../../src/disagreement/DisagreementCommands.js"
import { disagreementDecider } from "../../src/disagreement/DisagreementDecider.js"
import type { DisagreementEvent, DisagreementParty } from "../../src/disagreement/DisagreementEvents.js"
import type { AuthorityPolicy } from "../../src/policy/AuthorityPolicy.js"
import { preset } from "../../src/policy/authorities/index.js"
import type { Actor } from "../../src/shared/actor.js"
import { ActionId, DecisionId, DisagreementId, PanelId, ReferralId, SittingId } from "../../src/shared/ids.js"
import type { Attendance } from "../../src/sitting/SittingEvents.js"
import { staffOf } from "../../src/testing/actors.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { as, contextOf, london } from "../fixtures.js"

/** Someone at a sitting, as the administrator records them. */
export const attending = (actor: Actor, status: Attendance["status"] = "present", seat = "Member"): Attendance => ({
  personId: actor.personId,
  name: actor.name,
  seat,
  membership: "standing",
  status,
  ...(status === "deputy" ? { standsInFor: "Lee Marston" } : {})
})

/**
 * Decision dec_1 on request ref_1, made at the sitting on Wed 9 Jun 2027 with one recommended action, as the
 * use case loads it for a dissent. No attendance recorded unless given.
 */
export const decisionAtPanel = (
  options: { readonly attendance?: ReadonlyArray<Attendance>; readonly sittingId?: string; readonly action?: string; readonly panelId?: string } = {}
): DissentedDecision => ({
  decisionId: DecisionId.make("dec_1"),
  referralId: ReferralId.make("ref_1"),
  madeAt: "panel",
  actions: [{ actionId: ActionId.make("act_2"), description: options.action ?? "Family group conference within 2 weeks" }],
  sitting: {
    sittingId: SittingId.make(options.sittingId ?? "sit_9jun"),
    ...(options.panelId === undefined ? {} : { panelId: PanelId.make(options.panelId) }),
    date: "2027-06-09" as LocalDate,
    attendance: options.attendance ?? []
  }
})

export type Slug = Parameters<typeof contextOf>[0]
export type Staff = ReturnType<typeof staffOf>

export const disagreementId = DisagreementId.make("dis_1")
export const at = london("2027-06-09", "11:30")
export const partyOf = (actor: Staff[keyof Staff]): DisagreementParty => ({ personId: actor.personId, name: actor.name })

/** A decider spec and the commands for one preset's fictional staff, under `policy` (the preset unless a test gives a file built on it). */
export const panelOf = (slug: Slug, policy: AuthorityPolicy = preset(slug)) => {
  const staff = staffOf(slug)
  const spec = deciderSpec(disagreementDecider, { ...contextOf(slug), policy })
  const cmd = (actor: keyof Staff, body: Record<string, unknown>, when = at) =>
    ({ ...body, by: as(staff[actor]), at: when }) as DisagreementCommand
  const recordDissent = (actor: keyof Staff = "member", overrides: Record<string, unknown> = {}) =>
    cmd(actor, {
      _tag: "RecordDissent",
      disagreementId,
      decision: decisionAtPanel(),
      member: partyOf(staff.member),
      dissentsFrom: { _tag: "Decision" },
      grounds: "A connected-person assessment should come before any foster placement",
      ...overrides
    })
  const noteAreas = (areas: string[] = ["Placement type", "Timescale for return home"]) =>
    cmd("chair", { _tag: "NoteAreasOfDisagreement", areas })
  const escalate = (actor: keyof Staff, step: string, to: keyof Staff) => cmd(actor, { _tag: "Escalate", step, to: partyOf(staff[to]) })
  const outcome = (actor: keyof Staff, extra: Record<string, unknown> = {}) =>
    cmd(actor, { _tag: "RecordOutcome", outcome: "upheld", rationale: "The placement meets the child's immediate needs", ...extra })
  const withdraw = (actor: keyof Staff = "member") => cmd(actor, { _tag: "Withdraw", reason: "Reassured by the revised plan" })
  const play = (commands: DisagreementCommand[], history: DisagreementEvent[] = []): DisagreementEvent[] =>
    spec.play(commands, history)
  return { staff, spec, cmd, recordDissent, noteAreas, escalate, outcome, withdraw, play }
}
