import { ChildId, ChildRecords, EpoOutcome } from "@carepanel/core"
import { Schema } from "effect"
import { optional } from "../../graphql/decodeInput.js"
import { childRecordRefusals } from "../errors/refusals.js"
import { commandMutation } from "../mutation.js"
import { using } from "../run.js"
import { EpoOutcomeEnum } from "../shared/enums.js"
import { ChildRecordRef } from "./childRecordType.js"

const type = ChildRecordRef
const refusals = childRecordRefusals

commandMutation("recordEmergencyProtectionOrder", {
  description: "STAT-S44: the court's emergency protection order, made at `madeAt` for `days` whole days (1-8); starts the clock to its end.",
  type,
  refusals,
  fields: (t) => ({ childId: t.id({ required: true }), madeAt: t.field({ type: "DateTime", required: true }), days: t.int({ required: true }) }),
  schema: Schema.Struct({ childId: ChildId, madeAt: Schema.DateTimeUtc, days: Schema.Int }),
  execute: (actor, { childId, madeAt, days }) => using(ChildRecords, (records) => records.recordEmergencyProtectionOrder(actor, childId, madeAt, days))
})

commandMutation("extendEmergencyProtectionOrder", {
  description: "STAT-S44: the one extension of the order in force, by 1-7 days from its first end.",
  type,
  refusals,
  fields: (t) => ({ childId: t.id({ required: true }), days: t.int({ required: true }) }),
  schema: Schema.Struct({ childId: ChildId, days: Schema.Int }),
  execute: (actor, { childId, days }) => using(ChildRecords, (records) => records.extendEmergencyProtectionOrder(actor, childId, days))
})

commandMutation("recordEmergencyProtectionOrderEnded", {
  description: "STAT-S44: how the order ended (returned home, s20 with consent, an interim care order, discharged) and when (default now); meets the clock to its end.",
  type,
  refusals,
  fields: (t) => ({ childId: t.id({ required: true }), outcome: t.field({ type: EpoOutcomeEnum, required: true }), endedAt: t.field({ type: "DateTime" }) }),
  schema: Schema.Struct({ childId: ChildId, outcome: EpoOutcome, endedAt: optional(Schema.DateTimeUtc) }),
  execute: (actor, { childId, outcome, endedAt }) => using(ChildRecords, (records) => records.recordEmergencyProtectionOrderEnded(actor, childId, outcome, endedAt))
})
