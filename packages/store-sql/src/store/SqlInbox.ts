import { SqlClient } from "@effect/sql"
import { Clock, Effect } from "effect"
import { asPersistenceError } from "../sql/persistenceError.js"
import type { WriteTransaction } from "../sql/writeTransaction.js"
import { Inbox } from "./Inbox.js"

export const makeSqlInbox = (writeTransaction: WriteTransaction) =>
  Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  return Inbox.of({
    markProcessed: (authorityId, messageId) =>
      Effect.flatMap(Clock.currentTimeMillis, (now) =>
        writeTransaction(sql<{ message_id: string }>`INSERT INTO inbox (authority_id, message_id, processed_at)
          VALUES (${authorityId}, ${messageId}, ${new Date(now).toISOString()})
          ON CONFLICT (authority_id, message_id) DO NOTHING RETURNING message_id`)
      ).pipe(
        Effect.map((rows) => rows.length === 1),
        asPersistenceError("record a processed message")
      )
  })
})
