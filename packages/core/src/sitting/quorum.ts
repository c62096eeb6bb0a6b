import { Effect } from "effect"
import { type CitingPolicy, citation } from "../policy/citation.js"
import type { Quorum } from "../policy/PanelPolicy.js"
import { seatOf } from "./deputies.js"
import { QuorumNotMet } from "./SittingErrors.js"
import type { Attendance } from "./SittingEvents.js"

/**
 * The seats filled: members present, and members away with a deputy, each seat once (a deputy for a member recorded
 * present, or a second deputy for one seat, adds nothing); observers, apologies and advance confirmations do not count.
 * One person is one member: a member present who also represents members away (KNO-2) counts once, for themselves; the
 * seats they represent are represented, not filled. Carepanel's reading: no terms of reference say a represented member
 * counts towards a quorum.
 */
export const membersCounted = (attendance: ReadonlyArray<Attendance>): number =>
  new Set(attendance.flatMap((entry) => seatOf(entry, attendance) ?? [])).size

const members = (count: number) => (count === 1 ? "1 member is" : `${count} members are`)

/**
 * A chair may always find there are not enough members. Saying there are enough must fit the policy: with a
 * minimum, the recorded attendance must reach it; without one (NSO-1, CPR-3), the chair's word decides.
 */
export const checkQuorum = (
  quorum: Quorum,
  attendance: ReadonlyArray<Attendance>,
  enough: boolean,
  policy: CitingPolicy
): Effect.Effect<void, QuorumNotMet> => {
  if (!enough || quorum._tag === "ChairDecides") return Effect.void
  const present = membersCounted(attendance)
  if (present >= quorum.members) return Effect.void
  return Effect.fail(
    new QuorumNotMet({
      ruleId: quorum.ruleId,
      present,
      needed: quorum.members,
      message:
        `${present === 0 ? "No members are" : `Only ${members(present)}`} recorded as present (a deputy counts for a member who is not there; a member who also represents others counts once; observers do not); ` +
        `this panel needs ${quorum.members} to be quorate (${citation(quorum.ruleId, policy)}). Record who is present, or record that there are not enough members.`
    })
  )
}
