import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import type { Actor } from "../shared/actor.js"
import { oneOfRoles } from "../shared/roles.js"
import { regulation24Of } from "./placementRules.js"

/** STAT-R25-3: whether `actor` is the authority's nominated officer: a person its policy names, or a holder of a named post. */
export const isNominatedOfficer = (policy: AuthorityPolicy, actor: Actor): boolean => {
  const officer = regulation24Of(policy).nominatedOfficer
  if (officer === undefined) return false
  return officer.people.some((person) => person.personId === actor.personId) || officer.posts.some((post) => actor.roles.includes(post))
}

/** "Iris Wendell, or a head of service or Assistant Director"; undefined when the policy names nobody. */
export const describeNominatedOfficer = (policy: AuthorityPolicy): string | undefined => {
  const officer = regulation24Of(policy).nominatedOfficer
  if (officer === undefined) return undefined
  const parts = [...officer.people.map((person) => person.name), ...(officer.posts.length > 0 ? [oneOfRoles(officer.posts)] : [])]
  return parts.join(", or ")
}
