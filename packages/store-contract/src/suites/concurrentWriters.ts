import { Effect } from "effect"
import { expect, it } from "vitest"
import type { MakeStoreLayer } from "../StoreContractOptions.js"
import { checkCounterStream } from "../support/checkStream.js"
import { counterWriter } from "../support/counterWriter.js"
import { authority, streamOf } from "../support/fixtures.js"
import { runWith } from "../support/runStore.js"

const perWriter = 500

export const concurrentWritersSuite = (makeLayer: MakeStoreLayer) => {
  it(`keeps every acknowledged append when 2 writers race ${perWriter} appends each on one stream`, () =>
    runWith(
      makeLayer(),
      Effect.gen(function* () {
        const stream = streamOf(authority("contract-a"), "contended")
        const [left, right] = yield* Effect.all(
          [counterWriter(stream, "left", perWriter), counterWriter(stream, "right", perWriter)],
          { concurrency: 2 }
        )
        expect(left.acks).toHaveLength(perWriter)
        expect(right.acks).toHaveLength(perWriter)
        expect(left.conflicts + right.conflicts).toBeGreaterThan(0)
        const written = yield* checkCounterStream(stream, [...left.acks, ...right.acks])
        expect(written).toHaveLength(2 * perWriter)
        for (const writer of ["left", "right"]) {
          expect(written.filter((w) => w.writer === writer).map((w) => w.seq)).toEqual(
            Array.from({ length: perWriter }, (_, i) => i + 1)
          )
        }
      })
    ))
}
