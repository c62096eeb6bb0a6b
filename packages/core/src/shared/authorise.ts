import { Effect } from "effect"
import type { Actor } from "./actor.js"
import type { ActedBy } from "./actor.js"
import { NotPermitted } from "./errors.js"
import type { AuthorityId } from "./ids.js"
import { oneOfRoles, type Role } from "./roles.js"

declare const authorised: unique symbol

/**
 * An actor whose role has been checked for one action. Commands only accept this type and it can only
 * be made by `authorise`, so a use case that forgets the check does not compile.
 */
export interface Authorised {
  readonly [authorised]: true
  readonly actor: Actor
  /** The role under which the actor acts here (the first allowed role they hold). */
  readonly role: Role
  readonly authorityId: AuthorityId
}

/** What a use case declares: its name in plain words and the roles that may run it. */
export interface Permission {
  readonly action: string
  readonly roles: ReadonlyArray<Role>
}

export const permission = (action: string, ...roles: ReadonlyArray<Role>): Permission => ({ action, roles })

export const authorise = (actor: Actor, rule: Permission): Effect.Effect<Authorised, NotPermitted> => {
  const role = rule.roles.find((allowed) => actor.roles.includes(allowed))
  if (role === undefined) {
    return Effect.fail(
      new NotPermitted({
        action: rule.action,
        allowed: [...rule.roles],
        message: `Only ${oneOfRoles(rule.roles)} can ${rule.action}.`
      })
    )
  }
  return Effect.succeed({ actor, role, authorityId: actor.authorityId } as Authorised)
}

/** The events' record of who acted; a case system's delivery (source and `webhook-id`) where it came through one. */
export const actedBy = (by: Authorised): ActedBy => ({
  personId: by.actor.personId,
  name: by.actor.name,
  role: by.role,
  ...(by.actor.via === undefined ? {} : { via: by.actor.via })
})
