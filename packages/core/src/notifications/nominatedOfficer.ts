import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import { regulation24Of } from "../regulation24/placementRules.js"
import { type Addressee, personAs, roleHolder } from "./address.js"

/** STAT-R25-3: the authority's nominated officer, as its policy names them: each named person, each named post. */
export const nominatedOfficerOf = (policy: AuthorityPolicy | undefined): ReadonlyArray<Addressee> => {
  const officer = policy === undefined ? undefined : regulation24Of(policy).nominatedOfficer
  if (officer === undefined) return []
  return [...officer.people.map((person) => personAs(`nominated_officer:${person.personId}`, person)), ...officer.posts.map(roleHolder)]
}
