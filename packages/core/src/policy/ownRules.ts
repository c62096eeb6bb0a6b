import { Schema } from "effect"
import { cataloguePrefixes, isCatalogueRuleId, OwnRuleId } from "./rules.js"

const whyNotOwn = (id: string): string | undefined => {
  if (Schema.is(OwnRuleId)(id)) return undefined
  if (isCatalogueRuleId(id)) return `${id} is already a rule of Carepanel's catalogue (shared/docs/rules.md): give your own rules a prefix of your own, such as BRK-`
  const prefix = cataloguePrefixes.find((catalogue) => id.startsWith(catalogue))
  if (prefix !== undefined) return `${prefix} is the catalogue's prefix (shared/docs/rules.md): give your own rules a prefix of your own, such as BRK-`
  return `"${id}" is not a rule id: a prefix and a number in capitals, such as BRK-4`
}

/**
 * The rules of the authority's own terms of reference that its policy cites (`BRK-4`), each in the document's words,
 * and the document they come from: what a record or an explanation citing one of them prints.
 */
export const OwnRules = Schema.Struct({
  /** The document, e.g. "Brackenmoor Children's Resource Panel, terms of reference (2026)". */
  source: Schema.NonEmptyTrimmedString,
  rules: Schema.Record({ key: Schema.String, value: Schema.NonEmptyTrimmedString }).pipe(
    Schema.filter((rules) =>
      Object.keys(rules).flatMap((id) => {
        const why = whyNotOwn(id)
        return why === undefined ? [] : [{ path: [id], message: why }]
      })
    )
  )
})
export type OwnRules = typeof OwnRules.Type
