import { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import { sqlLimit } from "../sql/sqlLimit.js"
import type { KeptAnswer } from "./webhookDeliveryRows.js"

/** Deliveries erased per sweep at most (oldest first): a store's first sweep after an upgrade is spread over several. */
const perSweep = 500

/** What a refused or dead delivery's answer keeps once erased: its status, kind, code and rule, never its words. */
const keptOfTheAnswer = ["type", "title", "status", "code", "ruleId", "deliveryId"]

/** Said to a repeat of the id and to operators once the body and words are gone. */
export const erasedWords = (erasedAt: string, keptForDays: number) =>
  `Its body and details were erased on ${erasedAt.slice(0, 10)}, ${keptForDays} days after it was last refused or dead (the receiver's retention period), so it cannot be tried again; send the event again under a new webhook-id to have it considered.`

/** The answer kept in place of a refused or dead delivery's, with when it was erased. */
export const erasedAnswer = (answer: KeptAnswer, erasedAt: string, keptForDays: number): KeptAnswer => {
  const words = erasedWords(erasedAt, keptForDays)
  const kept = Object.fromEntries(Object.entries(answer.body).filter(([key]) => keptOfTheAnswer.includes(key)))
  return { status: answer.status, body: { ...kept, detail: words, erasedAt }, listed: words }
}

/**
 * UK GDPR art. 5(1)(e): a delivery refused or dead since before `settledBefore` loses its body and its answer's words;
 * the row keeps its id, outcome and dates, so a repeat of the id is still answered (exactly once) and told why. Each
 * row only if it is still as it was read (a replay may have taken it meanwhile): any number of receivers may sweep
 * one store at once. Answers how many were erased.
 */
export const eraseSettledBodies = (settledBefore: string, now: string, keptForDays: number) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.flatMap(
      sql<{ authority_id: string; delivery_id: string; outcome: string; answer: string; updated_at: string }>`SELECT authority_id, delivery_id, outcome, answer, updated_at
        FROM webhook_deliveries WHERE outcome IN ('refused', 'dead') AND body IS NOT NULL AND updated_at < ${settledBefore}
        ORDER BY updated_at LIMIT ${sqlLimit(perSweep)}`,
      (settled) =>
        Effect.map(
          Effect.forEach(settled, (row) =>
            sql<{ delivery_id: string }>`UPDATE webhook_deliveries SET body = NULL, answer = ${JSON.stringify(erasedAnswer(JSON.parse(row.answer) as KeptAnswer, now, keptForDays))}
              WHERE authority_id = ${row.authority_id} AND delivery_id = ${row.delivery_id} AND outcome = ${row.outcome}
              AND updated_at = ${row.updated_at} AND body IS NOT NULL RETURNING delivery_id`
          ),
          (updated) => updated.filter((rows) => rows.length > 0).length
        )
    )
  )
