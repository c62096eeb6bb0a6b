import type { SqlClient } from "@effect/sql"
import type { AccessLog, EventStore, Outbox, RateCounters, ReadModels, RecordSeals, RequestKeys, WebhookDeliveries } from "@carepanel/core"
import type { Layer } from "effect"
import type { StoreIntegrity } from "./chain/StoreIntegrity.js"
import type { StoreConfigError } from "./config/StoreConfigError.js"
import type { StoreReadiness } from "./health/StoreReadiness.js"
import type { GroupedWrites } from "./store/GroupedWrites.js"
import type { Inbox } from "./store/Inbox.js"

/**
 * What a store layer provides: core's store ports, the inbox, the access log, the receiver's deliveries, the
 * court bundles' record seals (`RecordSeals`), the counts behind per-client limits (`RateCounters`), the keys changes
 * were sent with (`RequestKeys`), the signing key and witness (`StoreIntegrity`), the SQL client (for `verifyChain` and
 * `verifyStore`) and the readiness check.
 */
export type StoreServices =
  | EventStore
  | ReadModels
  | Outbox
  | Inbox
  | GroupedWrites
  | AccessLog
  | WebhookDeliveries
  | RecordSeals
  | RateCounters
  | RequestKeys
  | StoreIntegrity
  | SqlClient.SqlClient
  | StoreReadiness

export type StoreLayer = Layer.Layer<StoreServices, StoreConfigError>
