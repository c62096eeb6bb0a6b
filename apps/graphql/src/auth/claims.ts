import { Actor, AuthorityId, PersonId, Role } from "@carepanel/core"
import type { JWTPayload } from "jose"
import type { AuthorityAuth } from "./authConfig.js"

const isRole = (value: string): value is Role => (Role.literals as ReadonlyArray<string>).includes(value)

const stringsOf = (value: unknown): ReadonlyArray<string> =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : typeof value === "string" ? value.split(" ") : []

/** The Carepanel roles a token's role claim grants, through the authority's map (Entra app roles or group ids). */
export const rolesOf = (payload: JWTPayload, entry: Pick<AuthorityAuth, "roleClaim" | "roleMap">): ReadonlyArray<Role> => {
  const values = stringsOf(payload[entry.roleClaim])
  const mapped = values.flatMap((value): ReadonlyArray<Role> => {
    const target = entry.roleMap?.[value]
    if (target !== undefined) return typeof target === "string" ? [target] : target
    return entry.roleMap === undefined && isRole(value) ? [value] : []
  })
  return [...new Set(mapped)]
}

/** Whether the token grants reading children's identities: the scope in `scp`/`scope`, or as a role value. */
export const grantsIdentity = (payload: JWTPayload, entry: Pick<AuthorityAuth, "identityScope" | "roleClaim">): boolean =>
  [...stringsOf(payload.scp), ...stringsOf(payload.scope), ...stringsOf(payload.roles)].includes(entry.identityScope)

export interface Caller {
  readonly actor: Actor
  /** The token lets this caller see children's names, dates of birth and addresses even as an integrator. */
  readonly identityGranted: boolean
}

/** Who the token is for: `oid` (Entra's stable object id) or `sub`; undefined when neither is a non-blank string. */
export const subjectOf = (payload: JWTPayload): string | undefined =>
  [payload.oid, payload.sub].map((value) => (typeof value === "string" ? value.trim() : "")).find((value) => value !== "")

/** Core's Actor from verified claims (the verifier refuses a token without a subject): person from `oid` or `sub`, name from `name`. */
export const callerOf = (payload: JWTPayload, authorityId: string, roles: readonly [Role, ...Role[]], identityGranted: boolean): Caller => {
  const personId = subjectOf(payload) ?? "unknown"
  const name = typeof payload.name === "string" && payload.name.trim() !== "" ? payload.name.trim() : personId
  return {
    actor: new Actor({ personId: PersonId.make(personId), name, authorityId: AuthorityId.make(authorityId), roles }),
    identityGranted
  }
}
