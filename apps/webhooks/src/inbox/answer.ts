import type { InputProblem } from "@carepanel/core"

/** What a delivery was answered: kept with it, so a repeat gets the same. */
export interface Answer {
  readonly status: number
  readonly body: Readonly<Record<string, unknown>>
  /** With a 503: when to send it again (the `Retry-After` header). */
  readonly retryAfterSeconds?: number
}

export type Outcome = "applied" | "refused" | "parked" | "dead"

/** A record a delivery created or changed. */
export interface Touched {
  readonly type: "request" | "placement"
  readonly id: string
}

const problemType = (slug: string) => `https://carepanel.example/problems/${slug}`

/** RFC 9457 problem details. */
export const problem = (status: number, slug: string, title: string, extra: Record<string, unknown> = {}): Answer => ({
  status,
  body: { type: problemType(slug), title, status, ...extra }
})

export const invalidEvent = (problems: ReadonlyArray<InputProblem>, detail: string): Answer =>
  problem(422, "invalid-event", "The event does not fit its schema; nothing was stored.", { detail, problems })

export const applied = (deliveryId: string, touched: ReadonlyArray<Touched>): Answer => ({
  status: 200,
  body: { deliveryId, outcome: "applied", touched }
})

export const parked = (deliveryId: string, waitingFor: string): Answer => ({
  status: 202,
  body: { deliveryId, outcome: "parked", waitingFor }
})

/** The core refused the command: its code (the refusal's tag) and its message, which a social worker understands. */
export const refused = (deliveryId: string, code: string, message: string): Answer =>
  problem(422, "refused", "Carepanel refused the event.", { detail: message, code, deliveryId })

export const isProblem = (answer: Answer) => answer.status >= 400
