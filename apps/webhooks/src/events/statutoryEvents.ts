import { RealDateTimeUtc } from "@carepanel/core"
import { Schema } from "effect"
import { aboutChild, envelope } from "./eventParts.js"

const At = RealDateTimeUtc

/**
 * Statutory records the core does not hold yet (no legal status). Their shapes are checked, then the
 * delivery is answered 422 "not yet supported by this version" and nothing is stored, so the case system can send it
 * again after an upgrade.
 */
export const LegalStatusChanged = envelope(
  "legal_status.changed",
  { ...aboutChild, code: Schema.String.pipe(Schema.pattern(/^[A-Z][0-9A-Z]{1,2}$/, { message: () => "must be an SSDA903 legal status code such as V2 or C1" })), from: At },
  "The child's SSDA903 legal status changed"
)
export const statutoryEvents = [LegalStatusChanged] as const
