import { Effect } from "effect"
import { formatDate, formatInstant } from "../calendar/format.js"
import { londonDateOf } from "../calendar/londonTime.js"
import { type CitingPolicy, citation } from "../policy/citation.js"
import { actedBy } from "../shared/authorise.js"
import type { AuthorityContext } from "../shared/authorityContext.js"
import type { Decider } from "../shared/decider.js"
import { NoSuchRecord } from "../shared/errors.js"
import { describeRoles, roleLabel } from "../shared/roles.js"
import { panelOf } from "../sitting/SittingDecider.js"
import { type Decision, type DecisionState, sittingChairFor } from "./Decision.js"
import type { DecisionCommand } from "./DecisionCommands.js"
import { DecisionIsFinal, type DecisionRefusal, NotApplicable, NotTheRightPerson } from "./DecisionErrors.js"
import type { DecisionEvent } from "./DecisionEvents.js"
import { sharedFundingRefusal, withComplexNeedsReferral } from "./complexNeedsReferral.js"
import { contentGaps, outsidePanelGaps } from "./decisionChecks.js"
import type { DecisionContent } from "./DecisionParts.js"
import { decideFollowUp } from "./decideFollowUp.js"
import { decideLaterHearing, decidePreProceedingsOver } from "./laterHearings.js"
import { decideRecording } from "./decideRecord.js"
import { amendmentApprovers, chairingRoles, emit, final, incomplete, roleFor } from "./decideShared.js"
import { evolveDecision } from "./evolveDecision.js"
import { highlightGaps } from "./highlights.js"
import { requestChanged } from "./requestAsItStands.js"

type Change = Extract<DecisionCommand, { readonly _tag: "EditDecision" | "SignOff" | "AgreeOutsidePanel" | "RefuseOutsidePanel" | "AmendDecision" }>
type Outside = NonNullable<Decision["outsidePanel"]>

/**
 * Why a proposal outside panel can no longer be agreed or refused, if it lapsed (NSO-10, LIN-11): an agreement it
 * waited for was refused, or the request was heard again while it waited (that decision stands).
 */
const lapsedRefusal = (outside: Outside, policy: CitingPolicy) => {
  const refused = outside.refused
  if (refused !== undefined) {
    return new NotApplicable({
      message: `${refused.by.name} (${roleLabel[refused.role]}) refused this agreement outside panel at ${formatInstant(refused.at)} (${citation(outside.ruleId, policy)}): it has lapsed and can no longer be agreed. If circumstances have changed since, record a new agreement outside panel, or bring the request to a sitting.`
    })
  }
  const overtaken = outside.overtaken
  if (overtaken === undefined) return undefined
  const heard = overtaken.atPanel ? `The panel heard this request at the sitting on ${formatDate(londonDateOf(overtaken.heardAt))}` : `This request was decided outside panel at ${formatInstant(overtaken.heardAt)}`
  return new NotApplicable({
    message: `${heard}, after this agreement outside panel was proposed: its decision stands, and this agreement can no longer be given (${citation(outside.ruleId, policy)}). If circumstances have changed since, record a new agreement outside panel.`
  })
}

/** The awaited agreement the actor may give or refuse, and the role they act in; or who it waits for. */
const awaitedOf = (command: Change, outside: Outside, policy: CitingPolicy) => {
  const entry = outside.pendingAgreements.find((candidate) => roleFor(command.by, candidate.anyOf) !== undefined)
  if (entry !== undefined) return Effect.succeed(roleFor(command.by, entry.anyOf)!)
  const waiting = outside.pendingAgreements.map((candidate) => describeRoles(candidate.anyOf)).join(" and the ")
  return Effect.fail(new NotTheRightPerson({ ruleId: outside.ruleId, message: `This agreement is waiting for the ${waiting} (${citation(outside.ruleId, policy)}).` }))
}

/** What the content must say, checked again on every edit and amendment; at panel its CPR-10 highlights, outside it its LIN-11 record. */
const gapsIn = (content: DecisionContent, decision: Decision, { policy }: AuthorityContext) => {
  const gaps = contentGaps(content, decision.subject, policy, londonDateOf(decision.heardAt), decision.madeAt)
  const outside = decision.outsidePanel
  if (outside === undefined) return [...gaps, ...highlightGaps(content, policy)]
  return [...gaps, ...outsidePanelGaps(content, decision.subject, policy, { ...outside, placed: outside.placedAt !== undefined, lpmHeld: outside.lpmAt !== undefined })]
}

/** Before it is final: edits, sign-off (CPR-8, NSO-8), agreement outside panel (NSO-10, LIN-11); after: amendments. */
const decideChange = (command: Change, decision: Decision, context: AuthorityContext) =>
  Effect.gen(function* () {
    const audit = { by: actedBy(command.by), at: command.at }
    switch (command._tag) {
      case "EditDecision": {
        if (decision.status === "final") {
          return yield* new DecisionIsFinal({
            message: "This decision has been signed or agreed: record an amendment saying what changed and why."
          })
        }
        // Part-way (NSO-8: signed by the chair, not yet finalised; NSO-10: one of two agreements): no edit, and the
        // amendment waits until it is final, so say who is awaited rather than send them to an amendment refused too.
        const next = decision.pendingSignOffs[0]
        const lastSigned = decision.signOffs.at(-1)
        if (lastSigned !== undefined && next !== undefined) {
          const awaited = sittingChairFor(decision, next)?.name ?? `the ${describeRoles(next.roles)}`
          return yield* new DecisionIsFinal({
            message: `This decision has been signed off (${citation(lastSigned.ruleId, context.policy)}) and is waiting for ${awaited} to sign it off: it is no longer edited. Once it is final, record an amendment saying what changed and why.`
          })
        }
        const outside = decision.outsidePanel
        // A proposal refused or overtaken (NSO-10) is not agreed on: editing it would not change that.
        const closed = outside === undefined ? undefined : lapsedRefusal(outside, context.policy)
        if (closed !== undefined) return yield* closed
        if (outside !== undefined && outside.agreements.length > 0) {
          const waiting = outside.pendingAgreements.map((candidate) => describeRoles(candidate.anyOf)).join(" and the ")
          return yield* new DecisionIsFinal({
            message: `This agreement outside panel has been given by the ${describeRoles(outside.agreements.map((agreed) => agreed.role))} and is waiting for the ${waiting} (${citation(outside.ruleId, context.policy)}): it is no longer edited. Once everyone needed has agreed, record an amendment saying what changed and why.`
          })
        }
        yield* sharedFundingRefusal(command.content, context.policy)
        const gaps = gapsIn(command.content, decision, context)
        if (gaps.length > 0) return yield* incomplete(gaps, context.policy)
        return emit({ _tag: "DecisionEdited", content: command.content, ...audit })
      }
      case "SignOff": {
        const next = decision.pendingSignOffs[0]
        if (next === undefined) return yield* new DecisionIsFinal({ message: "This decision is already signed off." })
        const chair = sittingChairFor(decision, next)
        if (chair !== undefined && chair.personId !== command.by.actor.personId) {
          // DEF-CHAIR-SIGNS: when the person who chaired cannot, a deputy the panel names to chair in the chair's
          // absence signs for them, saying why; the reason stays on the sign-off and the decision sheet.
          const deputies = command.panelId === undefined ? [] : (panelOf(context.policy, command.panelId)?.deputies ?? []).map((deputy) => deputy.role)
          const deputyRole = roleFor(command.by, deputies)
          if (deputyRole !== undefined && command.forTheChairBecause !== undefined) {
            const forTheChair = { chair, because: command.forTheChairBecause }
            return emit({ _tag: "DecisionSignedOff", role: deputyRole, ruleId: next.ruleId, forTheChair, at: command.at, by: { ...audit.by, role: deputyRole } })
          }
          const instead =
            deputies.length === 0
              ? ""
              : ` If ${chair.name} cannot sign it off, the ${describeRoles([...new Set(deputies)])} may sign it off for them, giving the reason they cannot.`
          return yield* new NotTheRightPerson({
            ruleId: next.ruleId,
            message: `This decision is signed off by whoever chaired the sitting, ${chair.name} (${citation(next.ruleId, context.policy)}); another holder of the role cannot sign for them.${instead}`
          })
        }
        // The person who chaired signs under whichever chairing role they hold (a panel chair at an AD-chaired panel).
        const role = roleFor(command.by, chair === undefined ? next.roles : [...next.roles, ...chairingRoles])
        if (role === undefined) {
          return yield* new NotTheRightPerson({
            ruleId: next.ruleId,
            message: `This decision is waiting for the ${describeRoles(next.roles)} to sign it off (${citation(next.ruleId, context.policy)}).`
          })
        }
        return emit({ _tag: "DecisionSignedOff", role, ruleId: next.ruleId, at: command.at, by: { ...audit.by, role } })
      }
      case "AgreeOutsidePanel": {
        const outside = decision.outsidePanel
        if (outside === undefined) return yield* new NotApplicable({ message: "This decision was made at panel, not outside it." })
        if (outside.pendingAgreements.length === 0) return yield* new DecisionIsFinal({ message: "Everyone needed has already agreed." })
        // Refused, or the request heard again while this waited for an agreement: this proposal lapsed.
        const closed = lapsedRefusal(outside, context.policy)
        if (closed !== undefined) return yield* closed
        const role = yield* awaitedOf(command, outside, context.policy)
        const changed = command.request === undefined ? undefined : requestChanged(decision, command.request, context.policy)
        if (changed !== undefined) return yield* changed
        return emit({ _tag: "OutsidePanelAgreed", role, at: command.at, by: { ...audit.by, role } })
      }
      case "RefuseOutsidePanel": {
        const outside = decision.outsidePanel
        if (outside === undefined) return yield* new NotApplicable({ message: "This decision was made at panel, not outside it." })
        if (outside.pendingAgreements.length === 0) {
          return yield* new DecisionIsFinal({ message: "Everyone needed has already agreed: the agreement is final. Record an amendment saying what changed and why." })
        }
        const closed = lapsedRefusal(outside, context.policy)
        if (closed !== undefined) return yield* closed
        const role = yield* awaitedOf(command, outside, context.policy)
        return emit({ _tag: "OutsidePanelAgreementRefused", role, reason: command.reason, at: command.at, by: { ...audit.by, role } })
      }
      case "AmendDecision": {
        yield* final(decision)
        const role = roleFor(command.by, amendmentApprovers)
        if (role === undefined) {
          return yield* new NotTheRightPerson({
            message: `A signed decision is amended by the ${describeRoles(amendmentApprovers)}, who approves the correction.`
          })
        }
        yield* sharedFundingRefusal(command.content, context.policy)
        const gaps = gapsIn(command.content, decision, context)
        if (gaps.length > 0) return yield* incomplete(gaps, context.policy)
        const approver = { ...audit.by, role }
        return emit({ _tag: "DecisionAmended", content: command.content, whatChanged: command.whatChanged, why: command.why, approvedBy: approver, by: approver, at: command.at })
      }
    }
  })

const decideCommand = (command: DecisionCommand, state: DecisionState, context: AuthorityContext): Effect.Effect<ReadonlyArray<DecisionEvent>, DecisionRefusal> => {
  switch (command._tag) {
    case "RecordDecision":
    case "RecordOutsidePanelAgreement":
      return decideRecording(command, state, context)
    case "EditDecision":
    case "SignOff":
    case "AgreeOutsidePanel":
    case "RefuseOutsidePanel":
    case "AmendDecision":
      return state === undefined ? Effect.fail(new NoSuchRecord({ message: "There is no such decision." })) : decideChange(command, state, context)
    case "NoteLaterHearing":
      return state === undefined ? Effect.fail(new NoSuchRecord({ message: "There is no such decision." })) : decideLaterHearing(command, state, context)
    case "NotePreProceedingsOver":
      return state === undefined ? Effect.fail(new NoSuchRecord({ message: "There is no such decision." })) : Effect.succeed(decidePreProceedingsOver(command, state))
    default:
      return state === undefined ? Effect.fail(new NoSuchRecord({ message: "There is no such decision." })) : decideFollowUp(command, state, context)
  }
}

const decide = (command: DecisionCommand, state: DecisionState, context: AuthorityContext) =>
  decideCommand(command, state, context).pipe(Effect.map((events) => withComplexNeedsReferral(events, state, context.policy, command)))

export const decisionDecider: Decider<DecisionCommand, DecisionEvent, DecisionState, DecisionRefusal, AuthorityContext> = {
  initialState: undefined,
  evolve: evolveDecision,
  decide
}
