import { spawn } from "node:child_process"
import { fileURLToPath } from "node:url"
import type { DispatcherSpec, SharedStore, WriterSpec } from "@carepanel/store-contract"
import { Effect, type Layer } from "effect"
import { trustedKeyOf } from "../../src/chain/signingKey.js"
import { StoreIntegrity } from "../../src/chain/StoreIntegrity.js"
import { verifyStore } from "../../src/chain/verifyStore.js"
import type { StoreServices } from "../../src/StoreServices.js"

const writerScript = fileURLToPath(new URL("./contractWriter.ts", import.meta.url))
const dispatcherScript = fileURLToPath(new URL("./contractDispatcher.ts", import.meta.url))

/** Runs a contract script in a new Node process (TypeScript through tsx, sources through the source condition). */
const spawnScript = (script: string, env: Record<string, string>) => (spec: WriterSpec | DispatcherSpec) =>
  spawn(process.execPath, ["--conditions=@carepanel/source", "--import", "tsx", script, JSON.stringify(spec)], {
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
  spawnWriter: spawnScript(writerScript, env),
  spawnDispatcher: spawnScript(dispatcherScript, env),
  verifyIntegrity: verifyIntegrity(layer)
})
