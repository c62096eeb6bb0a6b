import type { SqlError } from "@effect/sql/SqlError"
import { Context, type Effect } from "effect"
import type { SigningKey } from "./signingKey.js"
import type { Checkpoint } from "./witness.js"

/** A store's signing key and witness, for whoever needs a checkpoint now (the CLI, an app on shutdown). */
export class StoreIntegrity extends Context.Tag("@carepanel/store-sql/StoreIntegrity")<
  StoreIntegrity,
  {
    readonly key: SigningKey
    /** The witness file, if one is configured. */
    readonly witnessFile: string | undefined
    /** Signs the chains' heads as they are now and appends the checkpoint to the witness file (if any). */
    readonly checkpoint: Effect.Effect<Checkpoint, SqlError | Error>
  }
>() {}
