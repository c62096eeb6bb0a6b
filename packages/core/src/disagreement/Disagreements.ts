import { decodeDocument } from "../shared/decodedDocuments.js"
import { type CommandBody, commandHandler } from "../shared/commandHandler.js"
import { Effect } from "effect"
import type { WorkingCalendar } from "../calendar/WorkingCalendar.js"
import type { EventStore } from "../ports/EventStore.js"
import { IdGenerator } from "../ports/IdGenerator.js"
import type { Policies } from "../ports/Policies.js"
import { ReadModels } from "../ports/ReadModels.js"
import { decisionAggregate, decisionStreamType } from "../decision/decisionAggregate.js"
import type { Actor } from "../shared/actor.js"
import { authorise, type Permission, permission } from "../shared/authorise.js"
import { load } from "../shared/commandRunner.js"
import { NotFound } from "../shared/errors.js"
import { type DecisionId, DisagreementId, type ReferralId, type SittingId } from "../shared/ids.js"
import { sittingAggregate, sittingStreamType } from "../sitting/sittingAggregate.js"
import { Disagreement, type DisagreementStatus } from "./Disagreement.js"
import type { DisagreementCommand, DissentDetails, DissentedDecision, OutcomeDetails } from "./DisagreementCommands.js"
import type { DisagreementParty, EscalationStep } from "./DisagreementEvents.js"
import { disagreementAggregate, disagreementCollection } from "./disagreementAggregate.js"

/** Everyone who sits on a panel, by the roles members hold (SUP-1): the decider narrows each step to a person. */
const members = [
  "panel_member", "team_manager", "practice_supervisor", "head_of_service", "service_manager", "assistant_director",
  "panel_chair", "vice_chair"
] as const

/** Who may do what to a disagreement. The decider checks the finer rules (whose dissent, whose step). */
export const disagreementPermissions = {
  RecordDissent: permission("record a formal dissent from a panel decision", ...members, "panel_administrator"),
  NoteAreasOfDisagreement: permission("note the areas of disagreement", "panel_chair", "vice_chair", "panel_administrator"),
  Escalate: permission("escalate a disagreement", ...members),
  RecordOutcome: permission("record the outcome of a disagreement", "assistant_director", "panel_chair", "vice_chair"),
  Withdraw: permission("withdraw a dissent", ...members)
} satisfies Record<DisagreementCommand["_tag"], Permission>

/** Panel members, managers, the administrator and auditors; not social workers or integrators (an internal matter). */
export const disagreementReaders = permission("read disagreements", ...members, "panel_administrator", "auditor")

export interface DisagreementFilter {
  readonly status?: DisagreementStatus
  readonly decisionId?: DecisionId
  readonly referralId?: ReferralId
  readonly sittingId?: SittingId
}

/** The disagreement use cases: authorise, load, decide, append, in that order, every time. */
export class Disagreements extends Effect.Service<Disagreements>()("@carepanel/core/Disagreements", {
  effect: Effect.gen(function* () {
    const ids = yield* IdGenerator
    const context = yield* Effect.context<EventStore | Policies | WorkingCalendar>()
    const readModels = yield* ReadModels

    const handle = commandHandler(disagreementAggregate, disagreementPermissions, "disagreement")
    const run = (actor: Actor, disagreementId: DisagreementId, body: CommandBody<DisagreementCommand>) =>
      handle(actor, disagreementId, body).pipe(Effect.provide(context))

    /** The decision as stored under the actor's authority (another authority's answers as a missing one), and its sitting. */
    const dissentedDecision = (actor: Actor, decisionId: DecisionId) =>
      Effect.gen(function* () {
        const stream = (streamType: string, id: string) => ({ authorityId: actor.authorityId, streamType, id })
        const { state: decision } = yield* load(decisionAggregate, stream(decisionStreamType, decisionId))
        if (decision === undefined) return yield* Effect.fail(NotFound.of("decision", decisionId))
        const facts: DissentedDecision = {
          decisionId,
          referralId: decision.subject.referralId,
          madeAt: decision.madeAt,
          actions: decision.content.actions.map(({ actionId, description }) => ({ actionId, description }))
        }
        if (decision.madeAt !== "panel" || decision.sittingId === undefined) return facts
        const { state: sitting } = yield* load(sittingAggregate, stream(sittingStreamType, decision.sittingId))
        if (sitting === undefined) return yield* Effect.fail(NotFound.of("sitting", decision.sittingId))
        return { ...facts, sitting: { sittingId: sitting.id, panelId: sitting.panelId, date: sitting.date, attendance: sitting.attendance } }
      })

    return {
      /** CPR-7: a member's formal dissent, recorded by them or for them at panel. */
      recordDissent: (actor: Actor, { decisionId, ...details }: DissentDetails) =>
        Effect.gen(function* () {
          yield* authorise(actor, disagreementPermissions.RecordDissent)
          const decision = yield* dissentedDecision(actor, decisionId)
          const disagreementId = DisagreementId.make(yield* ids.next("dis"))
          return yield* run(actor, disagreementId, { _tag: "RecordDissent", disagreementId, decision, ...details })
        }).pipe(Effect.provide(context)),
      noteAreas: (actor: Actor, id: DisagreementId, areas: ReadonlyArray<string>) =>
        run(actor, id, { _tag: "NoteAreasOfDisagreement", areas }),
      escalate: (actor: Actor, id: DisagreementId, step: EscalationStep, to: DisagreementParty) =>
        run(actor, id, { _tag: "Escalate", step, to }),
      recordOutcome: (actor: Actor, id: DisagreementId, outcome: OutcomeDetails) =>
        run(actor, id, { _tag: "RecordOutcome", ...outcome }),
      withdraw: (actor: Actor, id: DisagreementId, reason: string) => run(actor, id, { _tag: "Withdraw", reason }),
      /** A disagreement of the actor's own authority; another authority's answers exactly as a missing one. */
      get: (actor: Actor, id: DisagreementId) =>
        Effect.gen(function* () {
          yield* authorise(actor, disagreementReaders)
          const row = yield* readModels.get(disagreementCollection, actor.authorityId, id)
          if (row === undefined) return yield* Effect.fail(NotFound.of("disagreement", id))
          return yield* decodeDocument(Disagreement, row.doc)
        }),
      /** The actor's authority's disagreements, e.g. those against one decision or heard at one sitting. */
      list: (actor: Actor, filter: DisagreementFilter = {}) =>
        Effect.gen(function* () {
          yield* authorise(actor, disagreementReaders)
          const where = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined))
          const rows = yield* readModels.query({ collection: disagreementCollection, authorityId: actor.authorityId, where })
          return yield* Effect.forEach(rows, (row) => decodeDocument(Disagreement, row.doc))
        })
    }
  })
}) {}
