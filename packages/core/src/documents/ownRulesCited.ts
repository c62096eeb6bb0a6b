import type { CitingPolicy } from "../policy/citation.js"
import { type DocumentModel, paragraph, table, textOf } from "./DocumentModel.js"

/**
 * The document with the authority's own rules it cites (`BRK-4`), each in its words, under the document they come
 * from: no catalogue holds them, so a reader of the record (a court) finds them in it. Unchanged where it cites none.
 */
export const withOwnRulesCited = (document: DocumentModel, policy: CitingPolicy): DocumentModel => {
  const own = policy.ownRules
  if (own === undefined) return document
  const text = textOf(document).join("\n")
  // An own id is capitals, digits and hyphens (`OwnRuleId`): cited where it stands alone, not inside a longer id.
  const cited = Object.entries(own.rules).filter(([id]) => new RegExp(`(?<![A-Z0-9-])${id}(?![A-Z0-9-])`).test(text))
  if (cited.length === 0) return document
  const section = { heading: "The authority's own rules cited", blocks: [paragraph(`From ${own.source}.`), table("Rules", ["Rule", "Words"], cited)] }
  return { ...document, sections: [...document.sections, section] }
}
