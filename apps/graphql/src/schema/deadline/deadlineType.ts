import type { Deadline } from "@carepanel/core"
import { builder } from "../builder.js"
import { DeadlineStateEnum } from "../shared/enums.js"

export const DeadlineSubjectKindEnum = builder.enumType("DeadlineSubjectKind", {
  values: ["referral", "sitting", "decision", "action", "disagreement", "placement", "child"] as const
})

/** One clock: the rule it comes from, when it is due, and why in words a person reads. */
export const DeadlineRef = builder.objectRef<Deadline>("Deadline").implement({
  description: "A clock: its rule id, when it is due, and an explanation a person can read.",
  fields: (t) => ({
    id: t.id({ resolve: (deadline) => deadline.id }),
    aboutKind: t.field({ type: DeadlineSubjectKindEnum, resolve: (deadline) => deadline.about.kind }),
    aboutId: t.string({ resolve: (deadline) => deadline.about.id }),
    aboutChildIds: t.stringList({
      description: "The children whose case the clock is about; empty for a sitting's clocks (and a request's stored before they were kept).",
      resolve: (deadline) => deadline.about.childIds ?? []
    }),
    title: t.exposeString("title"),
    ruleId: t.exposeString("ruleId"),
    due: t.field({ type: "DateTime", resolve: (deadline) => deadline.due }),
    state: t.field({ type: DeadlineStateEnum, resolve: (deadline) => deadline.state }),
    metAt: t.field({ type: "DateTime", nullable: true, resolve: (deadline) => deadline.metAt ?? null }),
    metLate: t.boolean({ nullable: true, resolve: (deadline) => deadline.metLate ?? null }),
    explanation: t.exposeString("explanation", { nullable: true })
  })
})
