import { givenText } from "../shared/givenText.js"
import { DateTime, Effect } from "effect"
import type { WorkingCalendar } from "../calendar/WorkingCalendar.js"
import type { EventStore } from "../ports/EventStore.js"
import { IdGenerator } from "../ports/IdGenerator.js"
import type { Policies } from "../ports/Policies.js"
import { ReadModels } from "../ports/ReadModels.js"
import type { Referral } from "../referral/Referral.js"
import { referralAggregate, referralStreamType } from "../referral/referralAggregate.js"
import { referralPermissions } from "../referral/Referrals.js"
import { decodeDocument } from "../shared/decodedDocuments.js"
import type { Actor } from "../shared/actor.js"
import { authorise } from "../shared/authorise.js"
import { type CommandBody, commandHandler, commandPrepare } from "../shared/commandHandler.js"
import { appendTogether, load, retryOnConflict } from "../shared/commandRunner.js"
import { NotFound } from "../shared/errors.js"
import { type ActionId, DecisionId, type ReferralId, type SittingId } from "../shared/ids.js"
import type { Sitting } from "../sitting/Sitting.js"
import { sittingAggregate, sittingStreamType } from "../sitting/sittingAggregate.js"
import { Decision, decidedAt } from "./Decision.js"
import type { DecisionCommand, SittingHeld } from "./DecisionCommands.js"
import { IncompleteDecision } from "./DecisionErrors.js"
import type { S20Task } from "./DecisionEvents.js"
import type { DecisionContent, Subject } from "./DecisionParts.js"
import { decisionAggregate, decisionCollection, decisionStreamType } from "./decisionAggregate.js"
import { hearingFor } from "./decisionHearing.js"
import { readWhere } from "../agenda/readAll.js"
import { decisionAwaits, hangsOnAHearing } from "../deadlines/awaiting.js"
import { decisionPermissions, decisionReaders } from "./decisionPermissions.js"
import { requestAsItStands } from "./requestAsItStands.js"

const subjectOf = (referral: Referral): Effect.Effect<Subject, IncompleteDecision> => {
  const [child, ...children] = referral.form.children.map((candidate) => candidate.childId)
  const [type, ...types] = referral.form.requestTypes
  if (child !== undefined && type !== undefined) {
    const { teamId, teamManager } = referral.form
    return Effect.succeed({
      referralId: referral.id,
      childIds: [child, ...children],
      requestTypes: [type, ...types],
      ...(teamId === undefined ? {} : { teamId }),
      ...(teamManager === undefined ? {} : { teamManager })
    })
  }
  return Effect.fail(
    new IncompleteDecision({
      missing: [{ field: "request", label: "the children and what is requested" }],
      message: "The request must name at least one child and what is requested before a decision is recorded on it."
    })
  )
}

/** What the decider needs to know of the sitting, read from the sitting's own record. */
const heldAt = (sitting: Sitting): SittingHeld => ({
  sittingId: sitting.id,
  panelId: sitting.panelId,
  date: sitting.date,
  startsAt: sitting.startsAt,
  endsAt: sitting.endsAt,
  cancelled: sitting.cancelled !== undefined,
  agenda: sitting.agenda.map((item) => item.referralId),
  ...(sitting.quorum === undefined
    ? {}
    : { quorum: { enough: sitting.quorum.enough, chair: { personId: sitting.quorum.by.personId, name: sitting.quorum.by.name } } })
})

/** Decisions at panel and outside it, their actions and their follow-up (CPR-8, LIN-5..9, SUP-7, NSO-10, LIN-11). */
export class Decisions extends Effect.Service<Decisions>()("@carepanel/core/Decisions", {
  effect: Effect.gen(function* () {
    const ids = yield* IdGenerator
    const readModels = yield* ReadModels
    const context = yield* Effect.context<EventStore | Policies | WorkingCalendar | ReadModels>()

    const handle = commandHandler(decisionAggregate, decisionPermissions, "decision")
    const prepareDecision = commandPrepare(decisionAggregate, decisionPermissions, "decision")
    // The request's side: prepared beside the decision and appended with it in one transaction.
    const prepareHearing = commandPrepare(referralAggregate, referralPermissions, "request")
    const run = (actor: Actor, decisionId: DecisionId, body: CommandBody<DecisionCommand>) =>
      handle(actor, decisionId, body).pipe(Effect.provide(context))

    /**
     * A decision is a later hearing of its request from its recording at panel, or outside panel from its last
     * agreement: the request's earlier decisions still waiting on one (a return to panel, a review, an agreement outside
     * panel, which it lapses) are told of it, so their clocks are met without reading the request's every decision.
     */
    const tellEarlierDecisions = (actor: Actor, decision: Decision) =>
      Effect.gen(function* () {
        const siblings = yield* readWhere(decisionCollection, Decision, actor.authorityId, { referralId: decision.subject.referralId })
        // A proposal outside panel still waiting for an agreement is told whatever its clocks await: the hearing lapses it.
        const waiting = siblings.filter(
          (earlier) =>
            DateTime.lessThan(earlier.heardAt, decision.heardAt) && (earlier.status === "awaiting_agreement" || decisionAwaits(earlier).some(hangsOnAHearing))
        )
        const hearing = {
          decisionId: decision.id,
          heardAt: decidedAt(decision),
          atPanel: decision.madeAt === "panel",
          ...(decision.sittingId === undefined ? {} : { sittingId: decision.sittingId })
        }
        return yield* Effect.forEach(waiting, (earlier) => prepareDecision(actor, earlier.id, { _tag: "NoteLaterHearing", hearing }))
      })

    /**
     * A command that may reach the request (recording, the last agreement, a change of outcome): the decision
     * and the request are decided together and appended in one transaction, with the notes on the request's earlier
     * decisions when it becomes a hearing, so a refusal from any, or a change to any by someone else meanwhile, writes
     * nothing (the conflict reloads them and decides again).
     */
    const decide = (actor: Actor, decisionId: DecisionId, body: CommandBody<DecisionCommand>) =>
      Effect.gen(function* () {
        const decision = yield* prepareDecision(actor, decisionId, body)
        if (decision.after === undefined) return yield* Effect.fail(NotFound.of("decision", decisionId))
        const hearing = hearingFor(decision.before, decision.after)
        const request = hearing === undefined ? undefined : yield* prepareHearing(actor, decision.after.subject.referralId, hearing)
        // The request first hears of it (recorded at panel, or outside panel with its last agreement): so do its earlier decisions.
        const notes = hearing?._tag === "RecordHearing" ? yield* tellEarlierDecisions(actor, decision.after) : []
        yield* appendTogether([decision.commit, request?.commit, ...notes.map((note) => note.commit)])
        return decision.after
      }).pipe(retryOnConflict, Effect.provide(context))

    const loaded = <S>(found: { readonly state: S }, what: string, id: string) =>
      found.state === undefined ? Effect.fail(NotFound.of(what, id)) : Effect.succeed(found.state as NonNullable<S>)
    const loadReferral = (actor: Actor, referralId: ReferralId) =>
      load(referralAggregate, { authorityId: actor.authorityId, streamType: referralStreamType, id: referralId }).pipe(
        Effect.flatMap((found) => loaded(found, "request", referralId))
      )
    const loadSitting = (actor: Actor, sittingId: SittingId) =>
      load(sittingAggregate, { authorityId: actor.authorityId, streamType: sittingStreamType, id: sittingId }).pipe(
        Effect.flatMap((found) => loaded(found, "sitting", sittingId))
      )

    const newId = ids.next("dec").pipe(Effect.map(DecisionId.make))

    return {
      /** The panel's decision on a request on the agenda of a sitting that has started (CPR-8). */
      recordAtPanel: (actor: Actor, referralId: ReferralId, sittingId: SittingId, content: DecisionContent) =>
        Effect.gen(function* () {
          yield* authorise(actor, decisionPermissions.RecordDecision)
          const referral = yield* loadReferral(actor, referralId)
          const sitting = yield* loadSitting(actor, sittingId)
          const decisionId = yield* newId
          return yield* decide(actor, decisionId, { _tag: "RecordDecision", decisionId, subject: yield* subjectOf(referral), sitting: heldAt(sitting), content })
        }).pipe(Effect.provide(context)),
      /** An urgent agreement outside panel (SUP-7, NSO-10, LIN-11). */
      recordOutsidePanel: (
        actor: Actor,
        referralId: ReferralId,
        agreement: {
          readonly content: DecisionContent
          readonly whyOutsidePanel: string
          readonly timescales: string
          readonly placedAt?: DateTime.Utc
          readonly lpmAt?: DateTime.Utc
          /** LIN-11: the request is the narrow case its type is agreed outside panel only as. */
          readonly confirmsCase?: boolean
        }
      ) =>
        Effect.gen(function* () {
          yield* authorise(actor, decisionPermissions.RecordOutsidePanelAgreement)
          const referral = yield* loadReferral(actor, referralId)
          const decisionId = yield* newId
          const { disabledChildIds } = requestAsItStands(referral)
          return yield* decide(actor, decisionId, { _tag: "RecordOutsidePanelAgreement", decisionId, subject: yield* subjectOf(referral), ...agreement, disabledChildIds })
        }).pipe(Effect.provide(context)),
      /** Agreed to the request as it stands now: one changed since the proposal is refused (`requestChanged`). */
      agreeOutsidePanel: (actor: Actor, id: DecisionId) =>
        Effect.gen(function* () {
          yield* authorise(actor, decisionPermissions.AgreeOutsidePanel)
          const proposed = yield* load(decisionAggregate, { authorityId: actor.authorityId, streamType: decisionStreamType, id }).pipe(
            Effect.flatMap((found) => loaded(found, "decision", id))
          )
          const referral = yield* loadReferral(actor, proposed.subject.referralId)
          return yield* decide(actor, id, { _tag: "AgreeOutsidePanel", request: requestAsItStands(referral) })
        }).pipe(Effect.provide(context)),
      /** NSO-10: a holder of an awaited agreement's role will not give it, saying why; the proposal lapses. */
      refuseOutsidePanel: (actor: Actor, id: DecisionId, reason: string) =>
        Effect.flatMap(givenText(reason, "reason"), (reason) => run(actor, id, { _tag: "RefuseOutsidePanel", reason })),
      /** Before sign-off; a changed outcome reaches the request. */
      edit: (actor: Actor, id: DecisionId, content: DecisionContent) => decide(actor, id, { _tag: "EditDecision", content }),
      /**
       * The next sign-off. `forTheChairBecause`: a deputy the sitting's panel names to chair in the chair's absence
       * signs the sitting chair's step for them, saying why the person who chaired cannot (DEF-CHAIR-SIGNS).
       */
      signOff: (actor: Actor, id: DecisionId, forTheChairBecause?: string) =>
        Effect.gen(function* () {
          const decision = yield* load(decisionAggregate, { authorityId: actor.authorityId, streamType: decisionStreamType, id })
          const sitting = decision.state?.sittingId === undefined ? undefined : yield* loadSitting(actor, decision.state.sittingId)
          return yield* run(actor, id, {
            _tag: "SignOff",
            ...(sitting === undefined ? {} : { panelId: sitting.panelId }),
            ...(forTheChairBecause === undefined ? {} : { forTheChairBecause })
          })
        }).pipe(Effect.provide(context)),
      /** A correction to a signed decision, approved by the person recording it; a changed outcome reaches the request. */
      amend: (actor: Actor, id: DecisionId, amendment: { readonly content: DecisionContent; readonly whatChanged: string; readonly why: string }) =>
        decide(actor, id, { _tag: "AmendDecision", ...amendment }),
      completeAction: (actor: Actor, id: DecisionId, actionId: ActionId, evidence: string) =>
        Effect.flatMap(givenText(evidence, "evidence"), (evidence) => run(actor, id, { _tag: "CompleteAction", actionId, evidence })),
      markActionOutstanding: (actor: Actor, id: DecisionId, actionId: ActionId, reason: string) =>
        Effect.flatMap(givenText(reason, "reason"), (reason) => run(actor, id, { _tag: "MarkActionOutstanding", actionId, reason })),
      recordActionsCaseNote: (actor: Actor, id: DecisionId, note: string) =>
        Effect.flatMap(givenText(note, "note"), (note) => run(actor, id, { _tag: "RecordActionsCaseNote", note })),
      recordFgcReferralReceived: (actor: Actor, id: DecisionId, actionId: ActionId) =>
        run(actor, id, { _tag: "RecordFgcReferralReceived", actionId }),
      /** `replaces`: the actions the alternative action takes the place of (LIN-8); they are no longer owed. */
      approveChangeOfCircumstances: (actor: Actor, id: DecisionId, circumstances: string, alternativeAction: string, replaces: ReadonlyArray<ActionId> = []) =>
        run(actor, id, { _tag: "ApproveChangeOfCircumstances", circumstances, alternativeAction, ...(replaces.length === 0 ? {} : { replaces }) }),
      waiveReturn: (actor: Actor, id: DecisionId, caseNote: string) => run(actor, id, { _tag: "WaiveReturn", caseNote }),
      recordS20Task: (actor: Actor, id: DecisionId, task: S20Task, note: string) => run(actor, id, { _tag: "RecordS20Task", task, note }),
      /** CPR-6: the administrator emailed the Complex Needs Panel referral template to the social worker. */
      recordComplexNeedsTemplateSent: (actor: Actor, id: DecisionId, note: string) => run(actor, id, { _tag: "RecordComplexNeedsTemplateSent", note }),
      get: (actor: Actor, id: DecisionId) =>
        Effect.gen(function* () {
          yield* authorise(actor, decisionReaders)
          const row = yield* readModels.get(decisionCollection, actor.authorityId, id)
          if (row === undefined) return yield* Effect.fail(NotFound.of("decision", id))
          return yield* decodeDocument(Decision, row.doc)
        })
    }
  })
}) {}
