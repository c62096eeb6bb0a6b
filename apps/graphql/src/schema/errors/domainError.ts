import { builder } from "../builder.js"
import { RoleEnum } from "../shared/enums.js"

/** Every refusal the API answers with: a code (the error's name) and a message a person understands. */
export const DomainErrorRef = builder.interfaceRef<{ readonly _tag: string; readonly message: string }>("DomainError").implement({
  description: "A refusal: nothing was changed. `code` names it; `message` says why in plain words.",
  fields: (t) => ({
    code: t.string({ resolve: (error) => error._tag }),
    message: t.exposeString("message")
  })
})

/** One thing a record still needs, named as the refusal names it (a field, a document kind, an item). */
export interface MissingItem {
  readonly field?: string
  readonly kind?: string
  readonly item?: string
  readonly label?: string
  readonly ruleId?: string | undefined
  readonly childId?: string | undefined
}

export const MissingItemRef = builder.objectRef<MissingItem>("MissingItem").implement({
  description: "Something a record still needs, with the rule that asks for it.",
  fields: (t) => ({
    name: t.string({ description: "The field, document kind or item.", resolve: (item) => item.field ?? item.kind ?? item.item ?? "" }),
    label: t.string({ resolve: (item) => item.label ?? item.item ?? item.kind ?? item.field ?? "" }),
    ruleId: t.string({ nullable: true, resolve: (item) => item.ruleId ?? null }),
    childId: t.string({ nullable: true, description: "The child whose field this is, for a field asked of each child.", resolve: (item) => item.childId ?? null })
  })
})

export const InputProblemRef = builder.objectRef<{ readonly path: string; readonly message: string }>("InputProblem").implement({
  description: "One thing wrong with an input: where (e.g. form.children[0].dateOfBirth) and what.",
  fields: (t) => ({ path: t.exposeString("path"), message: t.exposeString("message") })
})

/** How a refusal's own fields are shown. */
export type FieldKind = "string" | "optionalString" | "int" | "strings" | "missing" | "roles" | "problems"

// biome-ignore lint/suspicious/noExplicitAny: error classes take their own constructor arguments
export type ErrorClass = new (...args: any[]) => { readonly _tag: string; readonly message: string }

const read = (error: object, name: string): unknown => (error as Record<string, unknown>)[name]

/** Registers a domain error class as a GraphQL object implementing DomainError, with the fields named. */
export const refusalType = <C extends ErrorClass>(name: string, errorClass: C, fields: Readonly<Record<string, FieldKind>> = {}, description?: string): C => {
  builder.objectType(errorClass as ErrorClass, {
    name,
    description: description ?? `Refused: ${name}.`,
    interfaces: [DomainErrorRef],
    isTypeOf: (value) => value instanceof errorClass,
    fields: (t) =>
      Object.fromEntries(
        Object.entries(fields).map(([field, kind]) => {
          switch (kind) {
            case "string":
              return [field, t.string({ resolve: (error) => String(read(error, field) ?? "") })]
            case "optionalString":
              return [field, t.string({ nullable: true, resolve: (error) => (read(error, field) as string | undefined) ?? null })]
            case "int":
              return [field, t.int({ resolve: (error) => Number(read(error, field) ?? 0) })]
            case "strings":
              return [field, t.stringList({ resolve: (error) => (read(error, field) as ReadonlyArray<string>) ?? [] })]
            case "missing":
              return [field, t.field({ type: [MissingItemRef], resolve: (error) => (read(error, field) as ReadonlyArray<MissingItem>) ?? [] })]
            case "roles":
              return [field, t.field({ type: [RoleEnum], resolve: (error) => (read(error, field) as never) ?? [] })]
            default:
              return [field, t.field({ type: [InputProblemRef], resolve: (error) => (read(error, field) as never) ?? [] })]
          }
        })
      )
  })
  return errorClass
}
