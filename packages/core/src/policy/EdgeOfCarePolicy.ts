import { Schema } from "effect"
import { RequestType } from "./RequestType.js"

/**
 * KNO-3: an edge-of-care service and the places it declares a month ("MST-CAN", 6). The records say what was
 * requested by type, not which service took the family, so each service names the request type it serves; several
 * services may share one type, and their places add up. No places: the service has not declared its capacity.
 */
export const EdgeOfCareService = Schema.Struct({
  service: Schema.NonEmptyTrimmedString,
  requestType: RequestType,
  placesPerMonth: Schema.optional(Schema.Int.pipe(Schema.nonNegative()))
})
export type EdgeOfCareService = typeof EdgeOfCareService.Type

/** KNO-3: the capacity edge-of-care services report to the group, for the monthly tracker. */
export const EdgeOfCarePolicy = Schema.Struct({ services: Schema.Array(EdgeOfCareService) })
export type EdgeOfCarePolicy = typeof EdgeOfCarePolicy.Type
