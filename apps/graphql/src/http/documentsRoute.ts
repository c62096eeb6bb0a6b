import { type BundleManifest, ChildId, DecisionId, Documents, type DocumentModel, SittingId } from "@carepanel/core"
import { fileNameOf, renderHtml, renderPdf } from "@carepanel/documents"
import { Effect } from "effect"
import type { Runner } from "../graphql/context.js"
import { sendError, sendText } from "./respond.js"
import type { Route } from "./server.js"

const statusOf: Readonly<Record<string, number>> = { NotPermitted: 403, NotFound: 404, InvalidInput: 400 }

const minutesPattern = /^\/documents\/minutes\/([^/]+)\.(pdf|html)$/
const sheetPattern = /^\/documents\/decision-sheets\/([^/]+)\/([^/]+)\.(pdf|html)$/
const bundlePattern = /^\/documents\/court-bundles\/([^/]+)\.(pdf|html|json)$/

/**
 * `/documents/minutes/<sittingId>.pdf|html`, `/documents/decision-sheets/<decisionId>/<childId>.pdf|html` and
 * `/documents/court-bundles/<childId>.pdf|html|json` (json: the manifest `carepanel-bundle-check` re-checks): the
 * core's documents for the caller, authenticated like the API; each download is written to the access log.
 */
export const documentsRoute = (run: Runner): Route => ({
  matches: (url) => url.pathname.startsWith("/documents/"),
  handle: async (_req, res, url, caller) => {
    const minutes = minutesPattern.exec(url.pathname)
    const sheet = sheetPattern.exec(url.pathname)
    const bundle = bundlePattern.exec(url.pathname)
    const format = (minutes?.[2] ?? sheet?.[3] ?? bundle?.[2]) as "pdf" | "html" | "json" | undefined
    if (format === undefined) {
      return sendError(res, 404, "NOT_FOUND", "Documents: /documents/minutes/<sittingId>, /documents/decision-sheets/<decisionId>/<childId> (.pdf or .html), /documents/court-bundles/<childId> (.pdf, .html or .json).")
    }
    const request = { actor: caller.actor, identityGranted: caller.identityGranted, purpose: `download ${url.pathname}` }
    const id = (match: RegExpExecArray, index: number) => decodeURIComponent(match[index]!)
    const build: Effect.Effect<{ document: DocumentModel; manifest?: BundleManifest }, unknown, Documents> = Effect.flatMap(Documents, (documents) =>
      minutes
        ? documents.minutes(request, SittingId.make(id(minutes, 1))).pipe(Effect.map((document) => ({ document })))
        : sheet
          ? documents.decisionSheet(request, DecisionId.make(id(sheet, 1)), ChildId.make(id(sheet, 2))).pipe(Effect.map((document) => ({ document })))
          : documents.courtBundle(request, ChildId.make(id(bundle!, 1)))
    )
    let document: DocumentModel
    let manifest: BundleManifest | undefined
    try {
      ;({ document, manifest } = await run(build))
    } catch (error) {
      const tag = (error as { _tag?: string })._tag
      if (tag !== undefined && statusOf[tag] !== undefined) return sendError(res, statusOf[tag]!, tag, (error as Error).message)
      throw error
    }
    const disposition = { "Content-Disposition": `${format === "pdf" ? "attachment" : "inline"}; filename="${fileNameOf(document, format)}"` }
    if (format === "json") {
      if (manifest === undefined) return sendError(res, 404, "NOT_FOUND", "Only a court bundle has a manifest.")
      return sendText(res, 200, "application/json; charset=utf-8", JSON.stringify(manifest), { "Content-Disposition": `attachment; filename="${fileNameOf(document, "json")}"` })
    }
    if (format === "html") return sendText(res, 200, "text/html; charset=utf-8", renderHtml(document), disposition)
    const pdf = await renderPdf(document)
    res.writeHead(200, { ...disposition, "Content-Type": "application/pdf", "Content-Length": pdf.length })
    res.end(pdf)
  }
})
