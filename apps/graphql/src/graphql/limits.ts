import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor"

/** The operation limits graphql-armor enforces. A refusal names the limit, its value and what to do instead. */
export interface OperationLimits {
  readonly maxDepth: number
  readonly maxCost: number
  readonly maxAliases: number
  readonly maxTokens: number
  readonly maxDirectives: number
}

export const defaultLimits: OperationLimits = { maxDepth: 12, maxCost: 5000, maxAliases: 15, maxTokens: 2000, maxDirectives: 10 }

const paging = "Ask for lists in pages (first: at most 100, then after: the page's endCursor) and for fewer fields."

/** "Query refused by the cost limit (5000): ...": masking.ts reads the limit's name back into `extensions.limit`. */
export const refusalMessages = (limits: OperationLimits) => ({
  depth: `Query refused by the depth limit (${limits.maxDepth}): it nests fields too deeply. Ask for the nested records in a second query.`,
  cost: `Query refused by the cost limit (${limits.maxCost}): it asks for too much at once. ${paging}`,
  aliases: `Query refused by the aliases limit (${limits.maxAliases}): it uses too many aliases. Send several smaller queries.`,
  tokens: `Query refused by the tokens limit (${limits.maxTokens}): the query text is too long. Send several smaller queries.`,
  directives: `Query refused by the directives limit (${limits.maxDirectives}): it uses too many directives. Send several smaller queries.`
})

export const armorPlugin = (limits: OperationLimits) => {
  const messages = refusalMessages(limits)
  return EnvelopArmorPlugin({
    maxDepth: { n: limits.maxDepth, exposeLimits: false, ignoreIntrospection: true, errorMessage: messages.depth },
    costLimit: { maxCost: limits.maxCost, exposeLimits: false, ignoreIntrospection: true, errorMessage: messages.cost },
    maxAliases: { n: limits.maxAliases, exposeLimits: false, errorMessage: messages.aliases },
    maxTokens: { n: limits.maxTokens, exposeLimits: false, errorMessage: messages.tokens },
    maxDirectives: { n: limits.maxDirectives, exposeLimits: false, errorMessage: messages.directives },
    blockFieldSuggestion: { enabled: true }
  })
}
