import { confirmedCasesText, type Decision, type DecisionState, sittingChairFor } from "../decision/Decision.js"
import { citation, headlineCitation } from "../policy/citation.js"
import { decisionClocks } from "../decision/decisionClocks.js"
import { heardAgain } from "../decision/laterHearings.js"
import type { DecisionEvent } from "../decision/DecisionEvents.js"
import { formatInstant } from "../calendar/format.js"
import { requestTypeLabel } from "../policy/RequestType.js"
import type { Notification } from "../ports/Notification.js"
import type { Role } from "../shared/roles.js"
import { describeRoles, roleLabel } from "../shared/roles.js"
import { type ActBy, actByClock, type Addressee, addressTo, clockNamed, earliest, factsOf, iso, personAs, roleHolder, socialWorkerOf, teamManagerOf } from "./address.js"
import { type NotificationContext, redactFor, summary } from "./CaseContext.js"
import { complexNeedsNotice } from "./complexNeedsNotice.js"
import { decisionLines, outcomeWord } from "./decisionText.js"
import { recordName } from "./recordName.js"

/** Events after which a decision may have become final: the last sign-off or agreement, or none needed. */
const finalising: ReadonlyArray<DecisionEvent["_tag"]> = ["DecisionRecorded", "DecisionSignedOff", "OutsidePanelAgreementRecorded", "OutsidePanelAgreed"]

const decisionFacts = (decision: Decision) =>
  factsOf({
    decisionId: decision.id,
    referralId: decision.subject.referralId,
    sittingId: decision.sittingId,
    madeAt: decision.madeAt,
    outcome: decision.content.outcome,
    requestTypes: decision.subject.requestTypes.join(","),
    childIds: decision.subject.childIds.join(","),
    heardAt: iso(decision.heardAt),
    actions: decision.content.actions.length
  })

/** The request, what it asks and its children, by id only. */
const requestLine = (decision: Decision) =>
  `Request ${decision.subject.referralId}: ${decision.subject.requestTypes.map((type) => requestTypeLabel[type]).join("; ")}. Children: ${decision.subject.childIds.join(", ")}.`

/** When each reader must act: the team manager by the LIN-6 case note where the authority runs it, else by their first open action. */
const actByFor = (decision: Decision, context: NotificationContext) => {
  const clocks = decisionClocks(decision, context, [], { nextSittingStartsAt: undefined, presentedAt: undefined })
  const open = decision.content.actions.filter((action) => action.progress._tag === "Open")
  const actionsOf = (role: Role | undefined): ReadonlyArray<ActBy> =>
    open
      .filter((action) => role === undefined || action.ownerRole === role)
      .flatMap((action) => {
        const spec = clockNamed(clocks, `${decision.id}:action:${action.actionId}`)
        return spec === undefined ? [] : [actByClock(spec, context)]
      })
  const caseNote = clockNamed(clocks, `${decision.id}:actions-case-note`)
  return {
    social_worker: earliest(actionsOf("social_worker")) ?? earliest(actionsOf(undefined)),
    team_manager:
      caseNote === undefined ? (earliest(actionsOf("team_manager")) ?? earliest(actionsOf(undefined))) : actByClock(caseNote, context)
  }
}

/** One notification per caseholder, each with the act-by that is theirs. */
const toCaseholders = (decision: Decision, context: NotificationContext, draft: Omit<Parameters<typeof addressTo>[1], "actBy">) => {
  const actBy = actByFor(decision, context)
  const to: ReadonlyArray<Addressee> = [...socialWorkerOf(context.case), teamManagerOf(context.case)]
  return to.flatMap((addressee) =>
    addressTo(decision.authorityId, { ...draft, actBy: addressee.key === "social_worker" ? actBy.social_worker : actBy.team_manager }, [addressee])
  )
}

/**
 * Who must act after a decision's commit. While it waits: the next signatory (CPR-8, NSO-8) or each role whose
 * agreement an outside-panel decision needs (SUP-7, NSO-10, LIN-11). Once final: the social worker and the team
 * manager, with the outcome, the rationale, what was agreed and every action with its owner and due date (CPR-8,
 * SUP-6, NSO-8, LIN-6); again after an amendment. A proposal outside panel that lapses as its request is heard again
 * while it waits, or that one asked to agree refuses: those still asked to agree it, and its proposer (NSO-10, LIN-11),
 * beside the caseholders for a refusal. With shared funding, the Complex Needs Panel's administrator (CPR-6). The social worker is named only when the context carries the
 * case (the decision does not hold the form); the team manager falls back to the role. Matches `Aggregate.notifications`.
 */
export const decisionNotifications = (
  events: ReadonlyArray<DecisionEvent>,
  state: DecisionState,
  context: NotificationContext
): ReadonlyArray<Notification> => {
  if (state === undefined || events.length === 0) return []
  const decision = state
  const redact = redactFor(context)
  const named = recordName(decision.subject, decision.subject.referralId)
  const notifications: Notification[] = []
  const changed = events.some((event) => finalising.includes(event._tag))

  const nextSignOff = decision.pendingSignOffs[0]
  if (decision.status === "awaiting_sign_off" && nextSignOff !== undefined && changed) {
    const chair = sittingChairFor(decision, nextSignOff)
    const signer = chair === undefined ? `the ${describeRoles(nextSignOff.roles)}'s` : `${chair.name}'s (who chaired the sitting)`
    notifications.push(
      ...addressTo(
        decision.authorityId,
        {
          id: `${decision.id}:sign-off:${decision.signOffs.length}`,
          kind: "decision.awaiting_sign_off",
          headline: `Panel decision ${named} is waiting for ${signer} sign-off (${headlineCitation(nextSignOff.ruleId)})`,
          body: [`Check the decision sheet and sign it off (${citation(nextSignOff.ruleId, context.policy)}).`, ...decisionLines(decision, redact, context.policy)],
          facts: factsOf({ ...decisionFacts(decision), signOffRole: nextSignOff.roles.join(","), signOffPersonId: chair?.personId, ruleId: nextSignOff.ruleId })
        },
        chair === undefined ? nextSignOff.roles.map(roleHolder) : [personAs("sitting_chair", chair)]
      )
    )
  }

  const outside = decision.outsidePanel
  const confirmed = confirmedCasesText(decision, context.policy)
  if (decision.status === "awaiting_agreement" && outside !== undefined && events.some((event) => event._tag === "OutsidePanelAgreementRecorded")) {
    notifications.push(
      ...addressTo(
        decision.authorityId,
        {
          id: `${decision.id}:agreement`,
          kind: "decision.awaiting_agreement",
          headline: `An urgent decision outside panel ${named} needs your agreement (${headlineCitation(outside.ruleId)})`,
          body: [
            `Why it could not wait for panel: ${summary(redact(outside.whyOutsidePanel))}`,
            ...(confirmed === undefined ? [] : [`Agreed only as: ${confirmed}`]),
            ...decisionLines(decision, redact, context.policy)
          ],
          facts: factsOf({ ...decisionFacts(decision), ruleId: outside.ruleId })
        },
        outside.pendingAgreements.flatMap((entry) => entry.anyOf.map(roleHolder))
      )
    )
  }

  for (const event of events) {
    if (event._tag !== "OutsidePanelAgreementRefused" || outside === undefined) continue
    // NSO-10: the proposal lapsed; the caseholders, told of an agreement once final, are told it will not be; so are
    // those still asked to agree it and its proposer (unless a caseholder), who would otherwise still wait on it.
    const refusal = {
      id: `${decision.id}:refused`,
      kind: "decision.agreement_refused",
      headline: `The urgent decision outside panel ${named} was not agreed: the ${roleLabel[event.role]} refused it (${headlineCitation(outside.ruleId)})`,
      body: [
        `Refused by ${event.by.name} (${roleLabel[event.role]}) at ${formatInstant(event.at)}: ${summary(redact(event.reason))}`,
        `The proposal has lapsed (${citation(outside.ruleId, context.policy)}): nothing was agreed outside panel, and none of its actions is owed.`,
        requestLine(decision),
        "The request is as it was before the proposal: bring it to a sitting, or record a new agreement outside panel if circumstances change."
      ],
      facts: factsOf({ ...decisionFacts(decision), ruleId: outside.ruleId, refusedRole: event.role, refusedAt: iso(event.at) })
    }
    const caseholders = [context.case?.socialWorker?.personId, context.case?.teamManager?.personId]
    const stillAsked = outside.pendingAgreements.filter((entry) => !entry.anyOf.includes(event.role)).flatMap((entry) => entry.anyOf.map(roleHolder))
    const proposer = caseholders.includes(decision.recordedBy.personId) ? [] : [personAs("proposer", decision.recordedBy)]
    notifications.push(
      ...toCaseholders(decision, context, refusal),
      ...addressTo(decision.authorityId, { ...refusal, id: `${decision.id}:refused:asked` }, [...stillAsked, ...proposer])
    )
  }

  const overtaken = outside?.overtaken
  const lapsedNow = events.some((event) => event._tag === "LaterHearingNoted" && event.hearing.decisionId === overtaken?.decisionId)
  if (decision.status === "lapsed" && outside !== undefined && overtaken !== undefined && lapsedNow) {
    // NSO-10, LIN-11: those asked to agree it (and who have not) and its proposer would otherwise still wait on it.
    const heard = heardAgain(overtaken)
    notifications.push(
      ...addressTo(
        decision.authorityId,
        {
          id: `${decision.id}:lapsed`,
          kind: "decision.lapsed",
          headline: `The urgent decision outside panel ${named} lapsed: ${heard} before it was agreed (${headlineCitation(outside.ruleId)})`,
          body: [
            `The proposal has lapsed (${citation(outside.ruleId, context.policy)}): ${heard} before it was agreed. Nothing is to be agreed on it, and none of its actions is owed.`,
            `Proposed by ${decision.recordedBy.name} (${roleLabel[decision.recordedBy.role]}) at ${formatInstant(decision.heardAt)}. Why it could not wait for panel: ${summary(redact(outside.whyOutsidePanel))}`,
            requestLine(decision),
            "The decision made at the hearing stands. If circumstances have changed since, record a new agreement outside panel."
          ],
          facts: factsOf({
            ...decisionFacts(decision),
            ruleId: outside.ruleId,
            overtakenBy: overtaken.decisionId,
            overtakenAt: iso(overtaken.heardAt),
            overtakenAtPanel: overtaken.atPanel,
            overtakenSittingId: overtaken.sittingId
          })
        },
        [...outside.pendingAgreements.flatMap((entry) => entry.anyOf.map(roleHolder)), personAs("proposer", decision.recordedBy)]
      )
    )
  }

  if (decision.status === "final" && changed) {
    notifications.push(
      ...toCaseholders(decision, context, {
        id: `${decision.id}:final`,
        kind: "decision.final",
        headline: `Panel decision ${named}: ${outcomeWord[decision.content.outcome]}`,
        body: decisionLines(decision, redact, context.policy),
        facts: decisionFacts(decision)
      })
    )
  }

  notifications.push(...complexNeedsNotice(events, decision, context, decisionFacts(decision)))

  const waivedUnder = context.policy.decision.returnWaivableByCaseNote
  for (const event of events) {
    if (event._tag !== "ReturnWaived" || waivedUnder === undefined) continue
    // LIN-7: the email update to Safeguarding & Review, Lincolnshire's panel administration (LIN-3), goes with the case note.
    notifications.push(
      ...addressTo(
        decision.authorityId,
        {
          id: `${decision.id}:return-waived`,
          kind: "decision.return_waived",
          headline: `Request ${named} will not return to panel: progress made it unnecessary (${waivedUnder})`,
          body: [
            `Case note: ${summary(redact(event.caseNote))}`,
            `Recorded by ${event.by.name} at ${formatInstant(event.at)}, within the return's timescale (${citation(waivedUnder, context.policy)}).`,
            ...decisionLines(decision, redact, context.policy)
          ],
          facts: factsOf({ ...decisionFacts(decision), ruleId: waivedUnder, waivedAt: iso(event.at) })
        },
        [roleHolder("panel_administrator")]
      )
    )
  }

  for (const event of events) {
    if (event._tag !== "DecisionAmended") continue
    notifications.push(
      ...toCaseholders(decision, context, {
        id: `${decision.id}:amended:${decision.amendments.length}`,
        kind: "decision.amended",
        headline: `Panel decision ${named} was amended: now ${outcomeWord[decision.content.outcome]}`,
        body: [
          `What changed: ${summary(redact(event.whatChanged))}`,
          `Why: ${summary(redact(event.why))} (approved by ${event.approvedBy.name}, ${roleLabel[event.approvedBy.role]}).`,
          ...decisionLines(decision, redact, context.policy)
        ],
        facts: factsOf({ ...decisionFacts(decision), amendment: decision.amendments.length, amendedAt: iso(event.at) })
      })
    )
  }
  return notifications
}
