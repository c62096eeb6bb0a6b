import { randomUUID } from "node:crypto"
import { IdGenerator } from "@carepanel/core"
import { Effect, Layer } from "effect"

/** Ids as the API makes them: the prefix, the creation time in hex (so lists by id run oldest first), 64 random bits. */
export const RandomIds = Layer.succeed(
  IdGenerator,
  IdGenerator.of({
    next: (prefix) => Effect.sync(() => `${prefix}_${Date.now().toString(16).padStart(12, "0")}-${randomUUID().replaceAll("-", "").slice(0, 16)}`)
  })
)
