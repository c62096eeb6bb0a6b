import { type CommandBody, commandHandler } from "../shared/commandHandler.js"
import { Effect, Schema } from "effect"
import type { WorkingCalendar } from "../calendar/WorkingCalendar.js"
import type { EventStore, } from "../ports/EventStore.js"
import type { Policies } from "../ports/Policies.js"
import { IdGenerator } from "../ports/IdGenerator.js"
import { ReadModels } from "../ports/ReadModels.js"
import type { Actor } from "../shared/actor.js"
import { everyRole } from "../shared/roles.js"
import { authorise, type Permission, permission } from "../shared/authorise.js"
import { NotFound } from "../shared/errors.js"
import { ReferralId } from "../shared/ids.js"
import { Referral } from "./Referral.js"
import type { ReferralCommand, SittingFacts } from "./ReferralCommands.js"
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
  GrantLatePermission: permission("let a late request onto the agenda", "panel_chair", "vice_chair", "assistant_director"),
  AcceptOntoSitting: permission("put a request on a sitting", "panel_administrator"),
  RecordHearing: permission("record a decision on a request", "panel_administrator", "panel_chair", "vice_chair", "assistant_director", "head_of_service", "service_manager"),
  Withdraw: permission("withdraw a request", "social_worker", "practice_supervisor", "team_manager"),
  Redirect: permission("send a request to another panel", "panel_administrator", "panel_chair", "vice_chair")
} satisfies Record<ReferralCommand["_tag"], Permission>

export const referralReaders = permission("read panel requests", ...everyRole)

/** The panel-request use cases: authorise, load, decide, append, in that order, every time. */
export class Referrals extends Effect.Service<Referrals>()("@carepanel/core/Referrals", {
  effect: Effect.gen(function* () {
    const ids = yield* IdGenerator
    const context = yield* Effect.context<EventStore | Policies | WorkingCalendar>()
    const readModels = yield* ReadModels

    const handle = commandHandler(referralAggregate, referralPermissions, "request")
    const run = (actor: Actor, referralId: ReferralId, body: CommandBody<ReferralCommand>) =>
      handle(actor, referralId, body).pipe(Effect.provide(context))

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
        run(actor, id, { _tag: "ReturnForChanges", reason }),
      grantLatePermission: (actor: Actor, id: ReferralId, sittingId: SittingFacts["sittingId"], reason: string) =>
        run(actor, id, { _tag: "GrantLatePermission", sittingId, reason }),
      acceptOntoSitting: (actor: Actor, id: ReferralId, sitting: SittingFacts) =>
        run(actor, id, { _tag: "AcceptOntoSitting", sitting }),
      withdraw: (actor: Actor, id: ReferralId, reason: string) => run(actor, id, { _tag: "Withdraw", reason }),
      redirect: (actor: Actor, id: ReferralId, redirectTo: string, reason: string) =>
        run(actor, id, { _tag: "Redirect", redirectTo, reason }),
      /** A request of the actor's own authority; another authority's answers exactly as a missing one. */
      get: (actor: Actor, id: ReferralId) =>
        Effect.gen(function* () {
          yield* authorise(actor, referralReaders)
          const row = yield* readModels.get(referralCollection, actor.authorityId, id)
          if (row === undefined) return yield* Effect.fail(NotFound.of("request", id))
          return yield* Schema.decodeUnknown(Referral)(row.doc).pipe(Effect.orDie)
        })
    }
  })
}) {}
