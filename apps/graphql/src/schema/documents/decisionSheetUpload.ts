import { ChildId, DecisionId, DecisionNotFinal, Documents, NotApplicable, type Sitting, SittingNotInState } from "@carepanel/core"
import { fileNameOf, pdfFile } from "@carepanel/documents"
import { Effect, Schema } from "effect"
import { builder } from "../builder.js"
import { commonRefusals } from "../errors/refusals.js"
import { command, using } from "../run.js"
import { SittingRef } from "../sitting/sittingType.js"
import { documentRequest } from "./documentQueries.js"
import { decisionSheetPath, PanelDocumentRef, type ServedDocument } from "./documentType.js"

interface DecisionSheetUpload {
  readonly document: ServedDocument
  readonly pdf: Buffer
  readonly sha256: string
  readonly sitting: Sitting
}

const DecisionSheetUploadRef = builder.objectRef<DecisionSheetUpload>("DecisionSheetUpload").implement({
  description: "The final decision sheet for the child's file, and the sitting with the child's upload recorded (CPR-11).",
  fields: (t) => ({
    document: t.field({ type: PanelDocumentRef, resolve: (upload) => upload.document }),
    fileName: t.string({ resolve: (upload) => fileNameOf(upload.document.model, "pdf") }),
    pdfBase64: t.string({ description: "The PDF to store on the child's file.", resolve: (upload) => upload.pdf.toString("base64") }),
    sha256: t.string({ description: "SHA-256 of the PDF, hex: what the case system stored (and what the document event to the request's source carries).", resolve: (upload) => upload.sha256 }),
    sitting: t.field({ type: SittingRef, resolve: (upload) => upload.sitting })
  })
})

builder.mutationField("uploadDecisionSheet", (t) =>
  t.field({
    type: DecisionSheetUploadRef,
    description:
      "Makes a final decision's sheet for one child's file (PDF) and records the child's record as uploaded on the sitting, " +
      "which meets CPR-11's upload clock (the panel administrator, after the chair returns the final record).",
    args: {
      input: t.arg({
        required: true,
        type: builder.inputType("UploadDecisionSheetInput", { fields: (f) => ({ decisionId: f.id({ required: true }), childId: f.id({ required: true }) }) })
      })
    },
    // Registered as GraphQL types with the decision and sitting refusals (errors/refusals.ts).
    errors: { types: [...commonRefusals, DecisionNotFinal, NotApplicable, SittingNotInState] },
    resolve: (_root, args, context, info) =>
      command(context, "uploadDecisionSheet", Schema.Struct({ decisionId: DecisionId, childId: ChildId }), args.input, (_actor, input) =>
        using(Documents, (documents) => documents.uploadDecisionSheet(documentRequest(context, info), input.decisionId, input.childId, pdfFile)).pipe(
          Effect.map(({ document, file, sitting }) => ({ document: { model: document, path: decisionSheetPath(input.decisionId, input.childId) }, pdf: file.pdf, sha256: file.sha256, sitting }))
        )
      )
  })
)
