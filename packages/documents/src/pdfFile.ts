import { createHash } from "node:crypto"
import type { DocumentModel } from "@carepanel/core"
import { Effect } from "effect"
import { renderPdf } from "./renderPdf.js"

/** A document as the PDF that goes to a child's file, with its SHA-256 (hex): what `Documents` records and checks. */
export const pdfFile = (document: DocumentModel): Effect.Effect<{ readonly pdf: Buffer; readonly sha256: string }> =>
  Effect.promise(() => renderPdf(document)).pipe(Effect.map((pdf) => ({ pdf, sha256: createHash("sha256").update(pdf).digest("hex") })))
