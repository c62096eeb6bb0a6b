import { Effect, Layer, Ref } from "effect"
import { IdGenerator } from "../ports/IdGenerator.js"

/** Predictable ids for tests: `ref_1`, `ref_2`, `sit_1`, ... (one counter per prefix). */
export const SequentialIds = Layer.effect(
  IdGenerator,
  Effect.gen(function* () {
    const counters = yield* Ref.make(new Map<string, number>())
    return IdGenerator.of({
      next: (prefix) =>
        Ref.modify(counters, (map) => {
          const n = (map.get(prefix) ?? 0) + 1
          return [`${prefix}_${n}`, new Map(map).set(prefix, n)]
        })
    })
  })
)
