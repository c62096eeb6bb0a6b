import { givenText } from "../shared/givenText.js"
import { type CommandBody, commandHandler } from "../shared/commandHandler.js"
import { Effect } from "effect"
import type { WorkingCalendar } from "../calendar/WorkingCalendar.js"
import type { EventStore, } from "../ports/EventStore.js"
import type { Policies } from "../ports/Policies.js"
import { IdGenerator } from "../ports/IdGenerator.js"
import { ReadModels } from "../ports/ReadModels.js"
import type { Actor } from "../shared/actor.js"
import { everyRole } from "../shared/roles.js"
import { authorise, type Permission, permission } from "../shared/authorise.js"
import { decodeDocument } from "../shared/decodedDocuments.js"
import { NotFound } from "../shared/errors.js"
import { ReferralId, type SittingId } from "../shared/ids.js"
import type { RuleId } from "../policy/rules.js"
import { readSitting } from "../sitting/readSitting.js"
import { formatDate } from "../calendar/format.js"
import { WrongSitting } from "./ReferralErrors.js"
import { Referral } from "./Referral.js"
import type { ReferralCommand } from "./ReferralCommands.js"
import type { DocumentRef } from "./ReferralEvents.js"
import type { ReferralForm } from "./ReferralForm.js"
import { referralAggregate, referralCollection, } from "./referralAggregate.js"

/** Who may do what to a request. The decider checks the finer rules (the next approver, late permission). */
export const referralPermissions = {
  CreateDraft: permission("start a panel request", "social_worker", "practice_supervisor", "team_manager"),
  EditDraft: permission("edit a panel request", "social_worker", "practice_supervisor", "team_manager"),
  RecordDocument: permission("add a document to a request", "social_worker", "practice_supervisor", "team_manager", "panel_administrator"),
  Submit: permission("submit a panel request", "social_worker", "practice_supervisor", "team_manager"),
  Approve: permission("approve a panel request", "team_manager", "head_of_service", "service_manager"),
  ReturnForChanges: permission("return a request for changes", "team_manager", "head_of_service", "service_manager", "panel_administrator"),
  // The policy names who (DEF-LATE-PERMISSION: the chair or a deputy, a Head of Service at North Somerset, NSO-1).
  GrantLatePermission: permission("let a late request onto the agenda", "panel_chair", "vice_chair", "assistant_director", "head_of_service"),
  AcceptOntoSitting: permission("put a request on a sitting", "panel_administrator"),
  LeaveCancelledSitting: permission("take a request off a cancelled sitting", "panel_administrator", "panel_chair", "vice_chair", "assistant_director", "head_of_service", "service_manager"),
  // Whoever may record a decision tells the request of it (a team manager may write up an agreement outside panel).
  RecordHearing: permission("record a decision on a request", "panel_administrator", "panel_chair", "vice_chair", "assistant_director", "head_of_service", "service_manager", "team_manager"),
  // Whoever may edit or amend a decision: a changed outcome reaches the request.
  ReviseHearing: permission("revise a decision on a request", "panel_administrator", "panel_chair", "vice_chair", "assistant_director"),
  Withdraw: permission("withdraw a request", "social_worker", "practice_supervisor", "team_manager"),
  Redirect: permission("send a request to another panel", "panel_administrator", "panel_chair", "vice_chair")
} satisfies Record<ReferralCommand["_tag"], Permission>

export const referralReaders = permission("read panel requests", ...everyRole)

/** Why and where a request leaves the panel: a rule of the policy that applies to it (NSO-7, LIN-4, its scope). */
export interface Redirection {
  readonly ruleId: RuleId
  readonly reason: string
  /** Where it goes; the policy's own answer wins where the rule names the panel (NSO-7). */
  readonly redirectTo?: string
}

/** The panel-request use cases: authorise, load, decide, append, in that order, every time. */
export class Referrals extends Effect.Service<Referrals>()("@carepanel/core/Referrals", {
  effect: Effect.gen(function* () {
    const ids = yield* IdGenerator
    const context = yield* Effect.context<EventStore | Policies | WorkingCalendar>()
    const readModels = yield* ReadModels

    const handle = commandHandler(referralAggregate, referralPermissions, "request")
    const run = (actor: Actor, referralId: ReferralId, body: CommandBody<ReferralCommand>) =>
      handle(actor, referralId, body).pipe(Effect.provide(context))

    const sittingOf = (actor: Actor, sittingId: SittingId) => readSitting(actor.authorityId, sittingId).pipe(Effect.provideService(ReadModels, readModels))

    /** The request as its read model holds it; undefined when there is none (or it is another authority's). */
    const referralOf = (actor: Actor, id: ReferralId) =>
      Effect.flatMap(readModels.get(referralCollection, actor.authorityId, id), (row) =>
        row === undefined ? Effect.succeed(undefined) : decodeDocument(Referral, row.doc)
      )

    /** Role first, then the sitting from its own record: the caller names a sitting, never its facts. */
    const sittingFor = (actor: Actor, tag: "GrantLatePermission" | "AcceptOntoSitting", sittingId: SittingId) =>
      Effect.zipRight(authorise(actor, referralPermissions[tag]), sittingOf(actor, sittingId))

    /**
     * The sitting cancelled by another process while this one accepted the request onto it (`Sittings.cancel` takes
     * off only the requests it sees): the request goes back in line, and the administrator is told to choose another.
     */
    const notCancelledMeanwhile = (actor: Actor, id: ReferralId, sittingId: SittingId) =>
      Effect.gen(function* () {
        const sitting = yield* sittingOf(actor, sittingId)
        if (sitting.cancelled === undefined) return
        // The cancellation may have taken it off already, after seeing this acceptance.
        yield* Effect.ignore(run(actor, id, { _tag: "LeaveCancelledSitting", sittingId, sittingDate: sitting.date }))
        return yield* new WrongSitting({ message: `The sitting on ${formatDate(sitting.date)} was cancelled: choose another sitting for this request.` })
      })

    /** The sitting a request is accepted onto, if it is: whether that sitting can still hear it. */
    const sittingOnNow = (actor: Actor, id: ReferralId) =>
      Effect.gen(function* () {
        const referral = yield* referralOf(actor, id)
        if (referral?.status !== "accepted" || referral.sittingId === undefined) return undefined
        const sitting = yield* sittingOf(actor, referral.sittingId)
        return { id: sitting.id, quorum: sitting.quorum }
      })

    return {
      createDraft: (actor: Actor, form: ReferralForm) =>
        ids.next("ref").pipe(
          Effect.map(ReferralId.make),
          Effect.flatMap((referralId) => run(actor, referralId, { _tag: "CreateDraft", referralId, form }))
        ),
      editDraft: (actor: Actor, id: ReferralId, form: ReferralForm) => run(actor, id, { _tag: "EditDraft", form }),
      recordDocument: (actor: Actor, id: ReferralId, document: DocumentRef) =>
        run(actor, id, { _tag: "RecordDocument", document }),
      submit: (actor: Actor, id: ReferralId) => run(actor, id, { _tag: "Submit" }),
      approve: (actor: Actor, id: ReferralId) => run(actor, id, { _tag: "Approve" }),
      returnForChanges: (actor: Actor, id: ReferralId, reason: string) =>
        Effect.flatMap(givenText(reason, "reason"), (reason) => run(actor, id, { _tag: "ReturnForChanges", reason })),
      /** The chair lets a late request onto one sitting of its panel (CPR-4). */
      grantLatePermission: (actor: Actor, id: ReferralId, sittingId: SittingId, reason: string) =>
        Effect.flatMap(givenText(reason, "reason"), (reason) =>
          sittingFor(actor, "GrantLatePermission", sittingId).pipe(Effect.flatMap((sitting) => run(actor, id, { _tag: "GrantLatePermission", sitting, reason })))
        ),
      /**
       * The administrator puts a ready request on a sitting, or one whose sitting the chair found too few members for
       * (NSO-1) on another; the deadline is the sitting's own start.
       */
      acceptOntoSitting: (actor: Actor, id: ReferralId, sittingId: SittingId) =>
        sittingFor(actor, "AcceptOntoSitting", sittingId).pipe(
          Effect.flatMap((sitting) =>
            Effect.gen(function* () {
              const from = yield* sittingOnNow(actor, id)
              return yield* run(actor, id, { _tag: "AcceptOntoSitting", sitting, ...(from === undefined ? {} : { from }) })
            })
          ),
          Effect.tap(() => notCancelledMeanwhile(actor, id, sittingId))
        ),
      withdraw: (actor: Actor, id: ReferralId, reason: string) =>
        Effect.flatMap(givenText(reason, "reason"), (reason) => run(actor, id, { _tag: "Withdraw", reason })),
      /** Sends a request elsewhere, or closes one that need not be presented, under a rule that applies (NSO-7, LIN-4). */
      redirect: (actor: Actor, id: ReferralId, redirection: Redirection) =>
        Effect.flatMap(givenText(redirection.reason, "reason"), (reason) => run(actor, id, { _tag: "Redirect", ...redirection, reason })),
      /** A request of the actor's own authority; another authority's answers exactly as a missing one. */
      get: (actor: Actor, id: ReferralId) =>
        Effect.gen(function* () {
          yield* authorise(actor, referralReaders)
          const referral = yield* referralOf(actor, id)
          if (referral === undefined) return yield* Effect.fail(NotFound.of("request", id))
          return referral
        })
    }
  })
}) {}
