import { isLocalDefault } from "../policy/localDefaults.js"
import { deputiesRuleOf, type PanelPolicy } from "../policy/PanelPolicy.js"
import type { PersonId } from "../shared/ids.js"
import type { Attendance } from "./SittingEvents.js"

/** The rule the panel's deputies cite (KNO-2, CPR-3, an own rule: cover is for a member who is away); a local default says nothing of it. */
export const awayRule = (panel: PanelPolicy) => {
  const ruleId = deputiesRuleOf(panel)
  return isLocalDefault(ruleId) ? undefined : ruleId
}

/**
 * Who already covers a member away, linked by person: their deputy, or a member present who represents them (KNO-2).
 * One member away has one of either. `recording` is the person whose entry is being recorded again: not a second cover.
 */
export const coverOf = (memberId: PersonId, attendance: ReadonlyArray<Attendance>, recording: PersonId): Attendance | undefined =>
  attendance.find(
    (one) =>
      one.personId !== recording &&
      ((one.status === "deputy" && one.standsInForPersonId === memberId) || (one.status === "present" && (one.represents ?? []).includes(memberId)))
  )
