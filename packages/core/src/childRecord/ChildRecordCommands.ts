import type { DateTime } from "effect"
import type { Authorised } from "../shared/authorise.js"
import type { ChildId } from "../shared/ids.js"
import type { EpoOutcome } from "./EmergencyProtectionOrder.js"

/** Every command carries an authorised actor, the instant it happens and the child it is about. */
interface Base {
  readonly by: Authorised
  readonly at: DateTime.Utc
  readonly childId: ChildId
}

export type ChildRecordCommand =
  /** STAT-S44: the court's order, made at `madeAt`, for `days` whole days (1 to 8). */
  | (Base & { readonly _tag: "RecordEmergencyProtectionOrder"; readonly madeAt: DateTime.Utc; readonly days: number })
  /** STAT-S44: the one extension of the order in force, by 1 to 7 days. */
  | (Base & { readonly _tag: "ExtendEmergencyProtectionOrder"; readonly days: number })
  /** STAT-S44: how the order in force ended, and when (`endedAt`, defaults to `at`). */
  | (Base & { readonly _tag: "RecordEmergencyProtectionOrderEnded"; readonly outcome: EpoOutcome; readonly endedAt?: DateTime.Utc })

export type ChildRecordCommandTag = ChildRecordCommand["_tag"]
