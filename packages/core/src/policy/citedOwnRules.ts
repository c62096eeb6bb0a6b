import type * as AST from "effect/SchemaAST"
import { isCatalogueRuleId, OwnRuleId } from "./rules.js"
import { isPlainObject, memberFor, underlying } from "./schemaMembers.js"

export interface CitedOwnRule {
  readonly path: ReadonlyArray<PropertyKey>
  readonly id: OwnRuleId
}

/** A rule id's schema: the catalogue's ids or an own one, perhaps inside an optional field's union with `undefined`. */
const takesOwnRuleId = (ast: AST.AST): boolean => ast === OwnRuleId.ast || (ast._tag === "Union" && ast.types.some(takesOwnRuleId))

/**
 * Every id of the authority's own rules a decoded value cites, with its path: found where its schema takes a rule id,
 * so no field that holds one (a clock's `ruleId`, `basicTest`, `returnWaivableByCaseNote`) is missed, and no free
 * text that happens to read like one is taken for it.
 */
export const ownRulesCited = (ast: AST.AST, value: unknown, path: ReadonlyArray<PropertyKey> = []): ReadonlyArray<CitedOwnRule> => {
  if (ast === OwnRuleId.ast) return [{ path, id: value as OwnRuleId }]
  const type = underlying(ast)
  switch (type._tag) {
    case "Union": {
      if (typeof value === "string") return takesOwnRuleId(type) && !isCatalogueRuleId(value) ? [{ path, id: value as OwnRuleId }] : []
      const member = memberFor(type, value)
      return member === undefined ? [] : ownRulesCited(member, value, path)
    }
    case "TupleType": {
      if (!Array.isArray(value)) return []
      const rest = type.rest[0]?.type
      return value.flatMap((item, i) => {
        const itemType = type.elements[i]?.type ?? rest
        return itemType === undefined ? [] : ownRulesCited(itemType, item, [...path, i])
      })
    }
    case "TypeLiteral": {
      if (!isPlainObject(value)) return []
      const named = type.propertySignatures.flatMap((property) =>
        property.name in value ? ownRulesCited(property.type, value[property.name as string], [...path, property.name]) : []
      )
      const names = new Set(type.propertySignatures.map((property) => property.name))
      const indexed = type.indexSignatures.flatMap((index) =>
        Object.keys(value)
          .filter((key) => !names.has(key))
          .flatMap((key) => ownRulesCited(index.type, value[key], [...path, key]))
      )
      return [...named, ...indexed]
    }
    default:
      return []
  }
}
