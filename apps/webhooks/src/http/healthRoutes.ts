import { StoreReadiness } from "@carepanel/store-sql"
import { Effect } from "effect"
import type { Hono } from "hono"
import type { ReceiverServices } from "../app/appLayer.js"
import type { ManagedRuntime } from "effect"

/** `/health`: the process answers. `/ready`: the store is reachable, its migrations current and its tables there (else 503). */
export const healthRoutes = (app: Hono, runtime: ManagedRuntime.ManagedRuntime<ReceiverServices, unknown>) => {
  app.get("/health", (c) => c.json({ status: "ok" }))
  app.get("/ready", async (c) => {
    const state = await runtime.runPromise(Effect.flatMap(StoreReadiness, (readiness) => readiness.check))
    return c.json(state, state.ready ? 200 : 503)
  })
}
