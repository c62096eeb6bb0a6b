import { type CoreLayerParts, type CoreServices, coreLayer } from "@carepanel/app-kit"

export type { StorePorts } from "@carepanel/app-kit"

/** Everything a request's effect may use: the core's use cases and the ports under them, as every app wires them. */
export type AppServices = CoreServices

export type AppLayerParts<E> = CoreLayerParts<E>

export const appLayer = coreLayer
