import { Schema } from "effect"
import { isLocalDefault, localDefaultNote } from "./localDefaults.js"
import type { OwnRules } from "./ownRules.js"
import { isCatalogueRuleId, RuleId } from "./rules.js"

/** The policy a rule is cited under: where an authority's own rules are found. */
export interface CitingPolicy {
  readonly ownRules?: OwnRules | undefined
}

/**
 * Where an authority's own rule comes from and its words ('Brackenmoor ... (2026), "Requests reach ..."'); undefined for
 * a rule of the catalogue or one the policy does not declare. An email's Rules line lists an own rule with it.
 */
export const ownRuleSource = (id: string, policy: CitingPolicy | undefined): string | undefined => {
  const ownRules = policy?.ownRules
  return ownRules === undefined || isCatalogueRuleId(id) || !Object.hasOwn(ownRules.rules, id) ? undefined : `${ownRules.source}, "${ownRules.rules[id]}"`
}

/**
 * A rule id as cited to a reader, without parentheses of its own, so a message may wrap it in some: a seed's or the
 * law's rule by its id; a local default saying so ("DEF-..., Carepanel default, ..."); an authority's own rule with
 * where it comes from and its words, for no catalogue holds them ('BRK-4, Brackenmoor ... (2026), "Requests reach ..."').
 */
export function citation(id: RuleId, policy: CitingPolicy | undefined): string {
  if (isLocalDefault(id)) return `${id}, ${localDefaultNote}`
  const source = ownRuleSource(id, policy)
  return source === undefined ? id : `${id}, ${source}`
}

const isRuleId = Schema.is(RuleId)

/**
 * A rule id known only as text (a notification's `ruleId` fact, an error's `ruleId` kept with a webhook delivery),
 * cited as `citation` cites it; text that is no rule id is given as it is.
 */
export const citationOfText = (id: string, policy: CitingPolicy | undefined): string => (isRuleId(id) ? citation(id, policy) : id)

/** Cites a rule within one message: see `citingEachOnce`. */
export type Citer = (id: RuleId) => string

/**
 * A citer for one message that names rules in a list: each rule in full the first time, by its id after, so a list of
 * gaps under one rule gives its words once ("a chronology (BRK-5, ..., "..."), a genogram (BRK-5)"). A message whose
 * parts are worded in several modules passes the one citer to each, in the order the parts are read.
 */
export const citingEachOnce = (policy: CitingPolicy | undefined): Citer => {
  const cited = new Set<RuleId>()
  return (id) => {
    if (cited.has(id)) return id
    cited.add(id)
    return citation(id, policy)
  }
}

/**
 * A rule id in a headline (an email's subject line): a local default says it is Carepanel's in two words, any other
 * rule by its id; the body carries the whole citation.
 */
export const headlineCitation = (id: RuleId): string => (isLocalDefault(id) ? `${id}, Carepanel default` : id)
