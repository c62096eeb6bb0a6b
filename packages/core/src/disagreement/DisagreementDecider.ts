import { Effect } from "effect"
import { NoSuchRecord } from "../shared/errors.js"
import { dissentRuleOf } from "../policy/DecisionPolicy.js"
import { type CitingPolicy, citation } from "../policy/citation.js"
import type { RuleId } from "../policy/rules.js"
import { actedBy } from "../shared/authorise.js"
import type { AuthorityContext } from "../shared/authorityContext.js"
import type { Decider } from "../shared/decider.js"
import { describeRoles, type Role } from "../shared/roles.js"
import type { Disagreement, DisagreementState, DisagreementStatus } from "./Disagreement.js"
import type { DisagreementCommand, OutcomeDetails } from "./DisagreementCommands.js"
import {
  AreasNotNoted,
  DisagreementAlreadyExists,
  DisagreementNotInStatus,
  type DisagreementRefusal,
  DisagreementDetailMissing,
  NotTheDissentingMember,
  NotYetWithAssistantDirector,
  WrongPersonForStep
} from "./DisagreementErrors.js"
import type { DisagreementEvent, DisagreementParty } from "./DisagreementEvents.js"
import { chairRoles, heldRole, nextEscalationStep, outOfOrder, stepTaker } from "./disagreementRoute.js"
import { dissentAgainst } from "./dissentChecks.js"
import { evolveDisagreement } from "./evolveDisagreement.js"

/** Who records a member's dissent for them at panel. */
const recordsForMembers: ReadonlyArray<Role> = [...chairRoles, "panel_administrator"]

const open: ReadonlyArray<DisagreementStatus> = ["dissent_recorded", "areas_noted", "with_member_manager", "with_assistant_director"]

const statusWords: Record<DisagreementStatus, string> = {
  dissent_recorded: "the dissent is recorded but the areas of disagreement are not yet noted",
  areas_noted: "the areas of disagreement are noted and it has not been escalated",
  with_member_manager: "it is with the member's own manager",
  with_assistant_director: "it is with the Assistant Director",
  outcome_recorded: "its outcome has already been recorded",
  withdrawn: "the dissent has been withdrawn"
}

/** Refuses unless the disagreement is in one of `allowed`; returns it otherwise. */
const requireStatus = (
  state: DisagreementState,
  allowed: ReadonlyArray<DisagreementStatus>,
  doing: string
): Effect.Effect<Disagreement, DisagreementNotInStatus | NoSuchRecord> => {
  if (state === undefined) return Effect.fail(new NoSuchRecord({ message: "There is no such disagreement." }))
  if (!allowed.includes(state.status)) {
    return Effect.fail(
      new DisagreementNotInStatus({ status: state.status, message: `You cannot ${doing}: ${statusWords[state.status]}.` })
    )
  }
  return Effect.succeed(state)
}

/** The text trimmed, or a refusal naming what is missing. */
const required = (value: string, field: string, ruleId: RuleId, message: string): Effect.Effect<string, DisagreementDetailMissing> => {
  const text = value.trim()
  return text === "" ? Effect.fail(new DisagreementDetailMissing({ field, ruleId, message })) : Effect.succeed(text)
}

const party = (person: DisagreementParty, field: string, ruleId: RuleId, who: string, policy: CitingPolicy) =>
  required(person.name, field, ruleId, `Give the name of ${who} (${citation(ruleId, policy)}).`).pipe(
    Effect.map((name): DisagreementParty => ({ personId: person.personId, name }))
  )

/**
 * A decision varied or overturned does not change by itself: the outcome says what happens to it now (how it
 * changes, who amends it, whether it returns to panel), so the social worker is not left with two answers.
 */
const outcomeNextSteps = (command: OutcomeDetails, ruleId: RuleId, policy: CitingPolicy): Effect.Effect<string | undefined, DisagreementDetailMissing> => {
  const text = command.nextSteps?.trim() ?? ""
  if (text !== "") return Effect.succeed(text)
  if (command.outcome === "upheld") return Effect.succeed(undefined)
  return Effect.fail(
    new DisagreementDetailMissing({
      field: "nextSteps",
      ruleId,
      message: `The decision is ${command.outcome}: say what happens to it now - what changes, who amends the decision and whether it returns to panel (${citation(ruleId, policy)}).`
    })
  )
}

/** Types a command's events as disagreement events (so `_tag` literals stay literal). */
const emit = (...events: ReadonlyArray<DisagreementEvent>): ReadonlyArray<DisagreementEvent> => events

const decide = (
  command: DisagreementCommand,
  state: DisagreementState,
  { policy }: AuthorityContext
): Effect.Effect<ReadonlyArray<DisagreementEvent>, DisagreementRefusal> =>
  Effect.gen(function* () {
    const audit = { by: actedBy(command.by), at: command.at }
    switch (command._tag) {
      case "RecordDissent": {
        if (state !== undefined) {
          return yield* new DisagreementAlreadyExists({
            disagreementId: command.disagreementId,
            message: `A disagreement with id ${command.disagreementId} already exists.`
          })
        }
        const dissentRule = dissentRuleOf(policy.disagreement)
        const cited = citation(dissentRule, policy)
        const forSomeoneElse = command.member.personId !== command.by.actor.personId
        if (forSomeoneElse && heldRole(command.by, recordsForMembers) === undefined) {
          return yield* new NotTheDissentingMember({
            ruleId: dissentRule,
            message: `You can record only your own dissent; the ${describeRoles(recordsForMembers)} records a member's dissent for them (${cited}).`
          })
        }
        const member = yield* party(command.member, "member", dissentRule, "the member who dissents", policy)
        const panel = policy.panels.find((one) => one.id === command.decision.sitting?.panelId)
        const { member: dissenter, ...against } = yield* dissentAgainst(command, member, dissentRule, policy, panel)
        const grounds = yield* required(command.grounds, "grounds", dissentRule, `Say why the member dissents from the decision (${cited}).`)
        const { ruleId, route } = policy.disagreement
        return emit({
          _tag: "DissentRecorded",
          disagreementId: command.disagreementId,
          authorityId: command.by.authorityId,
          decisionId: command.decision.decisionId,
          member: dissenter,
          grounds,
          route,
          ruleId,
          ...against,
          ...audit
        })
      }
      case "NoteAreasOfDisagreement": {
        const disagreement = yield* requireStatus(state, ["dissent_recorded", "areas_noted"], "note areas of disagreement")
        const { ruleId } = disagreement
        const given = [...new Set(command.areas.map((area) => area.trim()).filter((area) => area !== ""))]
        if (given.length === 0) {
          return yield* new DisagreementDetailMissing({ field: "areas", ruleId, message: `Note at least one area of disagreement (${citation(ruleId, policy)}).` })
        }
        const [head, ...tail] = given.filter((area) => !disagreement.areas.includes(area))
        return head === undefined ? emit() : emit({ _tag: "AreasOfDisagreementNoted", areas: [head, ...tail], ruleId, ...audit })
      }
      case "Escalate": {
        const disagreement = yield* requireStatus(state, open, "escalate this disagreement")
        const { ruleId } = disagreement
        if (disagreement.status === "dissent_recorded") {
          return yield* new AreasNotNoted({
            ruleId,
            message: `The areas of disagreement are noted at panel before it is escalated (${citation(ruleId, policy)}).`
          })
        }
        if (nextEscalationStep(disagreement) !== command.step) return yield* outOfOrder(disagreement, command.step, policy)
        const taker = yield* stepTaker(disagreement, command.step, command.by, policy)
        // SUP-8: the member raises it with their own manager, who is someone else: naming themselves would let them
        // take their own dissent to the Assistant Director.
        if (command.step === "member_manager" && command.to.personId === disagreement.member.personId) {
          const { name } = disagreement.member
          return yield* new WrongPersonForStep({
            ruleId,
            step: command.step,
            message: `${name} dissented and raises it with their own manager: name that manager, not ${name} (${citation(ruleId, policy)}).`
          })
        }
        const to = yield* party(
          command.to,
          "to",
          ruleId,
          command.step === "member_manager" ? "the member's own manager" : "the Assistant Director",
          policy
        )
        return emit({ _tag: "DisagreementEscalated", step: command.step, to, ruleId: taker.ruleId, ...audit, by: { ...audit.by, role: taker.role } })
      }
      case "RecordOutcome": {
        const disagreement = yield* requireStatus(state, open, "record an outcome")
        const { ruleId, route } = disagreement
        if (disagreement.status !== "with_assistant_director") {
          return yield* new NotYetWithAssistantDirector({
            ruleId,
            message: `An outcome is recorded once the disagreement has reached the Assistant Director (${citation(ruleId, policy)}); at present ${statusWords[disagreement.status]}.`
          })
        }
        const byDirector = command.by.actor.roles.includes("assistant_director")
        const chair = route === "chair_with_assistant_director" ? heldRole(command.by, chairRoles) : undefined
        if (!byDirector && chair === undefined) {
          return yield* new WrongPersonForStep({
            ruleId,
            step: "outcome",
            message:
              route === "chair_with_assistant_director"
                ? `Only the Assistant Director, or the ${describeRoles(chairRoles)} with the Assistant Director, records the outcome (${citation(ruleId, policy)}).`
                : `Only the Assistant Director records the outcome of an escalated disagreement (${citation(ruleId, policy)}).`
          })
        }
        const rationale = yield* required(command.rationale, "rationale", ruleId, `Give the rationale for the outcome (${citation(ruleId, policy)}).`)
        const nextSteps = yield* outcomeNextSteps(command, ruleId, policy)
        const recorded = {
          _tag: "DisagreementOutcomeRecorded",
          outcome: command.outcome,
          rationale,
          ...(nextSteps === undefined ? {} : { nextSteps }),
          ruleId,
          ...audit
        } as const
        if (byDirector) return emit({ ...recorded, by: { ...audit.by, role: "assistant_director" } })
        if (command.agreedWith === undefined) {
          return yield* new DisagreementDetailMissing({
            field: "agreedWith",
            ruleId,
            message: `The chair agrees the outcome with the Assistant Director: name them (${citation(ruleId, policy)}).`
          })
        }
        const agreedWith = yield* party(command.agreedWith, "agreedWith", ruleId, "the Assistant Director the outcome was agreed with", policy)
        // LIN-13: the chair agrees it with the Assistant Director, not with themselves.
        if (agreedWith.personId === command.by.actor.personId) {
          return yield* new WrongPersonForStep({
            ruleId,
            step: "outcome",
            message: `The chair agrees the outcome with the Assistant Director: name the Assistant Director it was agreed with, not ${command.by.actor.name}, who records it (${citation(ruleId, policy)}).`
          })
        }
        return emit({ ...recorded, agreedWith, by: { ...audit.by, role: chair ?? audit.by.role } })
      }
      case "Withdraw": {
        const disagreement = yield* requireStatus(state, open, "withdraw this dissent")
        const dissentRule = dissentRuleOf(policy.disagreement)
        const cited = citation(dissentRule, policy)
        if (command.by.actor.personId !== disagreement.member.personId) {
          return yield* new NotTheDissentingMember({
            ruleId: dissentRule,
            message: `Only ${disagreement.member.name}, who dissented, can withdraw the dissent (${cited}).`
          })
        }
        const reason = yield* required(command.reason, "reason", dissentRule, `Say why the dissent is withdrawn (${cited}).`)
        return emit({ _tag: "DissentWithdrawn", reason, ...audit })
      }
    }
  })

export const disagreementDecider: Decider<
  DisagreementCommand,
  DisagreementEvent,
  DisagreementState,
  DisagreementRefusal,
  AuthorityContext
> = {
  initialState: undefined,
  evolve: evolveDisagreement,
  decide
}
