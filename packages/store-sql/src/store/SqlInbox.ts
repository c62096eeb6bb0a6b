import { SqlClient } from "@effect/sql"
import { Clock, Effect, Option } from "effect"
import { directly } from "../sql/directly.js"
import { asPersistenceError } from "../sql/persistenceError.js"
import type { WriteTransaction } from "../sql/writeTransaction.js"
import { Inbox } from "./Inbox.js"

export const makeSqlInbox = (writeTransaction: WriteTransaction) =>
  Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  return Inbox.of({
    markProcessed: (authorityId, messageId) =>
      Effect.flatMap(Clock.currentTimeMillis, (now) => {
        const claim = directly(
          sql,
          sql<{ message_id: string }>`INSERT INTO inbox (authority_id, message_id, processed_at)
            VALUES (${authorityId}, ${messageId}, ${new Date(now).toISOString()})
            ON CONFLICT (authority_id, message_id) DO NOTHING RETURNING message_id`
        )
        // One statement is atomic on its own: inside the caller's transaction (the webhook receiver's delivery) a
        // savepoint around it would add two statements' work and nothing else.
        return Effect.flatMap(Effect.serviceOption(SqlClient.TransactionConnection), (open) => (Option.isSome(open) ? claim : writeTransaction(claim)))
      }).pipe(
        Effect.map((rows) => rows.length === 1),
        asPersistenceError("record a processed message")
      )
  })
})
