import { createInterface } from "node:readline"
import { Effect, type Layer } from "effect"
import type { StorePorts, WriterSpec } from "../StoreContractOptions.js"
import { counterWriter } from "../support/counterWriter.js"
import { authority, streamOf } from "../support/fixtures.js"

/**
 * The child side of the crash and multi-process tests: opens the store through `layer`, appends as
 * `spec` says and prints `ack <writer> <seq> <version>` after each acknowledged append (stdout on a pipe
 * is synchronous on Linux, so a printed ack has left the process before the next append starts).
 * Resolves when done; rejects on any failure other than a conflict.
 */
export const runContractWriter = (layer: Layer.Layer<StorePorts, unknown>, spec: WriterSpec): Promise<void> =>
  Effect.runPromise(
    Effect.gen(function* () {
      if (spec.waitForGo) {
        process.stdout.write("ready\n")
        yield* Effect.promise(waitForGo)
      }
      const streamFor = (id: string) => streamOf(authority(spec.authorityId), id, spec.streamType)
      const streams = [spec.streamId, ...(spec.pairedStreamId === undefined ? [] : [spec.pairedStreamId])].map(streamFor)
      const fibres = spec.fibres ?? 1
      const runs = yield* Effect.forEach(
        Array.from({ length: fibres }, (_, f) => (fibres === 1 ? spec.writer : `${spec.writer}.${f + 1}`)),
        (writer) =>
          counterWriter(streams, writer, spec.count, (ack) => process.stdout.write(`ack ${ack.writer} ${ack.seq} ${ack.version}\n`), spec.pauseMs),
        { concurrency: "unbounded" }
      )
      process.stdout.write(`done ${spec.writer} ${runs.reduce((sum, run) => sum + run.conflicts, 0)}\n`)
    }).pipe(Effect.provide(layer), Effect.scoped)
  )

const waitForGo = () =>
  new Promise<void>((resolve) => {
    const lines = createInterface({ input: process.stdin })
    lines.on("line", (line) => {
      if (line.trim() === "go") {
        lines.close()
        resolve()
      }
    })
  })
