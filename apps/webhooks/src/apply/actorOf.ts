import { Actor, type AuthorityId, NotPermitted, describeRoles, type Role, type Via } from "@carepanel/core"
import { Effect } from "effect"
import type { ActingStaff } from "../events/eventParts.js"

/**
 * The delivery acts for the staff member it names, in the role it names, which must be one of the roles the
 * source may act as (its configuration): the core then checks that role against the command as for anyone. The
 * events it causes record the source and the delivery (`by.via`).
 */
export const actorOf = (authorityId: AuthorityId, staff: ActingStaff, sourceRoles: ReadonlyArray<Role>, via: Via) =>
  sourceRoles.includes(staff.role)
    ? Effect.succeed(new Actor({ personId: staff.personId, name: staff.name, authorityId, roles: [staff.role], via }))
    : Effect.fail(
        new NotPermitted({
          action: `act as a ${describeRoles([staff.role])} through this source`,
          allowed: [...sourceRoles],
          message: `This source may act only as a ${describeRoles(sourceRoles)}, not as a ${describeRoles([staff.role])}.`
        })
      )
