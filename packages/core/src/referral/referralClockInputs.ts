import { Schema } from "effect"
import { referralDeadlineIndex } from "../deadlines/awaiting.js"
import type { ReadModelRow } from "../ports/ReadModels.js"
import type { StreamRef } from "../ports/EventStore.js"
import { ChildId } from "../shared/ids.js"
import { Referral } from "./Referral.js"
import { ReferralForm } from "./ReferralForm.js"

/** The read model of what a request's clocks are worked out from, beside the whole request in `referrals`. */
export const referralClocksCollection = "referralClocks"

/**
 * The fields of a request its submission clock and its sitting's clocks read: a few hundred bytes, where the whole
 * request with its form is about 10 KB. A `Referral` is one, so the clocks take either.
 */
export const ReferralClockInputs = Schema.Struct({
  id: Referral.fields.id,
  status: Referral.fields.status,
  /** `children`: whose request it is, for the clocks to say (absent in rows written before 7 December 2026). */
  form: Schema.Struct({ panelId: ReferralForm.fields.panelId, children: Schema.optional(Schema.Array(Schema.Struct({ childId: ChildId }))) }),
  createdAt: Referral.fields.createdAt,
  submittedAt: Referral.fields.submittedAt,
  readyAt: Referral.fields.readyAt,
  sittingId: Referral.fields.sittingId,
  /** When each hearing was: a request heard and sent back aims at a sitting after its latest. Absent in older rows. */
  hearings: Schema.optional(Schema.Array(Schema.Struct({ at: Schema.DateTimeUtc })))
})
export type ReferralClockInputs = typeof ReferralClockInputs.Type

/** Only the declared fields: encoding a struct leaves out every other field of the request. */
export const referralClockInputsDocument = Schema.encodeSync(ReferralClockInputs)

export const referralClocksRow = (referral: Referral, stream: StreamRef): ReadModelRow => ({
  collection: referralClocksCollection,
  authorityId: stream.authorityId,
  id: stream.id,
  index: referralDeadlineIndex(referral),
  doc: referralClockInputsDocument(referral)
})
