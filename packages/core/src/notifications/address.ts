import { DateTime } from "effect"
import type { AuthorityContext } from "../shared/authorityContext.js"
import { type ClockSpec, toDeadline } from "../deadlines/clock.js"
import type { Deadline } from "../deadlines/Deadline.js"
import type { Notification, Recipient } from "../ports/Notification.js"
import type { AuthorityId } from "../shared/ids.js"
import type { Role } from "../shared/roles.js"
import type { CaseContext, StaffMember } from "./CaseContext.js"

/** One recipient and the key that names them in notification ids ("social_worker", "panel_member"). */
export interface Addressee {
  readonly key: string
  readonly recipient: Recipient
}

export const personAs = (key: string, person: StaffMember): Addressee => ({
  key,
  recipient: { _tag: "Person", personId: person.personId, name: person.name }
})

export const roleHolder = (role: Role): Addressee => ({ key: role, recipient: { _tag: "RoleHolder", role } })

/** The case's social worker by name; nobody when the case is not known (a role would reach every social worker). */
export const socialWorkerOf = (known: CaseContext | undefined): ReadonlyArray<Addressee> =>
  known?.socialWorker === undefined ? [] : [personAs("social_worker", known.socialWorker)]

/** The case's team manager by name, or whoever holds the team manager role. */
export const teamManagerOf = (known: CaseContext | undefined): Addressee =>
  known?.teamManager === undefined ? roleHolder("team_manager") : personAs("team_manager", known.teamManager)

export type ActBy = NonNullable<Notification["actBy"]>
export type Facts = Notification["facts"]

/** Facts without the values that are not there. */
export const factsOf = (entries: Readonly<Record<string, string | number | boolean | undefined>>): Facts =>
  Object.fromEntries(Object.entries(entries).filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined))

/** A notification before it is addressed: `id` is the stem each recipient's key is appended to. */
export interface Draft {
  readonly id: string
  readonly kind: string
  readonly headline: string
  readonly body: ReadonlyArray<string>
  readonly actBy?: ActBy | undefined
  readonly facts: Facts
}

/**
 * One notification per recipient, each with its own id `${stem}:${key}`: delivered, retried and deduplicated on
 * its own. Two addressees with one key are one recipient.
 */
export const addressTo = (authorityId: AuthorityId, draft: Draft, to: ReadonlyArray<Addressee>): ReadonlyArray<Notification> => {
  const unique = new Map<string, Addressee>()
  for (const addressee of to) if (!unique.has(addressee.key)) unique.set(addressee.key, addressee)
  return [...unique.values()].map((addressee) => ({
      id: `${draft.id}:${addressee.key}`,
      authorityId,
      kind: draft.kind,
      recipients: [addressee.recipient],
      headline: draft.headline,
      body: draft.body,
      ...(draft.actBy === undefined ? {} : { actBy: draft.actBy }),
      facts: draft.facts
    }))
}

/** The instant as it appears in ids and facts. */
export const iso = (instant: DateTime.Utc): string => DateTime.formatIso(instant)

/** A clock's due instant and explanation, as the reader must act on it (whether or not it is met yet). */
export const actByClock = (spec: ClockSpec, { calendar, policy }: AuthorityContext): ActBy => {
  const deadline = toDeadline({ ...spec, metAt: undefined }, calendar, { now: spec.anchor, dueSoonHours: 0 }, undefined, policy)
  return actByDeadline(deadline)
}

export const actByDeadline = (deadline: Deadline): ActBy => ({
  due: iso(deadline.due),
  ruleId: deadline.ruleId,
  explanation: deadline.explanation
})

/** The clock among `specs` with this id suffix, if the policy runs it. */
export const clockNamed = (specs: ReadonlyArray<ClockSpec>, id: string): ClockSpec | undefined =>
  specs.find((spec) => spec.id === id)

/** Of the given clocks, the one due first. */
export const earliest = (clocks: ReadonlyArray<ActBy>): ActBy | undefined =>
  [...clocks].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))[0]
