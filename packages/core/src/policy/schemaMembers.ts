import * as AST from "effect/SchemaAST"

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/** The schema under refinements and lazy references: what kind of value it takes. */
export const underlying = (ast: AST.AST): AST.AST =>
  AST.isRefinement(ast) ? underlying(ast.from) : AST.isSuspend(ast) ? underlying(ast.f()) : AST.isTransformation(ast) ? underlying(ast.from) : ast

const tagOf = (ast: AST.AST): unknown => {
  const type = underlying(ast)
  if (!AST.isTypeLiteral(type)) return undefined
  const tag = type.propertySignatures.find((property) => property.name === "_tag")?.type
  return tag !== undefined && AST.isLiteral(tag) ? tag.literal : undefined
}

/** The member of a union an object or a list is written for: the one of its `_tag`, or the only one of its kind. */
export const memberFor = (union: AST.Union, value: unknown): AST.AST | undefined => {
  if (Array.isArray(value)) {
    const lists = union.types.filter((type) => AST.isTupleType(underlying(type)))
    return lists.length === 1 ? lists[0] : undefined
  }
  if (!isPlainObject(value)) return undefined
  const objects = union.types.filter((type) => AST.isTypeLiteral(underlying(type)))
  return value._tag === undefined ? (objects.length === 1 ? objects[0] : undefined) : objects.find((type) => tagOf(type) === value._tag)
}
