import { type CommandBody, commandHandler } from "../shared/commandHandler.js"
import { DateTime, Effect, Schema } from "effect"
import type { WorkingCalendar } from "../calendar/WorkingCalendar.js"
import { formatDate } from "../calendar/format.js"
import type { EventStore, StreamRef } from "../ports/EventStore.js"
import { IdGenerator } from "../ports/IdGenerator.js"
import type { Policies } from "../ports/Policies.js"
import { ReadModels } from "../ports/ReadModels.js"
import type { Referral } from "../referral/Referral.js"
import { referralAggregate, referralStreamType } from "../referral/referralAggregate.js"
import { referralPermissions } from "../referral/Referrals.js"
import type { ActedBy, Actor } from "../shared/actor.js"
import { authorise, type Permission, permission } from "../shared/authorise.js"
import { authorityContext } from "../shared/authorityContext.js"
import { execute, load } from "../shared/commandRunner.js"
import { NotFound } from "../shared/errors.js"
import { type ActionId, DecisionId, type ReferralId, type SittingId } from "../shared/ids.js"
import { sittingAggregate, sittingStreamType } from "../sitting/sittingAggregate.js"
import { Decision } from "./Decision.js"
import type { DecisionCommand } from "./DecisionCommands.js"
import { IncompleteDecision, NotOnAgenda } from "./DecisionErrors.js"
import type { S20Task } from "./DecisionEvents.js"
import type { DecisionContent, Subject } from "./DecisionParts.js"
import { decisionAggregate, decisionCollection, } from "./decisionAggregate.js"

const chairs = ["panel_chair", "vice_chair", "assistant_director"] as const
const caseholders = ["social_worker", "practice_supervisor", "team_manager"] as const

export const decisionPermissions = {
  RecordDecision: permission("record a panel decision", "panel_administrator", ...chairs),
  RecordOutsidePanelAgreement: permission(
    "record an agreement outside panel",
    "head_of_service", "service_manager", "assistant_director", "panel_chair", "vice_chair", "team_manager"
  ),
  EditDecision: permission("edit a decision before sign-off", "panel_administrator", ...chairs),
  SignOff: permission("sign off a decision", ...chairs, "head_of_service"),
  AgreeOutsidePanel: permission("agree a decision outside panel", "head_of_service", "service_manager", ...chairs),
  AmendDecision: permission("amend a signed decision", "panel_administrator", ...chairs),
  CompleteAction: permission("complete an action", ...caseholders, "service_manager", "panel_administrator"),
  MarkActionOutstanding: permission("record why an action is outstanding", ...caseholders, "service_manager"),
  RecordActionsCaseNote: permission("record the actions case note", "team_manager"),
  RecordFgcReferralReceived: permission("record an FGC referral as received", "practice_supervisor", "team_manager", "panel_administrator"),
  ApproveChangeOfCircumstances: permission("approve alternative action", "service_manager", "head_of_service", "assistant_director"),
  WaiveReturn: permission("close a return to panel by case note", "team_manager", "practice_supervisor"),
  RecordS20Task: permission("record a 48-hour task", ...caseholders)
} satisfies Record<DecisionCommand["_tag"], Permission>

export const decisionReaders = permission(
  "read decisions",
  ...caseholders, "head_of_service", "service_manager", ...chairs, "panel_administrator", "panel_member", "integrator", "auditor"
)

const subjectOf = (referral: Referral): Effect.Effect<Subject, IncompleteDecision> => {
  const [child, ...children] = referral.form.children.map((candidate) => candidate.childId)
  const [type, ...types] = referral.form.requestTypes
  if (child !== undefined && type !== undefined) {
    return Effect.succeed({ referralId: referral.id, childIds: [child, ...children], requestTypes: [type, ...types] })
  }
  return Effect.fail(
    new IncompleteDecision({
      missing: [{ field: "request", label: "the children and what is requested" }],
      message: "The request must name at least one child and what is requested before a decision is recorded on it."
    })
  )
}

/** Decisions at panel and outside it, their actions and their follow-up (CPR-8, LIN-5..9, SUP-7, NSO-10, LIN-11). */
export class Decisions extends Effect.Service<Decisions>()("@carepanel/core/Decisions", {
  effect: Effect.gen(function* () {
    const ids = yield* IdGenerator
    const readModels = yield* ReadModels
    const context = yield* Effect.context<EventStore | Policies | WorkingCalendar>()

    const handle = commandHandler(decisionAggregate, decisionPermissions, "decision")
    const run = (actor: Actor, decisionId: DecisionId, body: CommandBody<DecisionCommand>) =>
      handle(actor, decisionId, body).pipe(Effect.provide(context))

    const loadReferral = (actor: Actor, referralId: ReferralId) =>
      load(referralAggregate, { authorityId: actor.authorityId, streamType: referralStreamType, id: referralId }).pipe(
        Effect.flatMap(({ state }) => (state === undefined ? Effect.fail(NotFound.of("request", referralId)) : Effect.succeed(state)))
      )

    /** Tells the request it was heard (a deferral puts it back in line for a later sitting). */
    const recordHearing = (actor: Actor, decision: Decision) =>
      Effect.gen(function* () {
        const by = yield* authorise(actor, referralPermissions.RecordHearing)
        const at = yield* DateTime.now
        const stream: StreamRef = { authorityId: by.authorityId, streamType: referralStreamType, id: decision.subject.referralId }
        const command = {
          _tag: "RecordHearing" as const,
          decisionId: decision.id,
          outcome: decision.content.outcome,
          ...(decision.sittingId === undefined ? {} : { sittingId: decision.sittingId }),
          by,
          at
        }
        yield* execute(referralAggregate, stream, command, yield* authorityContext(by.authorityId))
        return decision
      })

    const newId = ids.next("dec").pipe(Effect.map(DecisionId.make))

    return {
      /** The panel's decision on a request on the sitting's agenda. */
      recordAtPanel: (actor: Actor, referralId: ReferralId, sittingId: SittingId, content: DecisionContent) =>
        Effect.gen(function* () {
          const referral = yield* loadReferral(actor, referralId)
          const { state: sitting } = yield* load(sittingAggregate, { authorityId: actor.authorityId, streamType: sittingStreamType, id: sittingId })
          if (sitting === undefined) return yield* Effect.fail(NotFound.of("sitting", sittingId))
          if (!sitting.agenda.some((item) => item.referralId === referralId)) {
            return yield* new NotOnAgenda({ message: `This request is not on the agenda of the sitting on ${formatDate(sitting.date)}.` })
          }
          const decisionId = yield* newId
          const decision = yield* run(actor, decisionId, {
            _tag: "RecordDecision",
            decisionId,
            subject: yield* subjectOf(referral),
            sitting: { sittingId, endsAt: sitting.endsAt },
            content
          })
          return yield* recordHearing(actor, decision)
        }).pipe(Effect.provide(context)),
      /** An urgent agreement outside panel (SUP-7, NSO-10, LIN-11). */
      recordOutsidePanel: (
        actor: Actor,
        referralId: ReferralId,
        agreement: { readonly content: DecisionContent; readonly whyOutsidePanel: string; readonly timescales: string; readonly placedAt?: DateTime.Utc }
      ) =>
        Effect.gen(function* () {
          const referral = yield* loadReferral(actor, referralId)
          const decisionId = yield* newId
          const decision = yield* run(actor, decisionId, { _tag: "RecordOutsidePanelAgreement", decisionId, subject: yield* subjectOf(referral), ...agreement })
          return decision.status === "final" ? yield* recordHearing(actor, decision) : decision
        }).pipe(Effect.provide(context)),
      agreeOutsidePanel: (actor: Actor, id: DecisionId) =>
        run(actor, id, { _tag: "AgreeOutsidePanel" }).pipe(
          Effect.flatMap((decision) => (decision.status === "final" ? recordHearing(actor, decision) : Effect.succeed(decision))),
          Effect.provide(context)
        ),
      edit: (actor: Actor, id: DecisionId, content: DecisionContent) => run(actor, id, { _tag: "EditDecision", content }),
      signOff: (actor: Actor, id: DecisionId) => run(actor, id, { _tag: "SignOff" }),
      amend: (actor: Actor, id: DecisionId, amendment: { readonly content: DecisionContent; readonly whatChanged: string; readonly why: string; readonly approvedBy: ActedBy }) =>
        run(actor, id, { _tag: "AmendDecision", ...amendment }),
      completeAction: (actor: Actor, id: DecisionId, actionId: ActionId, evidence: string) =>
        run(actor, id, { _tag: "CompleteAction", actionId, evidence }),
      markActionOutstanding: (actor: Actor, id: DecisionId, actionId: ActionId, reason: string) =>
        run(actor, id, { _tag: "MarkActionOutstanding", actionId, reason }),
      recordActionsCaseNote: (actor: Actor, id: DecisionId, note: string) => run(actor, id, { _tag: "RecordActionsCaseNote", note }),
      recordFgcReferralReceived: (actor: Actor, id: DecisionId, actionId: ActionId) =>
        run(actor, id, { _tag: "RecordFgcReferralReceived", actionId }),
      approveChangeOfCircumstances: (actor: Actor, id: DecisionId, circumstances: string, alternativeAction: string) =>
        run(actor, id, { _tag: "ApproveChangeOfCircumstances", circumstances, alternativeAction }),
      waiveReturn: (actor: Actor, id: DecisionId, caseNote: string) => run(actor, id, { _tag: "WaiveReturn", caseNote }),
      recordS20Task: (actor: Actor, id: DecisionId, task: S20Task, note: string) => run(actor, id, { _tag: "RecordS20Task", task, note }),
      get: (actor: Actor, id: DecisionId) =>
        Effect.gen(function* () {
          yield* authorise(actor, decisionReaders)
          const row = yield* readModels.get(decisionCollection, actor.authorityId, id)
          if (row === undefined) return yield* Effect.fail(NotFound.of("decision", id))
          return yield* Schema.decodeUnknown(Decision)(row.doc).pipe(Effect.orDie)
        })
    }
  })
}) {}
