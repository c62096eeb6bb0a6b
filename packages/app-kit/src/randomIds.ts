import { randomUUID } from "node:crypto"
import { IdGenerator } from "@carepanel/core"
import { Effect, Layer } from "effect"

/**
 * New ids such as `ref_0194f6c2a1b3-5f0e9c1d2a7b4e8f`: the prefix kept, then the creation time in hex (so ids,
 * and the lists ordered by id, run oldest first) and 64 random bits from `crypto.randomUUID`.
 */
export const nextId = (prefix: string, now = Date.now()): string =>
  `${prefix}_${now.toString(16).padStart(12, "0")}-${randomUUID().replaceAll("-", "").slice(0, 16)}`

export const RandomIds = Layer.succeed(IdGenerator, IdGenerator.of({ next: (prefix) => Effect.sync(() => nextId(prefix)) }))
