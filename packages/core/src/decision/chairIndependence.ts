import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import { citation } from "../policy/citation.js"
import type { SittingChair, Subject } from "./DecisionParts.js"

/**
 * LIN-1: why the sitting's chair may not decide this case, or undefined when they may: they manage the
 * request's team (its team manager, or a line manager the policy lists for the team).
 */
export const lineManagementConflict = (policy: AuthorityPolicy, subject: Subject, chair: SittingChair): string | undefined => {
  const rule = policy.decision.chairIndependence
  if (rule === undefined) return undefined
  const team = rule.teams.find((candidate) => candidate.teamId === subject.teamId)
  const teamName = team?.name ?? "the allocated team"
  const managesTeam =
    subject.teamManager?.personId === chair.personId || (team?.lineManagers ?? []).some((manager) => manager.personId === chair.personId)
  if (!managesTeam) return undefined
  return `${chair.name} chaired this sitting and is in the line management of ${teamName}: the chair must be independent of the case's line management (${citation(rule.ruleId, policy)}). Put the request before a sitting chaired by someone outside it.`
}
