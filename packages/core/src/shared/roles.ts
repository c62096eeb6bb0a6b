import { Schema } from "effect"
import { orList } from "./wordList.js"

/** Everyone who touches a panel, by the job they do there. A person may hold several roles. */
export const Role = Schema.Literal(
  "social_worker",
  "team_manager",
  "practice_supervisor",
  "head_of_service",
  "service_manager",
  "assistant_director",
  "panel_chair",
  "vice_chair",
  "panel_administrator",
  "panel_member",
  "integrator",
  "auditor"
)
export type Role = typeof Role.Type

/** For what everyone working on a panel may see (each use case still scopes it to the actor's authority). */
export const everyRole: ReadonlyArray<Role> = Role.literals

export const roleLabel: Record<Role, string> = {
  social_worker: "social worker",
  team_manager: "team manager",
  practice_supervisor: "practice supervisor",
  head_of_service: "head of service",
  service_manager: "service manager",
  assistant_director: "Assistant Director",
  panel_chair: "panel chair",
  vice_chair: "vice chair",
  panel_administrator: "panel administrator",
  panel_member: "panel member",
  integrator: "integrator",
  auditor: "auditor"
}

/** "team manager or head of service" */
export const describeRoles = (roles: ReadonlyArray<Role>): string => orList(roles.map((role) => roleLabel[role]))

/** "a team manager or head of service", "an Assistant Director" */
export const oneOfRoles = (roles: ReadonlyArray<Role>): string => {
  const described = describeRoles(roles)
  return `${/^[aeiou]/i.test(described) ? "an" : "a"} ${described}`
}
