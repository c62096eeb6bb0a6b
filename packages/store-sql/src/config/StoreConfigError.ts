import { Schema } from "effect"

/**
 * The store cannot start because of its configuration: a malformed or unreachable `DATABASE_URL`, a data
 * directory that cannot be written. `message` is one line naming the setting, meant to be printed as is.
 */
export class StoreConfigError extends Schema.TaggedError<StoreConfigError>()("StoreConfigError", {
  setting: Schema.String,
  message: Schema.String
}) {}
