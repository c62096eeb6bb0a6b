import { Effect } from "effect"
import { type CitingPolicy, citation } from "../policy/citation.js"
import { deputiesRuleOf, type PanelPolicy } from "../policy/PanelPolicy.js"
import { awayRule, coverOf } from "./cover.js"
import type { AttendanceEntry } from "./SittingCommands.js"
import { DeputyCannotStandIn, DeputyMustNameSeat } from "./SittingErrors.js"
import type { Attendance } from "./SittingEvents.js"

const nameKey = (name: string) => name.trim().toLowerCase()

/**
 * The seat an entry fills at the sitting, if any: a member present fills their own; a deputy fills their member's,
 * by person when recorded so, else by the name given (an older record, an outside agency's seat), which is the seat
 * of the member on the attendance under that name. Equal keys are one seat.
 */
export const seatOf = (entry: Attendance, attendance: ReadonlyArray<Attendance>): string | undefined => {
  if (entry.status === "present") return `person:${entry.personId}`
  if (entry.status !== "deputy") return undefined
  if (entry.standsInForPersonId !== undefined) return `person:${entry.standsInForPersonId}`
  const name = nameKey(entry.standsInFor ?? "")
  if (name === "") return `deputy:${entry.personId}`
  const named = attendance.find((one) => one.status === "present" && nameKey(one.name) === name) ?? attendance.find((one) => nameKey(one.name) === name)
  return named === undefined ? `name:${name}` : `person:${named.personId}`
}

/** The member a deputy stands in for, as the minutes show them: their recorded name when on the attendance, else the name given. */
export const standsInForName = (entry: Attendance, attendance: ReadonlyArray<Attendance>): string | undefined =>
  attendance.find((one) => entry.standsInForPersonId !== undefined && one.personId === entry.standsInForPersonId)?.name ?? entry.standsInFor

/**
 * A deputy names the member they stand in for; linked by person, they are not themselves, not a member recorded present,
 * and not a member another deputy or a representative already covers. A member arriving after their deputy is recorded
 * present: that is what happened, and their seat still counts once.
 */
export const checkDeputy = (
  entry: Omit<AttendanceEntry, "chairAgreed">,
  attendance: ReadonlyArray<Attendance>,
  panel: PanelPolicy,
  policy: CitingPolicy
): Effect.Effect<void, DeputyMustNameSeat | DeputyCannotStandIn> => {
  if (entry.status !== "deputy") return Effect.void
  const namesRule = deputiesRuleOf(panel)
  const given = (entry.standsInFor ?? "").trim()
  const memberId = entry.standsInForPersonId
  if (memberId === undefined) {
    return given === ""
      ? Effect.fail(new DeputyMustNameSeat({ ruleId: namesRule, message: `Say which member the deputy stands in for (${citation(namesRule, policy)}).` }))
      : Effect.void
  }
  if (memberId === entry.personId) {
    return Effect.fail(
      new DeputyCannotStandIn({
        message: `${entry.name} cannot be recorded as a deputy for themselves: a deputy stands in for another member who is away. Choose the member ${entry.name} stands in for.`
      })
    )
  }
  const member = attendance.find((one) => one.personId === memberId)
  const memberName = member?.name ?? (given === "" ? "that member" : given)
  if (member?.status === "present") {
    const ruleId = awayRule(panel)
    return Effect.fail(
      new DeputyCannotStandIn({
        ...(ruleId === undefined ? {} : { ruleId }),
        message:
          `${memberName} is recorded as present, so ${entry.name} cannot stand in for them: a deputy covers a member who is away${ruleId === undefined ? "" : ` (${citation(ruleId, policy)})`}. ` +
          `If ${memberName} has sent apologies or left, record that first.`
      })
    )
  }
  const other = coverOf(memberId, attendance, entry.personId)
  if (other?.status === "deputy") {
    return Effect.fail(
      new DeputyCannotStandIn({
        message: `${other.name} is already recorded as the deputy for ${memberName}: one member's seat has one deputy. If ${entry.name} covers the seat instead, record ${other.name}'s attendance again first (apologies, if they are not coming).`
      })
    )
  }
  if (other !== undefined) {
    return Effect.fail(
      new DeputyCannotStandIn({
        message: `${other.name} is already recorded as representing ${memberName}: a member away has one deputy or one representative. If ${entry.name} covers the seat instead, record ${other.name}'s attendance again first, without ${memberName}.`
      })
    )
  }
  if (member === undefined && given === "") {
    return Effect.fail(
      new DeputyMustNameSeat({
        ruleId: namesRule,
        message: `Say which member the deputy stands in for (${citation(namesRule, policy)}): the member is not on this sitting's attendance, so give their name.`
      })
    )
  }
  return Effect.void
}
