import { ChildId, DecisionId, Documents, type DocumentModel, SittingId } from "@carepanel/core"
import { fileNameOf, renderHtml, renderPdf } from "@carepanel/documents"
import { Effect } from "effect"
import type { Runner } from "../graphql/context.js"
import { sendError, sendText } from "./respond.js"
import type { Route } from "./server.js"

const statusOf: Readonly<Record<string, number>> = { NotPermitted: 403, NotFound: 404, InvalidInput: 400 }

const minutesPattern = /^\/documents\/minutes\/([^/]+)\.(pdf|html)$/
const sheetPattern = /^\/documents\/decision-sheets\/([^/]+)\/([^/]+)\.(pdf|html)$/

/**
 * `/documents/minutes/<sittingId>.pdf|html` and `/documents/decision-sheets/<decisionId>/<childId>.pdf|html`: the
 * core's documents for the caller, authenticated like the API; each download is written to the access log.
 */
export const documentsRoute = (run: Runner): Route => ({
  matches: (url) => url.pathname.startsWith("/documents/"),
  handle: async (_req, res, url, caller) => {
    const minutes = minutesPattern.exec(url.pathname)
    const sheet = sheetPattern.exec(url.pathname)
    const format = minutes?.[2] ?? sheet?.[3]
    if (format === undefined) {
      return sendError(res, 404, "NOT_FOUND", "Documents: /documents/minutes/<sittingId>.pdf or .html, /documents/decision-sheets/<decisionId>/<childId>.pdf or .html.")
    }
    const request = { actor: caller.actor, identityGranted: caller.identityGranted, purpose: `download ${url.pathname}` }
    const build: Effect.Effect<DocumentModel, unknown, Documents> = minutes
      ? Effect.flatMap(Documents, (documents) => documents.minutes(request, SittingId.make(decodeURIComponent(minutes[1]!))))
      : Effect.flatMap(Documents, (documents) => documents.decisionSheet(request, DecisionId.make(decodeURIComponent(sheet![1]!)), ChildId.make(decodeURIComponent(sheet![2]!))))
    let document: DocumentModel
    try {
      document = await run(build)
    } catch (error) {
      const tag = (error as { _tag?: string })._tag
      if (tag !== undefined && statusOf[tag] !== undefined) return sendError(res, statusOf[tag]!, tag, (error as Error).message)
      throw error
    }
    const disposition = { "Content-Disposition": `${format === "pdf" ? "attachment" : "inline"}; filename="${fileNameOf(document, format === "pdf" ? "pdf" : "html")}"` }
    if (format === "html") return sendText(res, 200, "text/html; charset=utf-8", renderHtml(document), disposition)
    const pdf = await renderPdf(document)
    res.writeHead(200, { ...disposition, "Content-Type": "application/pdf", "Content-Length": pdf.length })
    res.end(pdf)
  }
})
