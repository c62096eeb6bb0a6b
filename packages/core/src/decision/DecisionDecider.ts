import { Effect } from "effect"
import { NoSuchRecord } from "../shared/errors.js"
import { actedBy } from "../shared/authorise.js"
import type { AuthorityContext } from "../shared/authorityContext.js"
import type { Decider } from "../shared/decider.js"
import { describeRoles, type Role, roleLabel } from "../shared/roles.js"
import type { Decision, DecisionState } from "./Decision.js"
import type { DecisionCommand } from "./DecisionCommands.js"
import {
  ActionAlreadyClosed,
  ActionsNotUpdated,
  DecisionAlreadyRecorded,
  DecisionIsFinal,
  DecisionNotFinal,
  type DecisionRefusal,
  IncompleteDecision,
  NoSuchAction,
  NotApplicable,
  NotTheRightPerson
} from "./DecisionErrors.js"
import type { DecisionEvent } from "./DecisionEvents.js"
import { agreementsNeeded, contentGaps, describeGaps, type Gap, outsidePanelGaps } from "./decisionChecks.js"
import { evolveDecision } from "./evolveDecision.js"

const emit = (...events: ReadonlyArray<DecisionEvent>): ReadonlyArray<DecisionEvent> => events

const incomplete = (gaps: ReadonlyArray<Gap>) =>
  new IncompleteDecision({ missing: [...gaps], message: `The decision cannot be recorded yet. It must say: ${describeGaps(gaps)}.` })

const existing = (state: DecisionState) =>
  state === undefined ? Effect.fail(new NoSuchRecord({ message: "There is no such decision." })) : Effect.succeed(state)

const final = (decision: Decision) =>
  decision.status === "final"
    ? Effect.succeed(decision)
    : Effect.fail(new DecisionNotFinal({ message: "This decision is not final yet: it is still waiting for sign-off or agreement." }))

const holds = (roles: ReadonlyArray<Role>, wanted: ReadonlyArray<Role>) => wanted.some((role) => roles.includes(role))

const actionOf = (decision: Decision, actionId: string) => {
  const action = decision.content.actions.find((candidate) => candidate.actionId === actionId)
  if (action === undefined) return Effect.fail(new NoSuchAction({ message: `This decision has no action ${actionId}.` }))
  if (action.progress._tag === "Completed") {
    return Effect.fail(new ActionAlreadyClosed({ message: `"${action.description}" is already completed.` }))
  }
  return Effect.succeed(action)
}

const decide = (
  command: DecisionCommand,
  state: DecisionState,
  { policy }: AuthorityContext
): Effect.Effect<ReadonlyArray<DecisionEvent>, DecisionRefusal> =>
  Effect.gen(function* () {
    const audit = { by: actedBy(command.by), at: command.at }
    if (command._tag === "RecordDecision" || command._tag === "RecordOutsidePanelAgreement") {
      if (state !== undefined) return yield* new DecisionAlreadyRecorded({ message: `A decision with id ${command.decisionId} already exists.` })
      const gaps = contentGaps(command.content, command.subject, policy, command.at)
      if (command._tag === "RecordDecision") {
        if (gaps.length > 0) return yield* incomplete(gaps)
        return emit({
          _tag: "DecisionRecorded",
          decisionId: command.decisionId,
          authorityId: command.by.authorityId,
          subject: command.subject,
          sittingId: command.sitting.sittingId,
          heardAt: command.sitting.endsAt,
          content: command.content,
          signOffsNeeded: policy.decision.signOff.map(({ role, ruleId }) => ({ role, ruleId })),
          ...audit
        })
      }
      const needed = agreementsNeeded(policy, command.subject)
      if (needed.length === 0) {
        return yield* new NotApplicable({
          message: `This authority does not agree these requests outside panel (${policy.outsidePanel.ruleId}): bring them to a sitting.`
        })
      }
      const outsideGaps = [...gaps, ...outsidePanelGaps(command.content, command.subject, policy, command.placedAt !== undefined)]
      if (outsideGaps.length > 0) return yield* incomplete(outsideGaps)
      const recorded: DecisionEvent = {
        _tag: "OutsidePanelAgreementRecorded",
        decisionId: command.decisionId,
        authorityId: command.by.authorityId,
        subject: command.subject,
        ruleId: policy.outsidePanel.ruleId,
        content: command.content,
        whyOutsidePanel: command.whyOutsidePanel,
        timescales: command.timescales,
        ...(command.placedAt === undefined ? {} : { placedAt: command.placedAt }),
        agreementsNeeded: needed.map(({ anyOf }) => ({ anyOf })),
        retrospectivePresentation: policy.outsidePanel.retrospectivePresentation,
        ...audit
      }
      // The person recording it agrees at the same time when they hold a role the agreement needs.
      const own = needed.find((entry) => holds(command.by.actor.roles, entry.anyOf))
      const role = own?.anyOf.find((candidate) => command.by.actor.roles.includes(candidate))
      return role === undefined ? emit(recorded) : emit(recorded, { _tag: "OutsidePanelAgreed", role, ...audit, by: { ...audit.by, role } })
    }

    const decision = yield* existing(state)
    switch (command._tag) {
      case "EditDecision": {
        if (decision.status === "final" || decision.signOffs.length > 0 || (decision.outsidePanel?.agreements.length ?? 0) > 0) {
          return yield* new DecisionIsFinal({
            message: "This decision has been signed or agreed: record an amendment saying what changed, why and who approved it."
          })
        }
        const gaps = contentGaps(command.content, decision.subject, policy, command.at)
        if (gaps.length > 0) return yield* incomplete(gaps)
        return emit({ _tag: "DecisionEdited", content: command.content, ...audit })
      }
      case "SignOff": {
        const next = decision.pendingSignOffs[0]
        if (next === undefined) return yield* new DecisionIsFinal({ message: "This decision is already signed off." })
        if (!command.by.actor.roles.includes(next.role)) {
          return yield* new NotTheRightPerson({
            ruleId: next.ruleId,
            message: `This decision is waiting for the ${roleLabel[next.role]} to sign it off (${next.ruleId}).`
          })
        }
        return emit({ _tag: "DecisionSignedOff", role: next.role, ruleId: next.ruleId, ...audit, by: { ...audit.by, role: next.role } })
      }
      case "AgreeOutsidePanel": {
        const outside = decision.outsidePanel
        if (outside === undefined) return yield* new NotApplicable({ message: "This decision was made at panel, not outside it." })
        if (outside.pendingAgreements.length === 0) return yield* new DecisionIsFinal({ message: "Everyone needed has already agreed." })
        const entry = outside.pendingAgreements.find((candidate) => holds(command.by.actor.roles, candidate.anyOf))
        if (entry === undefined) {
          const waiting = outside.pendingAgreements.map((candidate) => describeRoles(candidate.anyOf)).join(" and the ")
          return yield* new NotTheRightPerson({
            ruleId: outside.ruleId,
            message: `This agreement is waiting for the ${waiting} (${outside.ruleId}).`
          })
        }
        const role = entry.anyOf.find((candidate) => command.by.actor.roles.includes(candidate))!
        return emit({ _tag: "OutsidePanelAgreed", role, ...audit, by: { ...audit.by, role } })
      }
      case "AmendDecision": {
        yield* final(decision)
        if (!(["panel_chair", "vice_chair", "assistant_director"] as const).includes(command.approvedBy.role as never)) {
          return yield* new NotTheRightPerson({ message: "An amendment to a signed decision is approved by the chair, the vice chair or the Assistant Director." })
        }
        const gaps = contentGaps(command.content, decision.subject, policy, command.at)
        if (gaps.length > 0) return yield* incomplete(gaps)
        return emit({ _tag: "DecisionAmended", content: command.content, whatChanged: command.whatChanged, why: command.why, approvedBy: command.approvedBy, ...audit })
      }
      case "CompleteAction":
        yield* actionOf(decision, command.actionId)
        return emit({ _tag: "ActionCompleted", actionId: command.actionId, evidence: command.evidence, ...audit })
      case "MarkActionOutstanding":
        yield* actionOf(decision, command.actionId)
        return emit({ _tag: "ActionOutstanding", actionId: command.actionId, reason: command.reason, ...audit })
      case "RecordActionsCaseNote": {
        const rule = policy.decision.actionsCaseNote
        if (rule === undefined) return yield* new NotApplicable({ message: "This authority does not ask for an actions case note." })
        const open = decision.content.actions.filter((action) => action.progress._tag === "Open")
        if (open.length > 0) {
          return yield* new ActionsNotUpdated({
            actionIds: open.map((action) => action.actionId),
            message: `The case note updates every action (${rule.ruleId}): complete these or give the reason they are outstanding: ${open.map((action) => `"${action.description}"`).join(", ")}.`
          })
        }
        return emit({ _tag: "ActionsCaseNoteRecorded", note: command.note, ...audit })
      }
      case "RecordFgcReferralReceived": {
        const action = decision.content.actions.find((candidate) => candidate.actionId === command.actionId)
        if (action === undefined || !action.fgcReferral) {
          return yield* new NoSuchAction({ message: `This decision has no Family Group Conference referral ${command.actionId} (LIN-9).` })
        }
        if (decision.fgcReferralsReceived.some((received) => received.actionId === command.actionId)) {
          return yield* new ActionAlreadyClosed({ message: "The FGC service has already received this referral." })
        }
        return emit({ _tag: "FgcReferralReceived", actionId: command.actionId, ...audit })
      }
      case "ApproveChangeOfCircumstances": {
        const approver = policy.decision.changeOfCircumstancesApprover
        if (approver === undefined) return yield* new NotApplicable({ message: "This authority sets no approver for a change of circumstances." })
        if (!command.by.actor.roles.includes(approver.role)) {
          return yield* new NotTheRightPerson({
            ruleId: approver.ruleId,
            message: `Only the ${roleLabel[approver.role]} approves alternative action when circumstances change (${approver.ruleId}).`
          })
        }
        yield* final(decision)
        return emit({ _tag: "ChangeOfCircumstancesApproved", circumstances: command.circumstances, alternativeAction: command.alternativeAction, ...audit })
      }
      case "WaiveReturn": {
        const rule = policy.decision.returnWaivableByCaseNote
        if (rule === undefined || decision.content.returnToPanel === undefined) {
          return yield* new NotApplicable({ message: "There is no return to panel to close by case note here." })
        }
        if (decision.returnWaived) return yield* new DecisionIsFinal({ message: "The return to panel was already closed by case note." })
        return emit({ _tag: "ReturnWaived", caseNote: command.caseNote, ...audit })
      }
      case "RecordS20Task": {
        const outside = decision.outsidePanel
        if (outside?.placedAt === undefined || policy.outsidePanel.s20Tasks === undefined) {
          return yield* new NotApplicable({ message: "The 48-hour tasks apply to section 20 accommodation agreed outside panel (LIN-12)." })
        }
        if (outside.s20TasksDone.some((done) => done.task === command.task)) {
          return yield* new ActionAlreadyClosed({ message: "That task is already recorded." })
        }
        return emit({ _tag: "S20TaskDone", task: command.task, note: command.note, ...audit })
      }
    }
  })

export const decisionDecider: Decider<DecisionCommand, DecisionEvent, DecisionState, DecisionRefusal, AuthorityContext> = {
  initialState: undefined,
  evolve: evolveDecision,
  decide
}
