import { type Env, intSetting } from "./env.js"

/**
 * How long an app keeps a client's idle connection open for its next request. Node's own 5 s is shorter than a load
 * balancer's idle timeout (60 s on the common ones), so the app would close connections the balancer still counts as
 * open, and now and then the balancer sends a request down one the app has just closed: the user gets a 502. Longer
 * than the balancer's, the balancer always closes first. `CAREPANEL_KEEP_ALIVE_SECONDS` sets it (docs/deployment.md).
 */
export const defaultKeepAliveSeconds = 65

export const keepAliveMsOf = (env: Env): number => 1000 * intSetting(env, "CAREPANEL_KEEP_ALIVE_SECONDS", defaultKeepAliveSeconds, 1, 3_600)

