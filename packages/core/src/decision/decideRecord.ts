import { DateTime, Effect } from "effect"
import { formatDate } from "../calendar/format.js"
import { londonDateOf, londonTimeOf } from "../calendar/londonTime.js"
import { citation } from "../policy/citation.js"
import { requestTypeLabel } from "../policy/RequestType.js"
import { actedBy } from "../shared/authorise.js"
import { decidesNothing } from "../sitting/Sitting.js"
import type { AuthorityContext } from "../shared/authorityContext.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import type { CaseToConfirm } from "../policy/DecisionPolicy.js"
import type { DecisionState } from "./Decision.js"
import type { DecisionCommand } from "./DecisionCommands.js"
import { highlightGaps } from "./highlights.js"
import { lineManagementConflict } from "./chairIndependence.js"
import { DecisionAlreadyRecorded, NotApplicable, NotOnAgenda, NotTheRightPerson, SittingNotHeld } from "./DecisionErrors.js"
import type { DecisionEvent } from "./DecisionEvents.js"
import { sharedFundingRefusal } from "./complexNeedsReferral.js"
import { agreementsNeeded, casesToConfirm, contentGaps, outsidePanelGaps, typesNotAgreedOutsidePanel } from "./decisionChecks.js"
import { emit, incomplete, roleFor } from "./decideShared.js"

type Recording = Extract<DecisionCommand, { readonly _tag: "RecordDecision" | "RecordOutsidePanelAgreement" }>

/**
 * CPR-8: the panel's decision on a request on the agenda of a sitting that has started and was not cancelled. NSO-1:
 * nothing is decided before the chair has said whether enough members are present (with a minimum the policy sets,
 * checked then), nor at a sitting the chair found short.
 */
const atPanel = (command: Extract<Recording, { _tag: "RecordDecision" }>, { policy }: AuthorityContext) =>
  Effect.gen(function* () {
    const { sitting } = command
    const panel = `The ${policy.panels.find((candidate) => candidate.id === sitting.panelId)?.name ?? "panel"}`
    if (sitting.cancelled) {
      return yield* new SittingNotHeld({
        reason: "cancelled",
        message: `${panel}'s sitting on ${formatDate(sitting.date)} was cancelled: it decides nothing. Put the request on another sitting.`
      })
    }
    if (!sitting.agenda.includes(command.subject.referralId)) {
      return yield* new NotOnAgenda({ message: `This request is not on the agenda of the sitting on ${formatDate(sitting.date)}.` })
    }
    if (DateTime.lessThan(command.at, sitting.startsAt)) {
      return yield* new SittingNotHeld({
        reason: "not_started",
        message: `${panel} sits at ${londonTimeOf(sitting.startsAt)} on ${formatDate(sitting.date)}: its decisions can be recorded once it has started.`
      })
    }
    const quorumRule = policy.panels.find((candidate) => candidate.id === sitting.panelId)?.quorum
    const cited = quorumRule === undefined ? "" : ` (${citation(quorumRule.ruleId, policy)})`
    if (decidesNothing(sitting)) {
      return yield* new SittingNotHeld({
        reason: "not_quorate",
        message: `${panel}'s chair, ${sitting.quorum.chair.name}, recorded that too few members were present on ${formatDate(sitting.date)}${cited}: the sitting decides nothing. Put the request on another sitting.`
      })
    }
    // Whoever's word it is (the chair's, NSO-1; or a minimum checked when the chair records it), it is said first.
    if (quorumRule !== undefined && sitting.quorum === undefined) {
      return yield* new SittingNotHeld({
        reason: "quorum_not_settled",
        message: `The chair has not yet said whether enough members are present at the sitting on ${formatDate(sitting.date)}${cited}: the chair records that first, then the decisions.`
      })
    }
    const conflict = sitting.quorum === undefined ? undefined : lineManagementConflict(policy, command.subject, sitting.quorum.chair)
    if (conflict !== undefined) {
      return yield* new NotTheRightPerson({ ruleId: policy.decision.chairIndependence?.ruleId, message: conflict })
    }
    yield* sharedFundingRefusal(command.content, policy)
    const gaps = [...contentGaps(command.content, command.subject, policy, sitting.date, "panel"), ...highlightGaps(command.content, policy)]
    if (gaps.length > 0) return yield* incomplete(gaps, policy)
    return emit({
      _tag: "DecisionRecorded",
      decisionId: command.decisionId,
      authorityId: command.by.authorityId,
      subject: command.subject,
      sittingId: sitting.sittingId,
      heardAt: sitting.endsAt,
      content: command.content,
      signOffsNeeded: policy.decision.signOff.map(({ roles, ruleId, bySittingChair }) => ({ roles, ruleId, ...(bySittingChair ? { bySittingChair } : {}) })),
      ...(sitting.quorum === undefined ? {} : { chair: sitting.quorum.chair }),
      by: actedBy(command.by),
      at: command.at
    })
  })

type Agreement = Extract<Recording, { _tag: "RecordOutsidePanelAgreement" }>

/**
 * LIN-11: a type agreed outside panel only in a narrow case Carepanel cannot tell from the request waits for the person
 * recording it to confirm the case. A case for a disabled child is not confirmed on a request that records none: the
 * record, which may be read in court, would say "for a disabled child" against the request's own facts.
 */
const caseNotConfirmed = (command: Agreement, cases: ReadonlyArray<CaseToConfirm>, policy: AuthorityPolicy): NotApplicable | undefined => {
  const onlyAs = (named: ReadonlyArray<CaseToConfirm>) =>
    `${named
      .map((entry) => `${entry.forRequestTypes.filter((type) => command.subject.requestTypes.includes(type)).map((type) => requestTypeLabel[type]).join(" or ")} only as ${entry.onlyAs}`)
      .join("; ")} (${citation(policy.outsidePanel.ruleId, policy)})`
  // A case for a disabled child on a request that records none is refused first, confirmed or not: asking the person
  // to confirm a case the request's facts rule out would only lead to a second refusal.
  const forADisabledChild = cases.filter((entry) => entry.forADisabledChild === true)
  if (forADisabledChild.length > 0 && (command.disabledChildIds ?? []).length === 0) {
    const others = command.subject.requestTypes.some((type) => !forADisabledChild.some((entry) => entry.forRequestTypes.includes(type)))
    return new NotApplicable({
      message: `The request records no child as disabled, and an agreement outside panel covers ${onlyAs(forADisabledChild)}. If a child is disabled, correct the request (return it for changes if it was submitted, mark the child as disabled and submit it again), then record the agreement again; if not, bring it to a sitting${others ? ", or record the rest as its own request" : ""}.`
    })
  }
  if (cases.length > 0 && command.confirmsCase !== true) {
    return new NotApplicable({
      message: `An agreement outside panel covers ${onlyAs(cases)}. Carepanel cannot tell that case from the request: if this request is that case, record the agreement confirming it (confirmsCase); if not, bring it to a sitting, or record the rest as its own request.`
    })
  }
  return undefined
}

/** SUP-7, NSO-10, LIN-11, KNO-5: an urgent agreement outside panel, by the roles the policy names. */
const outsidePanel = (command: Agreement, { policy }: AuthorityContext) =>
  Effect.gen(function* () {
    const needed = agreementsNeeded(policy, command.subject)
    const uncovered = typesNotAgreedOutsidePanel(policy, command.subject)
    if (needed.length === 0) {
      return yield* new NotApplicable({
        message: `This authority does not agree these requests outside panel (${citation(policy.outsidePanel.ruleId, policy)}): bring them to a sitting.`
      })
    }
    if (uncovered.length > 0) {
      return yield* new NotApplicable({
        message: `An agreement outside panel does not cover ${uncovered.map((type) => requestTypeLabel[type]).join(" or ")} (${citation(policy.outsidePanel.ruleId, policy)}): bring that to a sitting, or record the rest as its own request.`
      })
    }
    const cases = casesToConfirm(policy, command.subject)
    const unconfirmed = caseNotConfirmed(command, cases, policy)
    if (unconfirmed !== undefined) return yield* unconfirmed
    const [confirmed, ...alsoConfirmed] = cases.map((entry) => entry.onlyAs)
    const record = {
      whyOutsidePanel: command.whyOutsidePanel,
      timescales: command.timescales,
      placed: command.placedAt !== undefined,
      lpmHeld: command.lpmAt !== undefined
    }
    yield* sharedFundingRefusal(command.content, policy)
    const gaps = [
      ...contentGaps(command.content, command.subject, policy, londonDateOf(command.at), "outside_panel"),
      ...outsidePanelGaps(command.content, command.subject, policy, record)
    ]
    if (gaps.length > 0) return yield* incomplete(gaps, policy)
    const audit = { by: actedBy(command.by), at: command.at }
    const recorded: DecisionEvent = {
      _tag: "OutsidePanelAgreementRecorded",
      decisionId: command.decisionId,
      authorityId: command.by.authorityId,
      subject: command.subject,
      ruleId: policy.outsidePanel.ruleId,
      content: command.content,
      whyOutsidePanel: command.whyOutsidePanel.trim(),
      timescales: command.timescales.trim(),
      ...(command.placedAt === undefined ? {} : { placedAt: command.placedAt }),
      ...(command.lpmAt === undefined ? {} : { lpmAt: command.lpmAt }),
      ...(confirmed === undefined ? {} : { confirmedCases: [confirmed, ...alsoConfirmed] }),
      agreementsNeeded: needed.map(({ anyOf }) => ({ anyOf })),
      retrospectivePresentation: policy.outsidePanel.retrospectivePresentation,
      ...audit
    }
    // The person recording it agrees at the same time when they hold a role the agreement needs.
    const role = needed.map((entry) => roleFor(command.by, entry.anyOf)).find((candidate) => candidate !== undefined)
    return role === undefined ? emit(recorded) : emit(recorded, { _tag: "OutsidePanelAgreed", role, at: command.at, by: { ...audit.by, role } })
  })

export const decideRecording = (command: Recording, state: DecisionState, context: AuthorityContext) =>
  state !== undefined
    ? Effect.fail(new DecisionAlreadyRecorded({ message: `A decision with id ${command.decisionId} already exists.` }))
    : command._tag === "RecordDecision"
      ? atPanel(command, context)
      : outsidePanel(command, context)
