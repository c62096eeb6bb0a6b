import { DateTime } from "effect"
import type { ChildRecordCommand } from "../childRecord/ChildRecordCommands.js"
import type { CommandBody } from "../shared/commandHandler.js"
import { formatInstant } from "../calendar/format.js"
import { isUnderPoliceProtection, type Placement, type PlacementState, placementEndedAt, s20AccommodationBeganAt, s20ConsentWithdrawnAt } from "./Placement.js"

type FromPlacement = CommandBody<Extract<ChildRecordCommand, { readonly _tag: "RecordLookedAfterFromPlacement" | "RecordLookedAfterEndedFromPlacement" }>>

const later = (a: DateTime.Utc, b: DateTime.Utc | undefined) => (b === undefined ? a : DateTime.max(a, b))

/**
 * Why the looked-after period ends when the child went home at `endedAt`: by the parent's removal (s20(8)) only when
 * consent was withdrawn by then; consent withdrawn after the child had gone home is named as that, not as a removal.
 */
const wentHome = (after: Placement, endedAt: DateTime.Utc): string => {
  if (after.s20Accommodation === undefined) return "the placement ended: the child returned home"
  const withdrawn = after.s20Accommodation.withdrawn
  const withdrawnAt = s20ConsentWithdrawnAt(after)
  if (withdrawn === undefined || withdrawnAt === undefined) return "s20 accommodation ended: the child returned home"
  return DateTime.greaterThan(withdrawnAt, endedAt)
    ? `s20 accommodation ended: the child returned home (consent was withdrawn afterwards, at ${formatInstant(withdrawnAt)})`
    : `the parent removed the child (s20(8)): ${withdrawn.withdrawnBy} withdrew consent at ${formatInstant(withdrawnAt)}, and the child returned home`
}

/**
 * What a placement's change tells the child's record about looked-after status and legal status (STAT-R33 counts
 * from the instant the child became looked after):
 * - placed with the carers: looked after from the placement, under police protection as L1 (STAT-S46), otherwise as a
 *   Regulation 24 placement (STAT-R24 places a looked-after child; the Assistant Director's consent at Lincolnshire
 *   recognises it after the fact, so counting from the consent would make the first review later than the law);
 * - police protection recorded for a child already placed: L1 from the later of the two;
 * - s20 accommodation with full consent: V2 from the earliest consent (never before the placement), the earliest
 *   moment the accommodation could lawfully begin;
 * - police protection ended by an EPO (with the child placed: L2) or an interim care order (C1, which is in care);
 * - police protection ended with the child returned home: the end of the accommodation under it (L1, STAT-S46);
 * - the placement ended with the child returned home: the end of s20 accommodation (STAT-S20-CONSENT), by the parent's
 *   removal (s20(8)) once consent was withdrawn by then (`wentHome`); with no s20 accommodation recorded on the placement, the end of the
 *   placement itself. The child's record ends the period only while the child is looked after on that basis (or, with
 *   no legal status recorded in it, on this Regulation 24 placement alone), so a child under an order stays looked after.
 * Undefined when the change says nothing about it.
 */
export const lookedAfterFromPlacement = (before: PlacementState, after: Placement): FromPlacement | undefined => {
  const base = { _tag: "RecordLookedAfterFromPlacement" as const, childId: after.childId, placementId: after.id }
  const ends = { _tag: "RecordLookedAfterEndedFromPlacement" as const, childId: after.childId, placementId: after.id }
  const placedAt = after.placement?.placedAt
  const underPolice = isUnderPoliceProtection(after)
  const policeSince = after.policePowers?.since
  if (before?.placement === undefined && placedAt !== undefined) {
    return underPolice
      ? { ...base, route: "police_protection_accommodation", code: "L1", from: later(placedAt, policeSince) }
      : { ...base, route: "regulation24_placement", from: placedAt }
  }
  if (before?.policePowers === undefined && underPolice && placedAt !== undefined && policeSince !== undefined) {
    return { ...base, route: "police_protection_accommodation", code: "L1", from: later(policeSince, placedAt) }
  }
  const s20 = after.s20Accommodation
  if (s20 !== undefined && (before?.s20Accommodation === undefined || before.s20Accommodation.withdrawn !== undefined) && s20.withdrawn === undefined) {
    return { ...base, route: "s20_accommodation", code: "V2", from: s20AccommodationBeganAt(after)! }
  }
  const ended = after.policeProtectionEnded
  if (before?.policeProtectionEnded === undefined && ended !== undefined) {
    if (ended.outcome === "interim_care_order") return { ...base, route: "legal_status", code: "C1", from: ended.endedAt }
    if (ended.outcome === "emergency_protection_order" && placedAt !== undefined) return { ...base, route: "legal_status", code: "L2", from: ended.endedAt }
    if (ended.outcome === "returned_home") return { ...ends, basis: "police_protection", endedAt: ended.endedAt, reason: "police protection ended: the child was returned home (STAT-S46)" }
  }
  if (before?.ended === undefined && after.ended?.reason === "child_returned_home" && placedAt !== undefined) {
    const endedAt = placementEndedAt(after)!
    return { ...ends, basis: "s20_accommodation", endedAt, reason: wentHome(after, endedAt) }
  }
  return undefined
}
