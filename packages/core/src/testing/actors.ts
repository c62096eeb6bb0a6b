import { Actor } from "../shared/actor.js"
import { AuthorityId, PersonId } from "../shared/ids.js"
import type { Role } from "../shared/roles.js"

/** Fictional staff for tests and demos. None of them is a real person. */
export const actorAt =
  (authorityId: string) =>
  (name: string, ...roles: [Role, ...Role[]]): Actor =>
    new Actor({
      personId: PersonId.make(name.toLowerCase().replace(/[^a-z]+/g, "-")),
      name,
      authorityId: AuthorityId.make(authorityId),
      roles
    })

/** One person for each role at an authority. */
export const staffOf = (authorityId: string) => {
  const at = actorAt(authorityId)
  return {
    socialWorker: at("Priya Ashdown", "social_worker"),
    teamManager: at("Tom Brackley", "team_manager"),
    practiceSupervisor: at("Nell Curbridge", "practice_supervisor"),
    headOfService: at("Grace Dunmore", "head_of_service"),
    serviceManager: at("Owen Ellery", "service_manager"),
    assistantDirector: at("Ruth Fairholme", "assistant_director", "panel_chair"),
    chair: at("Martin Gorsley", "panel_chair"),
    viceChair: at("Alys Hartwell", "vice_chair"),
    administrator: at("Dev Ingleby", "panel_administrator"),
    member: at("Sam Jessop", "panel_member"),
    integrator: at("Case System Bridge", "integrator"),
    auditor: at("Iris Kettering", "auditor")
  }
}
