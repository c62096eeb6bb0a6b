import { type CoreLayerParts, type CoreServices, coreLayer } from "@carepanel/app-kit"

export type { StorePorts } from "@carepanel/app-kit"

/** What a screen's effect may use: the core's use cases and the ports under them, wired as in every app. */
export type TuiServices = CoreServices

export type TuiLayerParts = CoreLayerParts<unknown>

export const tuiLayer = coreLayer
