import { Effect } from "effect"
import { citation } from "../policy/localDefaults.js"
import type { Quorum } from "../policy/PanelPolicy.js"
import { QuorumNotMet } from "./SittingErrors.js"
import type { Attendance } from "./SittingEvents.js"

/** Members present and deputies standing in count; observers, apologies and advance confirmations do not. */
export const countsTowardsQuorum = (attendance: Attendance): boolean => attendance.status === "present" || attendance.status === "deputy"

const members = (count: number) => (count === 1 ? "1 member is" : `${count} members are`)

/**
 * A chair may always find there are not enough members. Saying there are enough must fit the policy: with a
 * minimum, the recorded attendance must reach it; without one (NSO-1, CPR-3), the chair's word decides.
 */
export const checkQuorum = (
  quorum: Quorum,
  attendance: ReadonlyArray<Attendance>,
  enough: boolean
): Effect.Effect<void, QuorumNotMet> => {
  if (!enough || quorum._tag === "ChairDecides") return Effect.void
  const present = attendance.filter(countsTowardsQuorum).length
  if (present >= quorum.members) return Effect.void
  return Effect.fail(
    new QuorumNotMet({
      ruleId: quorum.ruleId,
      present,
      needed: quorum.members,
      message:
        `${present === 0 ? "No members are" : `Only ${members(present)}`} recorded as present (deputies count, observers do not); ` +
        `this panel needs ${quorum.members} to be quorate (${citation(quorum.ruleId)}). Record who is present, or record that there are not enough members.`
    })
  )
}
