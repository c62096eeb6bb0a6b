import type { CitingPolicy, InputProblem } from "@carepanel/core"
import type { KeptAnswer } from "@carepanel/store-sql"
import { listedWords, type Refusal } from "./refusal.js"

/** What a delivery was answered, as kept with it (a repeat gets the same); a 503 also says when to send it again. */
export type Answer = KeptAnswer & {
  /** With a 503: when to send it again (the `Retry-After` header). Never kept: a 503 is not the delivery's answer. */
  readonly retryAfterSeconds?: number
}

/** A record a delivery created or changed. */
export interface Touched {
  readonly type: "request" | "placement" | "child"
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

/**
 * The core refused the command: its code (the refusal's tag), rule (its bare id, for machines) and message, which a
 * social worker understands, to the case system that sent the event; operators are shown `listedWords` (the message can
 * name the child or family), citing the rule under the authority's `policy`.
 */
export const refused = (deliveryId: string, refusal: Refusal, policy: CitingPolicy | undefined): Answer => ({
  ...problem(422, "refused", "Carepanel refused the event.", {
    detail: refusal.message,
    code: refusal.code,
    ...(refusal.ruleId === undefined ? {} : { ruleId: refusal.ruleId }),
    deliveryId
  }),
  listed: listedWords(refusal, policy)
})

/** Parked until it died: the record it waited for never came; an operator can replay it once that record has come. */
export const dead = (deliveryId: string, waitingFor: string): Answer =>
  problem(422, "waited-too-long", "The event waited too long for the record it is about; it was not applied.", {
    detail: `It waited for ${waitingFor}, which did not come in time: send that record, then ask an operator to replay this delivery.`,
    waitingFor,
    deliveryId
  })

export const isProblem = (answer: Answer) => answer.status >= 400
