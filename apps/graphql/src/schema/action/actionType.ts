import type { Action, Decision } from "@carepanel/core"
import { builder } from "../builder.js"
import { RoleEnum } from "../shared/enums.js"
import { ActedByRef } from "../shared/objects.js"

/** An action with the decision it comes from. */
export interface ActionView {
  readonly decision: Decision
  readonly action: Action
}

/** A recommended action with an owner and a due date (CPR-8, LIN-5); its clock is in `deadlines` (kind "action"). */
export const ActionRef = builder.objectRef<ActionView>("Action").implement({
  description: "A recommended action from a decision.",
  fields: (t) => ({
    actionId: t.string({ resolve: ({ action }) => action.actionId }),
    decisionId: t.string({ resolve: ({ decision }) => decision.id }),
    referralId: t.string({ resolve: ({ decision }) => decision.subject.referralId }),
    description: t.string({ resolve: ({ action }) => action.description }),
    ownerRole: t.field({ type: RoleEnum, resolve: ({ action }) => action.ownerRole }),
    ownerName: t.string({ nullable: true, resolve: ({ action }) => action.ownerName ?? null }),
    dueDate: t.field({ type: "Date", resolve: ({ action }) => action.dueDate }),
    fgcReferral: t.boolean({ resolve: ({ action }) => action.fgcReferral }),
    progress: t.string({ description: "open, completed, outstanding or replaced (by an alternative action approved when circumstances changed, LIN-8)", resolve: ({ action }) => action.progress._tag.toLowerCase() }),
    evidence: t.string({ nullable: true, resolve: ({ action }) => (action.progress._tag === "Completed" ? action.progress.evidence : null) }),
    outstandingReason: t.string({ nullable: true, resolve: ({ action }) => (action.progress._tag === "Outstanding" ? action.progress.reason : null) }),
    closedBy: t.field({ type: ActedByRef, nullable: true, resolve: ({ action }) => (action.progress._tag === "Open" ? null : action.progress.by) }),
    closedAt: t.field({ type: "DateTime", nullable: true, resolve: ({ action }) => (action.progress._tag === "Open" ? null : action.progress.at) })
  })
})
