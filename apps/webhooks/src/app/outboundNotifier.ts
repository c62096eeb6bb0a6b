import { SqlClient } from "@effect/sql"
import { DeliveryFailed, type Notification, Notifier } from "@carepanel/core"
import { payloadOf, prepareEndpoint, sendWebhook } from "@carepanel/notify-webhook"
import { Effect, Layer } from "effect"
import type { SourcesFile } from "../config/sources.js"
import { decisionSheetPath } from "../http/sheetLink.js"
import { type RecordOrigin, recordOrigin } from "../inbox/references.js"

/** The facts that name a record a source may have created: a request (and its decision), a placement, a clock's subject. */
const recordIdsOf = (notification: Notification): ReadonlyArray<string> =>
  ["referralId", "placementId", "aboutId"].flatMap((fact) => {
    const value = notification.facts[fact]
    return typeof value === "string" ? [value] : []
  })

/**
 * A decision sheet filed on a child's file (`decision.sheet_uploaded`): where the source fetches the PDF (with its
 * own credentials) and the hash to check it against. Never the PDF itself: a child's document does not sit in the
 * outbox or in retries.
 */
const documentOf = (notification: Notification, origin: RecordOrigin, publicUrl: string) => {
  const { decisionId, childId, sha256, mediaType } = notification.facts
  if (notification.kind !== "decision.sheet_uploaded" || typeof decisionId !== "string" || typeof childId !== "string") return {}
  const href = `${publicUrl.replace(/\/+$/, "")}${decisionSheetPath(notification.authorityId, origin.sourceId, decisionId, childId)}`
  return { document: { href, sha256, mediaType } }
}

/** The Standard Webhooks body of `payloadOf`, with the source's own reference for the record it is about (and a document's link). */
export const outboundPayload = (notification: Notification, origin: RecordOrigin, sentAt: Date, publicUrl = "http://127.0.0.1:4100") => {
  const payload = payloadOf(notification, sentAt)
  return { ...payload, data: { ...payload.data, source: origin, ...documentOf(notification, origin, publicUrl) } }
}

/**
 * The webhook channel: a decision, action or clock about a record a source created goes back to that source's
 * outbound endpoint, carrying the source's own reference for it (the form id or placement reference it was
 * created with). A notification about a record no source created, or whose source names no endpoint, is
 * nobody's to receive: it is settled without a request.
 */
export const outboundNotifier = (
  sources: SourcesFile,
  timeoutMs = 10_000,
  /** The receiver's address as the sources reach it, for document links (`CAREPANEL_WEBHOOKS_PUBLIC_URL`). */
  publicUrl = "http://127.0.0.1:4100"
): Layer.Layer<Notifier, never, SqlClient.SqlClient> =>
  Layer.effect(
    Notifier,
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const endpoints = new Map(
        Object.entries(sources.authorities).flatMap(([authorityId, { sources: bySource }]) =>
          Object.entries(bySource).flatMap(([sourceId, source]) =>
            source.outbound === undefined ? [] : [[`${authorityId}/${sourceId}`, prepareEndpoint(source.outbound)] as const]
          )
        )
      )
      return Notifier.of({
        deliver: (notification) =>
          Effect.gen(function* () {
            const origin = yield* recordOrigin(notification.authorityId, recordIdsOf(notification)).pipe(
              Effect.provideService(SqlClient.SqlClient, sql),
              Effect.mapError((error) => new DeliveryFailed({ message: `Cannot read the record's source: ${error.message}` }))
            )
            const endpoint = origin === undefined ? undefined : endpoints.get(`${notification.authorityId}/${origin.sourceId}`)
            if (origin === undefined || endpoint === undefined) return
            yield* sendWebhook(endpoint, notification, (sentAt) => outboundPayload(notification, origin, sentAt, publicUrl), timeoutMs)
          })
      })
    })
  )
