import { Layer } from "effect"
import type { StoreLayer } from "../StoreServices.js"
import { PgStoreLayer } from "./PgStoreLayer.js"
import { SqliteStoreLayer } from "./SqliteStoreLayer.js"

/**
 * PostgreSQL when `DATABASE_URL` is set (and not blank), otherwise the SQLite file under
 * `CAREPANEL_DATA_DIR` (default `./data`). The environment is read when the layer is built.
 */
export const storeLayerFromEnv = (env: Readonly<Record<string, string | undefined>> = process.env): StoreLayer => {
  const url = env.DATABASE_URL?.trim()
  return url ? PgStoreLayer(url, {}, env) : SqliteStoreLayer({}, env)
}

export const StoreLayerFromEnv: StoreLayer = Layer.suspend(() => storeLayerFromEnv())
