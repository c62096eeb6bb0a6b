import { Schema } from "effect"
import { PersonId, TeamId } from "../shared/ids.js"
import { RuleId } from "./rules.js"

const Manager = Schema.Struct({ personId: PersonId, name: Schema.NonEmptyTrimmedString })

/** One team and the managers above it (team manager, service manager): the case's line management. */
export const TeamLineManagement = Schema.Struct({
  teamId: TeamId,
  name: Schema.optional(Schema.String),
  lineManagers: Schema.NonEmptyArray(Manager)
})
export type TeamLineManagement = typeof TeamLineManagement.Type

/**
 * LIN-1: the chair is independent of the case's line management. The request's own team manager is always in it;
 * `teams` adds the managers above each team, as the authority keeps them.
 */
export const ChairIndependence = Schema.Struct({
  ruleId: RuleId,
  teams: Schema.optionalWith(Schema.Array(TeamLineManagement), { default: () => [] })
})
export type ChairIndependence = typeof ChairIndependence.Type
