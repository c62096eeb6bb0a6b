import { Effect } from "effect"
import { type CitingPolicy, citation } from "../policy/citation.js"
import type { PanelPolicy } from "../policy/PanelPolicy.js"
import type { PersonId } from "../shared/ids.js"
import { awayRule, coverOf } from "./cover.js"
import type { AttendanceEntry } from "./SittingCommands.js"
import { DeputyCannotStandIn } from "./SittingErrors.js"
import type { Attendance } from "./SittingEvents.js"

/** The members a member present represents, as the minutes show them: their names as recorded on the attendance. */
export const representedNames = (entry: Attendance, attendance: ReadonlyArray<Attendance>): ReadonlyArray<string> =>
  (entry.represents ?? []).map((memberId) => attendance.find((one) => one.personId === memberId)?.name ?? "a member")

/**
 * The members away whom a member present represents (KNO-2), as recorded on the attendance, each once: neither present
 * nor absent without cover. Their seats are represented, not filled (`membersCounted`).
 */
export const representedMembers = (attendance: ReadonlyArray<Attendance>): ReadonlyArray<Attendance> => {
  const represented = new Set(attendance.flatMap((entry) => (entry.status === "present" ? (entry.represents ?? []) : [])))
  return attendance.filter((entry) => (entry.status === "apologies" || entry.status === "confirmed") && represented.has(entry.personId))
}

/** The member present who represents a member away (KNO-2), if one does: one member away has one representative. */
export const representativeOf = (memberId: PersonId, attendance: ReadonlyArray<Attendance>): Attendance | undefined =>
  attendance.find((entry) => entry.status === "present" && (entry.represents ?? []).includes(memberId))

const attending = { present: "present", deputy: "a deputy", observer: "an observer" } as const

const refuse = (message: string, ruleId?: ReturnType<typeof awayRule>) =>
  Effect.fail(new DeputyCannotStandIn({ ...(ruleId === undefined ? {} : { ruleId }), message }))

const checkOne = (entry: Omit<AttendanceEntry, "chairAgreed">, memberId: PersonId, attendance: ReadonlyArray<Attendance>, panel: PanelPolicy, policy: CitingPolicy) => {
  if (memberId === entry.personId) {
    return refuse(`${entry.name} cannot be recorded as representing themselves: a member present represents another member who is away. Choose the member ${entry.name} represents.`)
  }
  const member = attendance.find((one) => one.personId === memberId)
  if (member === undefined) {
    return refuse(
      `The member ${entry.name} represents (${memberId}) is not on this sitting's attendance: record that member's apologies first, then whom ${entry.name} represents.`
    )
  }
  if (member.status === "present" || member.status === "deputy" || member.status === "observer") {
    const ruleId = awayRule(panel)
    return refuse(
      `${member.name} is recorded as ${attending[member.status]}, so ${entry.name} cannot represent them: a member is represented while they are away${ruleId === undefined ? "" : ` (${citation(ruleId, policy)})`}. ` +
        `If ${member.name} has sent apologies or left, record that first.`,
      ruleId
    )
  }
  const cover = coverOf(memberId, attendance, entry.personId)
  if (cover === undefined) return Effect.void
  const covering = cover.status === "deputy" ? `${cover.name} is already recorded as the deputy for ${member.name}` : `${cover.name} is already recorded as representing ${member.name}`
  const undo = cover.status === "deputy" ? " (apologies, if they are not coming)" : `, without ${member.name}`
  return refuse(
    `${covering}: a member away has one deputy or one representative. If ${entry.name} represents ${member.name} instead, record ${cover.name}'s attendance again first${undo}.`
  )
}

/**
 * A member present may also represent members away (KNO-2: "an absent member names a deputy or another member to
 * represent them"), each on the sitting's attendance: not themselves, not a member at the sitting, and not a member a
 * deputy or another representative already covers. Only an entry recorded present represents anyone.
 */
export const checkRepresents = (
  entry: Omit<AttendanceEntry, "chairAgreed">,
  attendance: ReadonlyArray<Attendance>,
  panel: PanelPolicy,
  policy: CitingPolicy
): Effect.Effect<void, DeputyCannotStandIn> => {
  const represented = entry.represents ?? []
  if (represented.length === 0) return Effect.void
  if (entry.status !== "present") {
    return refuse(`Only a member recorded as present can represent a member who is away: record ${entry.name} as present to record whom they represent.`)
  }
  return Effect.forEach(represented, (memberId) => checkOne(entry, memberId, attendance, panel, policy), { discard: true })
}
