/**
 * A document in the core's terms: what it says and in what order, never how it looks. Adapters render it (PDF,
 * HTML); every renderer shows the same blocks in the same order, so a test of the model is a test of the content.
 */

/** Where the record is in its life (CPR-11): drafted, with the chair for checking, or final. */
export type RecordStage = "draft" | "with_chair" | "final"

export type Block =
  | { readonly _tag: "Paragraph"; readonly text: string }
  /** Label and value pairs, e.g. "Outcome: approve". */
  | { readonly _tag: "Fields"; readonly rows: ReadonlyArray<readonly [label: string, value: string]> }
  | { readonly _tag: "Table"; readonly caption: string; readonly columns: ReadonlyArray<string>; readonly rows: ReadonlyArray<ReadonlyArray<string>> }

export interface Section {
  readonly heading: string
  readonly blocks: ReadonlyArray<Block>
  /** One level below: an agenda item's parts, a bundle's decisions. */
  readonly subsections?: ReadonlyArray<Section>
}

export type PanelDocumentKind = "minutes" | "decision_sheet" | "court_bundle"

export interface DocumentModel {
  readonly kind: PanelDocumentKind
  readonly title: string
  /** The authority, the panel, the date: the line under the title. */
  readonly subtitle: string
  readonly stage: RecordStage
  /** Printed across every page of a record that is not final; absent on a final one. */
  readonly watermark?: string
  /** ISO instant the document was made at. */
  readonly generatedAt: string
  /** Who asked for it and in which role: a document carries who it was made for. */
  readonly preparedFor: string
  readonly sections: ReadonlyArray<Section>
  /** The children whose records this document reads, and which of their fields: the access log's entry. */
  readonly reads: ReadonlyArray<{ readonly childId: string; readonly fields: ReadonlyArray<string> }>
}

export const watermarkOf = (stage: RecordStage): string | undefined =>
  stage === "draft" ? "DRAFT - NOT FOR CIRCULATION" : stage === "with_chair" ? "DRAFT - WITH THE CHAIR FOR CHECKING" : undefined

export const paragraph = (text: string): Block => ({ _tag: "Paragraph", text })
export const fields = (rows: ReadonlyArray<readonly [string, string | undefined]>): Block => ({
  _tag: "Fields",
  rows: rows.filter((row): row is readonly [string, string] => row[1] !== undefined && row[1] !== "")
})
export const table = (caption: string, columns: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): Block => ({
  _tag: "Table",
  caption,
  columns,
  rows
})

/** Every piece of text in reading order: what a test or a screen reader meets, first to last. */
export const textOf = (document: DocumentModel): ReadonlyArray<string> => {
  const ofBlock = (block: Block): ReadonlyArray<string> =>
    block._tag === "Paragraph"
      ? [block.text]
      : block._tag === "Fields"
        ? block.rows.flat()
        : [block.caption, ...block.columns, ...block.rows.flat()]
  const ofSection = (section: Section): ReadonlyArray<string> => [
    section.heading,
    ...section.blocks.flatMap(ofBlock),
    ...(section.subsections ?? []).flatMap(ofSection)
  ]
  return [document.title, document.subtitle, ...document.sections.flatMap(ofSection)]
}
