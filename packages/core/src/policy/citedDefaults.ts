import { isLocalDefault, type LocalDefaultId, localDefaults } from "./localDefaults.js"

/** A field's path as `localDefaults` names it: `panels[0].quorum.ruleId` reads `panels[].quorum.ruleId`. */
const fieldOf = (path: string): string => path.replace(/\[\d+\]/g, "[]")

const governs = (field: string, path: string): boolean => {
  const at = fieldOf(path)
  return at === field || at.startsWith(`${field}.`) || at.startsWith(`${field}[`)
}

/** The `DEF-` defaults whose field a policy value at this path is (the quorum's two for `panels[0].quorum.ruleId`). */
export const defaultsFor = (path: string): ReadonlyArray<LocalDefaultId> =>
  (Object.keys(localDefaults) as LocalDefaultId[]).filter((id) => localDefaults[id].policyField.split(", ").some((field) => governs(field, path)))

/** What to cite at this path instead of a seed's rule it does not say: the field's own defaults, or that there are none. */
export const defaultsAdvice = (path: string): string => {
  const defaults = defaultsFor(path)
  return defaults.length === 0 ? "Carepanel has no default for this field" : `Carepanel's default for this field is ${defaults.join(" or ")}`
}

/** A rule id this policy may not cite: neither the catalogue's nor declared by the policy as its own. */
export const notARule = (id: unknown, path: string): string =>
  `${JSON.stringify(id)} is not a rule in Carepanel's catalogue (shared/docs/rules.md) or in this policy's ownRules: cite a seed's rule only for what that seed says, and declare your terms of reference's own rules under ownRules; ${defaultsAdvice(path)}`

/**
 * Each `DEF-` id a policy cites for a field it is not the default of: its explanation would tell a reader "Carepanel
 * default ... set by the authority's policy" about something else (a team manager's approval under the late route).
 */
export const misplacedDefaults = (value: unknown, path = ""): ReadonlyArray<{ readonly path: string; readonly message: string }> => {
  if (typeof value === "string") {
    if (!isLocalDefault(value) || defaultsFor(path).includes(value)) return []
    return [{ path, message: `${value} is Carepanel's default for ${localDefaults[value].policyField}, not for this field; ${defaultsAdvice(path)}` }]
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => misplacedDefaults(item, `${path}[${i}]`))
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => misplacedDefaults(item, path === "" ? key : `${path}.${key}`))
  }
  return []
}
