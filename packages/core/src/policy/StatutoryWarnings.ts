import { Schema } from "effect"
import { RuleId } from "./rules.js"

/** A warning ahead of a statutory limit of 72 hours: the rule it cites and the hours at which it falls due. */
const Warning = Schema.Struct({ ruleId: RuleId, hours: Schema.Int.pipe(Schema.between(1, 71)) })

/** A Carepanel default's id names its hours (`...-48H`): cited for other hours, it would say what it does not do. */
const defaultAtItsHours = (id: RuleId, hours: number) => (warning: typeof Warning.Type | null) =>
  warning === null || warning.ruleId !== id || warning.hours === hours || `${id} is the warning at ${hours} hours: cite the authority's own rule for another time`

const policeProtectionDefault = { ruleId: "DEF-S46-WARN-48H", hours: 48 } as const
const secureAccommodationDefault = { ruleId: "DEF-S25-WARN-48H", hours: 48 } as const

/**
 * Warnings ahead of the limits on holding a child without a court's authority. The law sets only the limits (STAT-S46:
 * 72 hours of police protection; STAT-S25: 72 hours in secure accommodation in 28 days); each warning is Carepanel's
 * default, which the authority's policy may replace with its own rule and hours, or turn off (`null`).
 */
export const StatutoryWarnings = Schema.Struct({
  /** Hours after police protection began (default DEF-S46-WARN-48H, at 48). */
  policeProtection: Schema.optionalWith(Schema.NullOr(Warning).pipe(Schema.filter(defaultAtItsHours(policeProtectionDefault.ruleId, 48))), {
    default: () => policeProtectionDefault
  }),
  /** Hours used of the 72 in 28 days in secure accommodation (default DEF-S25-WARN-48H, at 48). */
  secureAccommodation: Schema.optionalWith(Schema.NullOr(Warning).pipe(Schema.filter(defaultAtItsHours(secureAccommodationDefault.ruleId, 48))), {
    default: () => secureAccommodationDefault
  })
})
export type StatutoryWarnings = typeof StatutoryWarnings.Type

export const defaultStatutoryWarnings: StatutoryWarnings = { policeProtection: policeProtectionDefault, secureAccommodation: secureAccommodationDefault }
