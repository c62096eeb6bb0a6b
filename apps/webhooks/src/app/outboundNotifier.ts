import type { Notifier } from "@carepanel/core"
import { WebhookNotifierLive } from "@carepanel/notify-webhook"
import type { Layer } from "effect"
import type { SourcesFile } from "../config/sources.js"

/**
 * The panel's outcomes go back as Standard Webhooks to each authority's outbound endpoint: the first source
 * of the authority that names one (one endpoint per authority, as `@carepanel/notify-webhook` delivers).
 */
export const outboundNotifier = (sources: SourcesFile, timeoutMs = 10_000): Layer.Layer<Notifier> => {
  const endpoints = Object.fromEntries(
    Object.entries(sources.authorities).flatMap(([authorityId, { sources: bySource }]) => {
      const endpoint = Object.values(bySource).find((source) => source.outbound !== undefined)?.outbound
      return endpoint === undefined ? [] : [[authorityId, endpoint]]
    })
  )
  return WebhookNotifierLive({ endpoints, timeoutMs })
}
