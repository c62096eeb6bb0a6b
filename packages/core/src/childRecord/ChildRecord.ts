import { Schema } from "effect"
import { AuthorityId, ChildId } from "../shared/ids.js"
import { EmergencyProtectionOrder } from "./EmergencyProtectionOrder.js"

/**
 * What the core records about one child under the statutes that run on the child rather than on a request or a
 * placement: emergency protection orders (STAT-S44). One stream per child, keyed by the child's id. Also the
 * document of the `childRecords` read model.
 */
export const ChildRecord = Schema.Struct({
  childId: ChildId,
  authorityId: AuthorityId,
  emergencyProtectionOrders: Schema.Array(EmergencyProtectionOrder)
})
export type ChildRecord = typeof ChildRecord.Type

/** Before the first event: nothing recorded about the child. */
export type ChildRecordState = ChildRecord | undefined
