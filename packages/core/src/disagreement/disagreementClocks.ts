import { formatInstant } from "../calendar/format.js"
import type { ClockSpec } from "../deadlines/clock.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import type { Disagreement } from "./Disagreement.js"

/**
 * The escalation clock (SUP-8, LIN-13; the time itself is the authority's `disagreement.resolveWithin`): an outcome
 * is due within that time of the areas of disagreement being noted at panel. It runs from the noting, not from the
 * first escalation step, so a disagreement nobody takes further still falls overdue. No clock before the areas are
 * noted or once the dissent is withdrawn; met when the outcome is recorded.
 */
export const disagreementClocks = (disagreement: Disagreement, policy: AuthorityPolicy): ReadonlyArray<ClockSpec> => {
  const { notedAt } = disagreement
  if (disagreement.status === "withdrawn" || notedAt === undefined) return []
  return [
    {
      id: `${disagreement.id}:outcome`,
      about: { kind: "disagreement", id: disagreement.id },
      title: `Outcome of ${disagreement.member.name}'s disagreement with decision ${disagreement.decisionId}`,
      rule: policy.disagreement.resolveWithin,
      anchor: notedAt,
      anchorText: `the areas of disagreement were noted at ${formatInstant(notedAt)}`,
      metAt: disagreement.outcome?.at
    }
  ]
}
