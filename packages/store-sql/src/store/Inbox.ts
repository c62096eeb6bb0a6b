import type { AuthorityId, PersistenceError } from "@carepanel/core"
import { Context, type Effect } from "effect"

/**
 * Message ids an idempotent receiver has processed (a webhook's `webhook-id`, say), per authority. A
 * receiver calls `markProcessed` before acting and skips the message when it answers `false`.
 */
export class Inbox extends Context.Tag("@carepanel/store-sql/Inbox")<
  Inbox,
  {
    /** Records the message as processed; `true` the first time, `false` if it was already recorded. */
    readonly markProcessed: (authorityId: AuthorityId, messageId: string) => Effect.Effect<boolean, PersistenceError>
  }
>() {}
