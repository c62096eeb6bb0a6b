import { RealDateTimeUtc } from "@carepanel/core"
import { Schema } from "effect"
import { aboutChild, envelope } from "./eventParts.js"

/**
 * The child's SSDA903 legal status, applied to the child's statutory record by the child's id. The shape is checked
 * here; whether the code is one is the core's to say (refused by name, 422 LegalStatusRefused).
 */
export const LegalStatusChanged = envelope(
  "legal_status.changed",
  {
    ...aboutChild,
    code: Schema.String.pipe(Schema.pattern(/^[A-Z][0-9A-Z]{1,2}$/, { message: () => "must be an SSDA903 legal status code such as V2 or C1" })),
    from: RealDateTimeUtc
  },
  "The child's SSDA903 legal status changed"
)

export const childRecordEvents = [LegalStatusChanged] as const
