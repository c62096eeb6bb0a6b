import { formatDate, formatInstant } from "../calendar/format.js"
import { londonDateOf, TimeOfDay } from "../calendar/londonTime.js"
import type { ClockSpec } from "../deadlines/clock.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import type { RuledClock } from "../policy/RuledClock.js"
import type { Disagreement } from "./Disagreement.js"

/**
 * SUP-8 / LIN-13 say the areas are noted at panel and give no time. Our default (DEF-DISAGREEMENT-NOTE-NEXT-WD), for an authority that sets none:
 * by 17:00 on the next working day after the dissent is recorded. A panel administrator expects the areas in the
 * sitting's record, whose draft goes to the chair within 48 hours (CPR-11); the next working day leaves the morning
 * after for writing them up when the sitting ran late, and a dissent recorded in the afternoon is not overdue at once.
 */
export const defaultNoteAreasWithin: RuledClock = {
  ruleId: "DEF-DISAGREEMENT-NOTE-NEXT-WD",
  clock: { _tag: "DaysAfter", days: 1, unit: "working", time: TimeOfDay.make("17:00"), ifClosed: "nextWorkingDay" }
}

/** What was disagreed with, in words a panel administrator knows it by (its ids are on the deadline's `about`). */
const withWhat = (disagreement: Disagreement) => {
  const subject = disagreement.dissentsFrom._tag === "Decision" ? "the panel's decision" : `the panel's action "${disagreement.dissentsFrom.action}"`
  return `with ${subject} (dissent recorded ${formatDate(londonDateOf(disagreement.recordedAt))})`
}

/**
 * A disagreement's clocks, so that its escalation always has one running until it is resolved. Once the areas of
 * disagreement are noted at panel: the outcome, due within the authority's `disagreement.resolveWithin` of the
 * noting (SUP-8, LIN-13), not of the first escalation step, so a disagreement nobody takes further still falls
 * overdue; met when the outcome is recorded. Before that: the noting itself, due within `noteAreasWithin` of the
 * dissent (default above); met when the areas are noted. None once the dissent is withdrawn.
 */
export const disagreementClocks = (disagreement: Disagreement, policy: AuthorityPolicy): ReadonlyArray<ClockSpec> => {
  if (disagreement.status === "withdrawn") return []
  const { notedAt, recordedAt } = disagreement
  const about = { kind: "disagreement" as const, id: disagreement.id }
  const whose = `${disagreement.member.name}'s disagreement ${withWhat(disagreement)}`
  const areas: ClockSpec = {
    id: `${disagreement.id}:areas`,
    about,
    title: `Areas of ${whose} noted at panel`,
    rule: policy.disagreement.noteAreasWithin ?? defaultNoteAreasWithin,
    anchor: recordedAt,
    anchorText: `the dissent was recorded at ${formatInstant(recordedAt)}`,
    metAt: notedAt
  }
  if (notedAt === undefined) return [areas]
  return [
    {
      id: `${disagreement.id}:outcome`,
      about,
      title: `Outcome of ${whose}`,
      rule: policy.disagreement.resolveWithin,
      anchor: notedAt,
      anchorText: `the areas of disagreement were noted at ${formatInstant(notedAt)}`,
      metAt: disagreement.outcome?.at
    },
    areas
  ]
}
