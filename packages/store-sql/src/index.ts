export { canonicalJson } from "./chain/canonicalJson.js"
export { eventHash, genesisHash, type HashedFields } from "./chain/eventHash.js"
export { type BrokenLink, type ChainReport, verifyChain } from "./chain/verifyChain.js"
export { type ChainLink, type ChainLog, chainGenesis, type LinkedRow, linkHead, linkMessage } from "./chain/chainLink.js"
export { generateSigningKeyPem, keyIdOf, type SigningKey, signingKeyFromPem, signText, type TrustedKey, trustedKeysFromPem, trustedKeyOf, verifyText } from "./chain/signingKey.js"
export { type SealedStatement, sealMessage, sealRecords } from "./chain/recordSeal.js"
export { StoreIntegrity } from "./chain/StoreIntegrity.js"
export { type Intact, type IntegrityReport, type Tampered, verifyStore, type VerifyStoreOptions } from "./chain/verifyStore.js"
export { Checkpoint, checkpointMessage, lastCheckpoint } from "./chain/witness.js"
export { createFileOnce } from "./config/createFileOnce.js"
export { writableDataDirectory } from "./config/dataDirectory.js"
export { devKeyFile, type IntegrityOptions } from "./config/integrityConfig.js"
export { StoreConfigError } from "./config/StoreConfigError.js"
export { type Readiness, StoreReadiness } from "./health/StoreReadiness.js"
export { PgStoreLayer, type PgStoreOptions } from "./layers/PgStoreLayer.js"
export { SqliteStoreLayer, type SqliteStoreOptions } from "./layers/SqliteStoreLayer.js"
export { StoreLayerFromEnv, storeLayerFromEnv } from "./layers/StoreLayerFromEnv.js"
export { migrations, migrationsTable } from "./migrations/runMigrations.js"
export type { GroupCommitOptions } from "./store/groupCommit.js"
export { GroupedWrites } from "./store/GroupedWrites.js"
export { Inbox } from "./store/Inbox.js"
export { directly } from "./sql/directly.js"
export { storeErrorOf } from "./sql/driverMessage.js"
export { makeWriteTransaction, type WriteTransaction } from "./sql/writeTransaction.js"
export { busyRetryAfterSeconds, WriteLockWait } from "./sql/writeLockWait.js"
export type { StoreLayer, StoreServices } from "./StoreServices.js"
export {
  deliveryColumnsWithoutBody,
  type KeptAnswer,
  type KeptDelivery,
  keptDeliveryOf,
  deliverySummaryOf,
  type WebhookDeliveryRow,
  webhookDeliveryRowOf
} from "./store/webhookDeliveryRows.js"
export { eraseSettledBodies, erasedAnswer } from "./store/eraseSettledBodies.js"
