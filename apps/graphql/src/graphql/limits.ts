import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor"

/** The operation limits graphql-armor enforces. Refusals never say what the limit is. */
export interface OperationLimits {
  readonly maxDepth: number
  readonly maxCost: number
  readonly maxAliases: number
  readonly maxTokens: number
  readonly maxDirectives: number
}

export const defaultLimits: OperationLimits = { maxDepth: 12, maxCost: 5000, maxAliases: 15, maxTokens: 2000, maxDirectives: 10 }

export const armorPlugin = (limits: OperationLimits) =>
  EnvelopArmorPlugin({
    maxDepth: { n: limits.maxDepth, exposeLimits: false, ignoreIntrospection: true, errorMessage: "Query refused: it is nested too deeply." },
    costLimit: { maxCost: limits.maxCost, exposeLimits: false, ignoreIntrospection: true, errorMessage: "Query refused: it asks for too much at once." },
    maxAliases: { n: limits.maxAliases, exposeLimits: false, errorMessage: "Query refused: it uses too many aliases." },
    maxTokens: { n: limits.maxTokens, exposeLimits: false, errorMessage: "Query refused: it is too long." },
    maxDirectives: { n: limits.maxDirectives, exposeLimits: false, errorMessage: "Query refused: it uses too many directives." },
    blockFieldSuggestion: { enabled: true }
  })
