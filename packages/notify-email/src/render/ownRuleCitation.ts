import type { OwnRules } from "@carepanel/core"

/**
 * Where an authority's own rule comes from and its words ('Brackenmoor ... (2026), "Requests reach ..."'), for no
 * catalogue holds them; undefined for any other rule, which its id alone cites (shared/docs/rules.md).
 */
export const ownRuleSource = (id: string, ownRules: OwnRules | undefined): string | undefined =>
  ownRules !== undefined && Object.hasOwn(ownRules.rules, id) ? `${ownRules.source}, "${ownRules.rules[id]}"` : undefined

/** A rule cited inside a sentence's parentheses, as core's bodies cite it: an own rule with its source and words. */
export const citedRule = (id: string, ownRules: OwnRules | undefined): string => {
  const source = ownRuleSource(id, ownRules)
  return source === undefined ? id : `${id}, ${source}`
}
