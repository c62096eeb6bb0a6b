import { spawn } from "node:child_process"
import type { DispatcherSpec, SharedStore, WriterSpec } from "@carepanel/store-contract"
import { Effect, type Layer } from "effect"
import { trustedKeyOf } from "../../src/chain/signingKey.js"
import { StoreIntegrity } from "../../src/chain/StoreIntegrity.js"
import { verifyStore } from "../../src/chain/verifyStore.js"
import type { StoreServices } from "../../src/StoreServices.js"
import { type ChildScript, childScriptArgs } from "./childScripts.js"

/** Runs a contract script in a new Node process (bundled from its sources by the global setup). */
const spawnScript = (script: ChildScript, env: Record<string, string>) => (spec: WriterSpec | DispatcherSpec) =>
  spawn(process.execPath, [...childScriptArgs(script), JSON.stringify(spec)], {
    env: { ...process.env, ...env },
    stdio: ["pipe", "pipe", "pipe"]
  })

/** Every process signs with the key the environment names (here the development key in the data directory). */
const verifyIntegrity = (layer: Layer.Layer<StoreServices, unknown>) => () =>
  Effect.runPromise(
    Effect.flatMap(StoreIntegrity, ({ key }) => verifyStore({ trusted: [trustedKeyOf(key)] })).pipe(
      Effect.flatMap((report) =>
        report._tag === "Intact" ? Effect.void : Effect.dieMessage(`signed chain broken: ${JSON.stringify(report)}`)
      ),
      Effect.provide(layer)
    )
  )

/** A store several processes open at once, named to the child by the same variables an app reads. */
export const sharedStore = (layer: Layer.Layer<StoreServices, unknown>, env: Record<string, string>): SharedStore => ({
  layer,
  spawnWriter: spawnScript("contractWriter", env),
  spawnDispatcher: spawnScript("contractDispatcher", env),
  verifyIntegrity: verifyIntegrity(layer)
})
