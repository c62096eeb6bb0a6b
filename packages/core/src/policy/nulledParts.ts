import { Schema } from "effect"
import * as AST from "effect/SchemaAST"
import { isPlainObject, memberFor, underlying } from "./schemaMembers.js"

const acceptsNull = (ast: AST.AST): boolean => Schema.is(Schema.make(ast))(null)

/**
 * The input without each `null` written for an optional part that has no meaning for `null`: a file extending a
 * preset drops the preset's part so (`decision.actionsCaseNote: null`). Where `null` means something (a statutory
 * warning turned off), it stays. `ast` is the encoded side of the schema the input is for.
 */
export const withoutNulledParts = (ast: AST.AST, value: unknown): unknown => {
  const type = underlying(ast)
  if (AST.isUnion(type)) {
    const member = memberFor(type, value)
    return member === undefined ? value : withoutNulledParts(member, value)
  }
  if (AST.isTupleType(type) && Array.isArray(value)) {
    const rest = type.rest[0]?.type
    return value.map((item, i) => {
      const itemType = type.elements[i]?.type ?? rest
      return itemType === undefined ? item : withoutNulledParts(itemType, item)
    })
  }
  if (AST.isTypeLiteral(type) && isPlainObject(value)) {
    const out: Record<string, unknown> = { ...value }
    for (const property of type.propertySignatures) {
      const key = property.name as string
      if (!(key in out)) continue
      if (out[key] === null && property.isOptional && !acceptsNull(property.type)) delete out[key]
      else out[key] = withoutNulledParts(property.type, out[key])
    }
    return out
  }
  return value
}
