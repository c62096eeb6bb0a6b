import { Context } from "effect"
import type { WriteTransaction } from "../sql/writeTransaction.js"

/**
 * A write transaction for a whole unit of work (a webhook delivery: its inbox claim, its events, its record) that,
 * on SQLite and outside any open transaction, joins this process's next group commit: the concurrent units share
 * one `BEGIN IMMEDIATE`, one `COMMIT` and one sync, each in its own savepoint, and each is answered only after the
 * group is durable; a unit that fails is rolled back alone. Inside an open transaction it is a savepoint; on
 * PostgreSQL, the plain write transaction (see sqlStoreServices.ts for why).
 *
 * The unit runs in the group leader's fibre with its own services, so anything fibre-local it needs (log
 * annotations) must be set inside it.
 */
export class GroupedWrites extends Context.Tag("@carepanel/store-sql/GroupedWrites")<GroupedWrites, { readonly transaction: WriteTransaction }>() {}
