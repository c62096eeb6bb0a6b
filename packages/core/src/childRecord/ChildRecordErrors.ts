import { Schema } from "effect"
import { RuleId } from "../policy/rules.js"
import type { NotYetHappened } from "../regulation24/PlacementErrors.js"
import type { NoSuchRecord } from "../shared/errors.js"

/** STAT-S44: an order's period or extension outside the statute's limits, or a second extension. */
export class EpoPeriodRefused extends Schema.TaggedError<EpoPeriodRefused>()("EpoPeriodRefused", {
  ruleId: RuleId,
  maxDays: Schema.Number,
  message: Schema.String
}) {}

/** STAT-S44: the command needs an order in force (or none), and the child's record says otherwise. */
export class EpoNotInForce extends Schema.TaggedError<EpoNotInForce>()("EpoNotInForce", {
  ruleId: RuleId,
  message: Schema.String
}) {}

/**
 * STAT-S25: a period that would take the child past 72 hours in 28 days without a court's authority, a child under 13
 * without the Secretary of State's approval (or of unknown age), or a period that does not fit the record.
 */
export class SecureAccommodationRefused extends Schema.TaggedError<SecureAccommodationRefused>()("SecureAccommodationRefused", {
  ruleId: RuleId,
  message: Schema.String
}) {}

/** STAT-S31, STAT-PLO: a step of pre-proceedings or proceedings that does not fit the record, or an extension out of range. */
export class ProceedingsRefused extends Schema.TaggedError<ProceedingsRefused>()("ProceedingsRefused", {
  ruleId: RuleId,
  message: Schema.String
}) {}

/** A date of birth or death that contradicts the other. */
export class ChildFactRefused extends Schema.TaggedError<ChildFactRefused>()("ChildFactRefused", {
  ruleId: RuleId,
  message: Schema.String
}) {}

/** A legal status that is not an SSDA903 code (named in the message), or one that does not fit the record's order. */
export class LegalStatusRefused extends Schema.TaggedError<LegalStatusRefused>()("LegalStatusRefused", {
  code: Schema.String,
  message: Schema.String
}) {}

/** STAT-R33: a review or an end of looked-after status that does not fit the record (not looked after, out of order, no IRO named). */
export class LookedAfterRefused extends Schema.TaggedError<LookedAfterRefused>()("LookedAfterRefused", {
  ruleId: RuleId,
  message: Schema.String
}) {}

/** A withdrawal of an entry that was never recorded, or is already withdrawn, or without a reason. */
export class EntryWithdrawalRefused extends Schema.TaggedError<EntryWithdrawalRefused>()("EntryWithdrawalRefused", {
  ruleId: RuleId,
  message: Schema.String
}) {}

export type ChildRecordRefusal =
  | NoSuchRecord
  | NotYetHappened
  | EpoPeriodRefused
  | EpoNotInForce
  | SecureAccommodationRefused
  | ProceedingsRefused
  | ChildFactRefused
  | LegalStatusRefused
  | LookedAfterRefused
  | EntryWithdrawalRefused
