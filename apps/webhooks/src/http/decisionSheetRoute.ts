import { within } from "@carepanel/app-kit"
import { Actor, ChildId, DecisionId, Documents, PersonId, ReadModels } from "@carepanel/core"
import { pdfFile } from "@carepanel/documents"
import { busyRetryAfterSeconds } from "@carepanel/store-sql"
import { Effect, Either, type ManagedRuntime, Schema } from "effect"
import type { Hono } from "hono"
import type { ReceiverServices } from "../app/appLayer.js"
import { findSource, secretsOf, type SourcesFile } from "../config/sources.js"
import { problem } from "../inbox/answer.js"
import { recordOrigin } from "../inbox/references.js"
import { respond, sheetUnavailable, unauthorised } from "./respond.js"
import { signedFetchContent } from "./sheetLink.js"
import { verifySignature } from "./verifySignature.js"

export interface DecisionSheetRouteOptions {
  readonly sources: SourcesFile
  readonly runtime: ManagedRuntime.ManagedRuntime<ReceiverServices, unknown>
  /** Milliseconds since the epoch, for the signature's timestamp tolerance. */
  readonly now: () => number
  /** How long a fetch waits for the store before it is answered 503 (`CAREPANEL_STORE_ANSWER_SECONDS`). */
  readonly storeAnswerMs: number
}

const notYours = problem(403, "forbidden", "This decision sheet is about a request another source sent.")
const noSheet = problem(404, "not-found", "No decision sheet was filed on this child's file for this decision.")
const changed = (detail: string) => problem(409, "sheet-changed", "The filed decision sheet cannot be made again exactly; nothing was returned.", { detail })

const ids = Schema.decodeUnknownEither(Schema.Struct({ decisionId: DecisionId, childId: ChildId }))

/** The request a decision is about, from its read model; undefined for no such decision. */
const referralOf = (authorityId: string, decisionId: string) =>
  Effect.flatMap(ReadModels, (readModels) => readModels.get("decisions", authorityId as never, decisionId)).pipe(
    Effect.map((row) => (typeof row?.index.referralId === "string" ? row.index.referralId : undefined))
  )

/** The source as a reader: an integrator acting for the case system, through this request. */
const sourceActor = (authorityId: string, sourceId: string, requestId: string) =>
  new Actor({
    personId: PersonId.make(`source:${sourceId}`),
    name: `Case system ${sourceId}`,
    authorityId: authorityId as never,
    roles: ["integrator"],
    via: { sourceId, deliveryId: requestId }
  })

/**
 * `GET /webhooks/{authority}/{source}/decision-sheets/{decisionId}/{childId}.pdf`: the decision sheet filed on the
 * child's file, for the source that sent the request, signed as its deliveries are (`signedFetchContent`). In order:
 * the signature (401, as for a delivery: no hint which check failed), the request's source (403 for any other
 * source), then the sheet made again and checked against the hash that was sent (404 none filed, 409 not the same).
 * Only a sheet that is returned is written to the access log, as read by the source. A store that fails, or has not
 * answered within `storeAnswerMs` (a network partition), is answered 503 with Retry-After: fetch it again. After the
 * limit the read may still be logged once the store answers, though the source got nothing: the access log then
 * holds one read too many, never one too few.
 */
export const decisionSheetRoute = (app: Hono, options: DecisionSheetRouteOptions) =>
  app.get("/webhooks/:authority/:source/decision-sheets/:decisionId/:file", async (c) => {
    const { authority, source: sourceId, decisionId: rawDecision, file } = c.req.param()
    const source = findSource(options.sources, authority, sourceId)
    const headers = { id: c.req.header("webhook-id"), timestamp: c.req.header("webhook-timestamp"), signature: c.req.header("webhook-signature") }
    const path = new URL(c.req.url).pathname
    const verified = verifySignature(headers, signedFetchContent(path), source === undefined ? [] : secretsOf(source), Math.floor(options.now() / 1000))
    if (verified === undefined || source === undefined) return respond(c, unauthorised)
    const decoded = ids({ decisionId: rawDecision, childId: file.endsWith(".pdf") ? file.slice(0, -4) : "" })
    if (Either.isLeft(decoded)) return respond(c, noSheet)
    const { decisionId, childId } = decoded.right
    const outcome = await within(options.storeAnswerMs, options.runtime.runPromise(
      Effect.gen(function* () {
        const referralId = yield* referralOf(authority, decisionId)
        if (referralId === undefined) return { _tag: "Answer" as const, answer: noSheet }
        const origin = yield* recordOrigin(authority, [referralId])
        if (origin?.sourceId !== sourceId) return { _tag: "Answer" as const, answer: notYours }
        const request = { actor: sourceActor(authority, sourceId, verified.deliveryId), identityGranted: true, purpose: `decision sheet fetched by source ${sourceId}` }
        const filed = yield* Effect.flatMap(Documents, (documents) => documents.filedDecisionSheet(request, decisionId, childId, pdfFile))
        return { _tag: "Sheet" as const, pdf: filed.file.pdf, sha256: filed.file.sha256 }
      }).pipe(
        Effect.catchTags({
          NotFound: () => Effect.succeed({ _tag: "Answer" as const, answer: noSheet }),
          FiledSheetChanged: (error) => Effect.succeed({ _tag: "Answer" as const, answer: changed(error.message) })
        }),
        Effect.catchAll((error) => Effect.succeed({ _tag: "Answer" as const, answer: sheetUnavailable(busyRetryAfterSeconds(error)) })),
        Effect.annotateLogs({ authority, source: sourceId }),
        Effect.withSpan("webhook.decision_sheet", { captureStackTrace: false })
      )
    ), () => ({ _tag: "Answer" as const, answer: sheetUnavailable() }))
    if (outcome._tag === "Answer") return respond(c, outcome.answer)
    return c.body(new Uint8Array(outcome.pdf), 200, {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="decision-sheet-${childId}.pdf"`,
      "repr-digest": `sha-256=:${Buffer.from(outcome.sha256, "hex").toString("base64")}:`,
      "cache-control": "no-store"
    })
  })
