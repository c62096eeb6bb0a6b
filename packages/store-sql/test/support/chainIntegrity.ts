import type { StoreIntegrity } from "@carepanel/store-contract"
import type { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import { verifyChain } from "../../src/index.js"

/** The store's own integrity check for the contract's command fuzz: every event's hash chains to the one before it. */
export const chainVerifies: StoreIntegrity<SqlClient.SqlClient> = {
  name: "hash chain verifies",
  check: Effect.flatMap(verifyChain(), (report) =>
    report._tag === "Intact" && report.events > 0 ? Effect.void : Effect.fail(new Error(`the hash chain does not verify: ${JSON.stringify(report)}`))
  )
}
