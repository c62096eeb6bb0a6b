import { DateTime, Effect } from "effect"
import { formatDate, formatInstant } from "../calendar/format.js"
import { londonDateOf } from "../calendar/londonTime.js"
import { resolveClock } from "../calendar/resolveClock.js"
import { actedBy } from "../shared/authorise.js"
import type { AuthorityContext } from "../shared/authorityContext.js"
import { citation } from "../policy/citation.js"
import { oneOfRoles, type Role, roleLabel } from "../shared/roles.js"
import type { Decision } from "./Decision.js"
import type { Action } from "./DecisionParts.js"
import type { DecisionCommand } from "./DecisionCommands.js"
import { ActionAlreadyClosed, ActionsNotUpdated, DecisionIsFinal, NoSuchAction, NotApplicable, NotTheRightPerson, ReturnOverdue } from "./DecisionErrors.js"
import { emit, final, roleFor } from "./decideShared.js"
import { actionRecorders } from "./decisionPermissions.js"
import { templateSentRefusal } from "./complexNeedsReferral.js"
import { comeBack } from "./decisionClocks.js"

export type FollowUp = Extract<
  DecisionCommand,
  {
    readonly _tag:
      | "CompleteAction"
      | "MarkActionOutstanding"
      | "RecordActionsCaseNote"
      | "RecordFgcReferralReceived"
      | "ApproveChangeOfCircumstances"
      | "WaiveReturn"
      | "RecordS20Task"
      | "RecordComplexNeedsTemplateSent"
  }
>

const openAction = (decision: Decision, actionId: string) => {
  const action = decision.content.actions.find((candidate) => candidate.actionId === actionId)
  if (action === undefined) return Effect.fail(new NoSuchAction({ message: `This decision has no action ${actionId}.` }))
  if (action.progress._tag === "Completed") {
    return Effect.fail(new ActionAlreadyClosed({ message: `"${action.description}" is already completed.` }))
  }
  if (action.progress._tag === "Replaced") {
    return Effect.fail(new ActionAlreadyClosed({ message: `"${action.description}" was replaced by the alternative action approved when circumstances changed.` }))
  }
  return Effect.succeed(action)
}

/** CPR-8: an action recorder may record any action's progress; anyone else only an action they own (its owner role). */
const recordsThisAction = (command: Extract<FollowUp, { _tag: "CompleteAction" | "MarkActionOutstanding" }>, action: Action) => {
  const anyAction: ReadonlyArray<Role> = actionRecorders[command._tag]
  if (anyAction.includes(command.by.role) || command.by.actor.roles.includes(action.ownerRole)) return Effect.void
  const doing = command._tag === "CompleteAction" ? "complete" : "record why it is outstanding"
  return Effect.fail(
    new NotTheRightPerson({
      message: `"${action.description}" is owned by ${oneOfRoles([action.ownerRole])}: only its owner or ${oneOfRoles(anyAction)} can ${doing}.`
    })
  )
}

/** LIN-7: within its timescale, a return to panel may be closed by a case note; after it, the case comes back. */
const waiveReturn = (command: Extract<FollowUp, { _tag: "WaiveReturn" }>, decision: Decision, { policy, calendar }: AuthorityContext) =>
  Effect.gen(function* () {
    const rule = policy.decision.returnWaivableByCaseNote
    // What the decision asks back (`comeBack`): its return date, and the end of the accommodation an approval agreed
    // (LIN-5); the case note comes within the sooner of the two.
    const { returnToPanel, accommodationWeeks } = comeBack(decision)
    const weeks = [returnToPanel?.withinWeeks, accommodationWeeks].filter((within): within is number => within !== undefined)
    if (rule !== undefined && decision.content.outcome === "defer" && decision.content.returnToPanel !== undefined) {
      return yield* new NotApplicable({ message: "A deferred request comes back to panel by itself, not by its return date: if it is no longer needed, withdraw the request." })
    }
    if (rule === undefined || weeks.length === 0) return yield* new NotApplicable({ message: "There is no return to panel to close by case note here." })
    if (decision.returnWaived) return yield* new DecisionIsFinal({ message: "The return to panel was already closed by case note." })
    const { due, phrase } = resolveClock({ _tag: "WeeksAfter", weeks: Math.min(...weeks) }, { instant: decision.heardAt }, calendar)
    if (DateTime.greaterThan(command.at, due)) {
      return yield* new ReturnOverdue({
        ruleId: rule,
        due: DateTime.formatIso(due),
        message:
          `The return to panel was due by ${formatInstant(due)} (${citation(rule, policy)}: ${phrase} the sitting on ${formatDate(londonDateOf(decision.heardAt))}). ` +
          "It is too late to close it by case note: bring the case back to panel."
      })
    }
    return emit({ _tag: "ReturnWaived", caseNote: command.caseNote, by: actedBy(command.by), at: command.at })
  })

/** What happens after a decision: its actions (CPR-8, LIN-6, LIN-9), changes of circumstances (LIN-8), LIN-7, LIN-12 and CPR-6. */
export const decideFollowUp = (command: FollowUp, decision: Decision, context: AuthorityContext) =>
  Effect.gen(function* () {
    const { policy } = context
    const audit = { by: actedBy(command.by), at: command.at }
    switch (command._tag) {
      case "CompleteAction":
        yield* recordsThisAction(command, yield* openAction(decision, command.actionId))
        return emit({ _tag: "ActionCompleted", actionId: command.actionId, evidence: command.evidence, ...audit })
      case "MarkActionOutstanding":
        yield* recordsThisAction(command, yield* openAction(decision, command.actionId))
        return emit({ _tag: "ActionOutstanding", actionId: command.actionId, reason: command.reason, ...audit })
      case "RecordActionsCaseNote": {
        const rule = policy.decision.actionsCaseNote
        if (rule === undefined) return yield* new NotApplicable({ message: "This authority does not ask for an actions case note." })
        const open = decision.content.actions.filter((action) => action.progress._tag === "Open")
        if (open.length > 0) {
          return yield* new ActionsNotUpdated({
            actionIds: open.map((action) => action.actionId),
            message: `The case note updates every action (${citation(rule.ruleId, policy)}): complete these or give the reason they are outstanding: ${open.map((action) => `"${action.description}"`).join(", ")}.`
          })
        }
        return emit({ _tag: "ActionsCaseNoteRecorded", note: command.note, ...audit })
      }
      case "RecordFgcReferralReceived": {
        const action = decision.content.actions.find((candidate) => candidate.actionId === command.actionId)
        if (action === undefined || !action.fgcReferral) {
          const escalation = policy.decision.fgcReferralEscalations[0]?.clock.ruleId
          return yield* new NoSuchAction({
            message: `This decision has no Family Group Conference referral ${command.actionId}${escalation === undefined ? "" : ` (${citation(escalation, policy)})`}.`
          })
        }
        if (decision.fgcReferralsReceived.some((received) => received.actionId === command.actionId)) {
          return yield* new ActionAlreadyClosed({ message: "The FGC service has already received this referral." })
        }
        return emit({ _tag: "FgcReferralReceived", actionId: command.actionId, ...audit })
      }
      case "ApproveChangeOfCircumstances": {
        const approver = policy.decision.changeOfCircumstancesApprover
        if (approver === undefined) return yield* new NotApplicable({ message: "This authority sets no approver for a change of circumstances." })
        if (roleFor(command.by, [approver.role]) === undefined) {
          return yield* new NotTheRightPerson({
            ruleId: approver.ruleId,
            message: `Only the ${roleLabel[approver.role]} approves alternative action when circumstances change (${citation(approver.ruleId, policy)}).`
          })
        }
        yield* final(decision)
        const replaces = [...new Set(command.replaces ?? [])]
        for (const actionId of replaces) yield* openAction(decision, actionId)
        return emit({
          _tag: "ChangeOfCircumstancesApproved",
          circumstances: command.circumstances,
          alternativeAction: command.alternativeAction,
          ...(replaces.length === 0 ? {} : { replaces }),
          ...audit
        })
      }
      case "WaiveReturn":
        return yield* waiveReturn(command, decision, context)
      case "RecordS20Task": {
        const outside = decision.outsidePanel
        const tasks = policy.outsidePanel.s20Tasks
        if (tasks === undefined) {
          return yield* new NotApplicable({ message: "This authority's policy sets no 48-hour tasks after section 20 accommodation agreed outside panel." })
        }
        if (outside?.placedAt === undefined) {
          return yield* new NotApplicable({ message: `The 48-hour tasks apply to section 20 accommodation agreed outside panel (${citation(tasks.clock.ruleId, policy)}).` })
        }
        if (outside.s20TasksDone.some((done) => done.task === command.task)) {
          return yield* new ActionAlreadyClosed({ message: "That task is already recorded." })
        }
        return emit({ _tag: "S20TaskDone", task: command.task, note: command.note, ...audit })
      }
      case "RecordComplexNeedsTemplateSent":
        yield* templateSentRefusal(decision, policy)
        return emit({ _tag: "ComplexNeedsTemplateSent", note: command.note, ...audit })
    }
  })
