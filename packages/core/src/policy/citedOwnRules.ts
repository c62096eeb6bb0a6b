import { Schema } from "effect"
import type * as AST from "effect/SchemaAST"
import { OwnRuleId } from "./rules.js"

export interface CitedOwnRule {
  readonly path: ReadonlyArray<PropertyKey>
  readonly id: OwnRuleId
}

const isRecord = (value: unknown): value is Record<PropertyKey, unknown> => typeof value === "object" && value !== null

/**
 * Every id of the authority's own rules a decoded value cites, with its path: found where its schema takes a rule id,
 * so no field that holds one (a clock's `ruleId`, `basicTest`, `returnWaivableByCaseNote`) is missed, and no free
 * text that happens to read like one is taken for it.
 */
export const ownRulesCited = (ast: AST.AST, value: unknown, path: ReadonlyArray<PropertyKey> = []): ReadonlyArray<CitedOwnRule> => {
  switch (ast._tag) {
    case "Refinement":
      return ast === OwnRuleId.ast ? [{ path, id: value as OwnRuleId }] : ownRulesCited(ast.from, value, path)
    case "Transformation":
      return ownRulesCited(ast.to, value, path)
    case "Suspend":
      return ownRulesCited(ast.f(), value, path)
    case "Union": {
      const member = ast.types.find((type) => Schema.is(Schema.make(type))(value))
      return member === undefined ? [] : ownRulesCited(member, value, path)
    }
    case "TupleType": {
      if (!Array.isArray(value)) return []
      const rest = ast.rest[0]?.type
      return value.flatMap((item, i) => {
        const type = ast.elements[i]?.type ?? rest
        return type === undefined ? [] : ownRulesCited(type, item, [...path, i])
      })
    }
    case "TypeLiteral": {
      if (!isRecord(value)) return []
      const named = ast.propertySignatures.flatMap((property) =>
        property.name in value ? ownRulesCited(property.type, value[property.name], [...path, property.name]) : []
      )
      const names = new Set(ast.propertySignatures.map((property) => property.name))
      const indexed = ast.indexSignatures.flatMap((index) =>
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
