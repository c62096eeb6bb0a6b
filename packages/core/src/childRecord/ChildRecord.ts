import { Schema } from "effect"
import { AuthorityId, ChildId } from "../shared/ids.js"
import { LocalDate } from "../calendar/LocalDate.js"
import { EmergencyProtectionOrder } from "./EmergencyProtectionOrder.js"
import { Proceedings } from "./Proceedings.js"
import { LegalStatus } from "./LegalStatus.js"
import { ChildRecordEntryWithdrawn, ChildRecordEvent } from "./ChildRecordEvents.js"
import { LookedAfterPeriod } from "./LookedAfter.js"
import { SecureAccommodation } from "./SecureAccommodation.js"

/**
 * What the core records about one child under the statutes that run on the child rather than on a request or a
 * placement: emergency protection orders (STAT-S44), secure accommodation (STAT-S25). One stream per child, keyed by the child's id. Also the
 * document of the `childRecords` read model.
 */
export const ChildRecord = Schema.Struct({
  childId: ChildId,
  authorityId: AuthorityId,
  /** The child's date of birth, once recorded: the age tests of STAT-S25 (under 13) need it. */
  dateOfBirth: Schema.optional(LocalDate),
  /** STAT-R50: the day the child died, if they have; before 18, the record is kept 15 years from it. */
  diedOn: Schema.optional(LocalDate),
  emergencyProtectionOrders: Schema.Array(EmergencyProtectionOrder),
  /** STAT-S25: periods in secure accommodation; absent in records written before it was kept. */
  secureAccommodation: Schema.optionalWith(SecureAccommodation, { default: () => ({ periods: [], courtAuthorities: [] }) }),
  /** STAT-PLO and STAT-S31: the current pre-proceedings and care proceedings. */
  proceedings: Schema.optionalWith(Proceedings, { default: () => ({ extensions: [] }) }),
  /** SSDA903 legal statuses, oldest first; the last is the current one. Absent in records written before they were kept. */
  legalStatuses: Schema.optionalWith(Schema.Array(LegalStatus), { default: () => [] }),
  /** Periods of being looked after, oldest first, each with its STAT-R33 reviews. */
  lookedAfter: Schema.optionalWith(Schema.Array(LookedAfterPeriod), { default: () => [] }),
  /** Entries recorded by mistake and withdrawn, oldest first: each names the entry, when it was recorded, and why. */
  withdrawals: Schema.optional(Schema.Array(ChildRecordEntryWithdrawn)),
  /**
   * Every entry folded into the record, oldest first, withdrawn ones and their withdrawals included: what the record is
   * read again from when an entry is withdrawn. Kept while folding the stream, left out of the read model.
   */
  entries: Schema.optional(Schema.Array(ChildRecordEvent))
})
export type ChildRecord = typeof ChildRecord.Type

/** Before the first event: nothing recorded about the child. */
export type ChildRecordState = ChildRecord | undefined
