import { type ConfigError, type Env, emailNotifierFromEnv } from "@carepanel/app-kit"
import type { Notifier } from "@carepanel/core"
import type { Layer } from "effect"
import { LogNotifier } from "./logNotifier.js"

/** Email where SMTP is configured, otherwise one log line each. */
export const notifierFromEnv = (env: Env, log: (line: string) => void): Layer.Layer<Notifier, ConfigError> => emailNotifierFromEnv(env) ?? LogNotifier(log)
