import { Effect, type Layer, ManagedRuntime } from "effect"
import type { StorePorts } from "../StoreContractOptions.js"

/** Runs one program against a store layer built for it, and closes the store afterwards. */
export const runWith = <A, E>(
  layer: Layer.Layer<StorePorts, unknown>,
  program: Effect.Effect<A, E, StorePorts>
): Promise<A> => Effect.runPromise(program.pipe(Effect.provide(layer), Effect.scoped))

/** One store kept open across several programs (for property tests); `dispose` closes it. */
export const openStore = (layer: Layer.Layer<StorePorts, unknown>) => ManagedRuntime.make(layer)
