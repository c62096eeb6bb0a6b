import type { SqlClient } from "@effect/sql"
import type { EventStore, Outbox, ReadModels } from "@carepanel/core"
import type { Layer } from "effect"
import type { StoreConfigError } from "./config/StoreConfigError.js"
import type { Inbox } from "./store/Inbox.js"

/** What a store layer provides: core's three ports, the inbox, and the SQL client (for `verifyChain`). */
export type StoreServices = EventStore | ReadModels | Outbox | Inbox | SqlClient.SqlClient

export type StoreLayer = Layer.Layer<StoreServices, StoreConfigError>
