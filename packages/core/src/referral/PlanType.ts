import { Schema } from "effect"

/** Plan types across the seeds: early help / family wellbeing, FF, child in need, protection, looked after. */
export const PlanType = Schema.Literal("EH", "FWB", "FF", "CIN", "CP", "CLA")
export type PlanType = typeof PlanType.Type
