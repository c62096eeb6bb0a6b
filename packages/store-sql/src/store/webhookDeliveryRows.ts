import type { DeliverySummary, WebhookOutcome } from "@carepanel/core"

/** What a delivery was answered (status and body): kept with it, so a repeat gets the same. */
export interface KeptAnswer {
  readonly status: number
  readonly body: Readonly<Record<string, unknown>>
  /**
   * What operators are shown of it (the API's delivery list, the terminal UI), in words without personal data. Never
   * sent: a refusal's own words can name the child or family, and go only to the case system that sent those names.
   */
  readonly listed?: string
}

/** One delivery as the webhook receiver keeps it (table `webhook_deliveries`, migration 0006). */
export interface KeptDelivery {
  readonly authorityId: string
  readonly deliveryId: string
  readonly sourceId: string
  readonly eventType: string
  readonly bodySha256: string
  readonly outcome: WebhookOutcome
  readonly answer: KeptAnswer
  readonly receivedAt: string
  /** When the outcome last changed (a parked delivery dies counting from it). */
  readonly updatedAt: string
  readonly waitingFor?: string | undefined
  /**
   * Kept while the delivery may be applied again (parked, refused, dead); dropped once applied, and once refused or dead
   * for the receiver's retention period (eraseSettledBodies.ts). Read only for replays.
   */
  readonly body?: string | undefined
}

/** A `webhook_deliveries` row as the drivers return it; `body` only where it was selected. */
export interface WebhookDeliveryRow {
  readonly authority_id: string
  readonly delivery_id: string
  readonly source_id: string
  readonly event_type: string
  readonly body_sha256: string
  readonly outcome: WebhookOutcome
  readonly answer: string
  readonly received_at: string
  readonly updated_at: string
  readonly waiting_for: string | null
  readonly body?: string | null
}

/** Every column but the body, which may hold a child's data: what operators' reads select. */
export const deliveryColumnsWithoutBody =
  "authority_id, delivery_id, source_id, event_type, body_sha256, outcome, answer, received_at, updated_at, waiting_for"

export const keptDeliveryOf = (row: WebhookDeliveryRow): KeptDelivery => ({
  authorityId: row.authority_id,
  deliveryId: row.delivery_id,
  sourceId: row.source_id,
  eventType: row.event_type,
  bodySha256: row.body_sha256,
  outcome: row.outcome,
  answer: JSON.parse(row.answer) as KeptAnswer,
  receivedAt: row.received_at,
  updatedAt: row.updated_at,
  waitingFor: row.waiting_for ?? undefined,
  body: row.body ?? undefined
})

/** The row to insert; an applied delivery's body is not kept. */
export const webhookDeliveryRowOf = (delivery: KeptDelivery): WebhookDeliveryRow => ({
  authority_id: delivery.authorityId,
  delivery_id: delivery.deliveryId,
  source_id: delivery.sourceId,
  event_type: delivery.eventType,
  body_sha256: delivery.bodySha256,
  outcome: delivery.outcome,
  answer: JSON.stringify(delivery.answer),
  received_at: delivery.receivedAt,
  updated_at: delivery.updatedAt,
  waiting_for: delivery.waitingFor ?? null,
  body: delivery.outcome === "applied" ? null : (delivery.body ?? null)
})

const text = (value: unknown) => (typeof value === "string" ? value : undefined)

/**
 * The summary an operator may see, never the body: the answer's code and its words for operators (`listed`), else
 * a problem's detail or title. A refusal's detail (the core's words, which can name the child or family) is never
 * listed, even for a delivery kept before `listed` was: only its title.
 */
export const deliverySummaryOf = (delivery: KeptDelivery): DeliverySummary => {
  const { body, listed } = delivery.answer
  const code = text(body.code)
  const erasedAt = text(body.erasedAt)
  const message = listed ?? (code === undefined ? (text(body.detail) ?? text(body.title)) : text(body.title))
  return {
    deliveryId: delivery.deliveryId,
    sourceId: delivery.sourceId,
    eventType: delivery.eventType,
    outcome: delivery.outcome,
    receivedAt: delivery.receivedAt,
    updatedAt: delivery.updatedAt,
    ...(delivery.waitingFor === undefined ? {} : { waitingFor: delivery.waitingFor }),
    ...(code === undefined ? {} : { code }),
    ...(message === undefined ? {} : { message }),
    ...(erasedAt === undefined ? {} : { erasedAt })
  }
}
