import type { DocumentModel } from "@carepanel/core"
import { renderHtml, renderPdf } from "@carepanel/documents"
import { builder } from "../builder.js"

/** A document built for the caller, and where the same document downloads (GET, same bearer token). */
export interface ServedDocument {
  readonly model: DocumentModel
  /** e.g. `/documents/minutes/sit_1`; add `.pdf` or `.html`. */
  readonly path: string
}

export const minutesPath = (sittingId: string) => `/documents/minutes/${encodeURIComponent(sittingId)}`
export const decisionSheetPath = (decisionId: string, childId: string) =>
  `/documents/decision-sheets/${encodeURIComponent(decisionId)}/${encodeURIComponent(childId)}`

const RecordStageEnum = builder.enumType("RecordStage", {
  description: "Where the record is (CPR-11): draft and with_chair are watermarked; final is not.",
  values: ["draft", "with_chair", "final"] as const
})

export const PanelDocumentRef = builder.objectRef<ServedDocument>("PanelDocument").implement({
  description:
    "Minutes or a decision sheet, as the caller may read it (children named only for those who may see names). " +
    "Building it is a read of each child's record, written to the access log with the operation's name.",
  fields: (t) => ({
    kind: t.string({ description: "minutes or decision_sheet.", resolve: (document) => document.model.kind }),
    title: t.string({ resolve: (document) => document.model.title }),
    subtitle: t.string({ resolve: (document) => document.model.subtitle }),
    stage: t.field({ type: RecordStageEnum, resolve: (document) => document.model.stage }),
    watermark: t.string({ nullable: true, resolve: (document) => document.model.watermark ?? null }),
    generatedAt: t.string({ description: "ISO instant.", resolve: (document) => document.model.generatedAt }),
    html: t.string({ description: "The document as one accessible HTML page.", resolve: (document) => renderHtml(document.model) }),
    pdfBase64: t.string({ description: "The document as PDF (fonts embedded), base64.", resolve: (document) => renderPdf(document.model).then((pdf) => pdf.toString("base64")) }),
    pdfPath: t.string({ description: "GET this path with the same bearer token for the PDF.", resolve: (document) => `${document.path}.pdf` }),
    htmlPath: t.string({ description: "GET this path with the same bearer token for the HTML page.", resolve: (document) => `${document.path}.html` })
  })
})
