import type { DateTime } from "effect"
import type { ReadBy } from "../access/ChildRead.js"
import { redactedText } from "../access/redactedText.js"
import type { Referral } from "../referral/Referral.js"
import type { Actor } from "../shared/actor.js"
import { type Role, roleLabel } from "../shared/roles.js"

/**
 * Who a document is made for. `identityGranted` is the caller's grant to read children's identities although
 * their only role is integrator (the API's identity scope); every other role reads names as on screen.
 */
export interface DocumentReader {
  readonly actor: Actor
  /** The role the document is made under: the first of the actor's roles the document allows. */
  readonly role: Role
  readonly identityGranted: boolean
}

export const readsIdentity = (reader: DocumentReader): boolean =>
  reader.identityGranted || reader.actor.roles.some((role) => role !== "integrator")

/**
 * How a document names children: by name for a reader who may see it, else by id. Free text (whatever staff wrote
 * in words) is withheld whole from a reader who may not, as {@link redactedText}, as the API withholds it: words
 * about a child can tell who they are or art. 9 or 10 data (a parent's conviction, a diagnosis) without a name.
 */
export interface ChildNaming {
  readonly label: (childId: string) => string
  readonly text: (free: string) => string
  readonly identity: boolean
}

export const childNaming = (reader: DocumentReader, referrals: ReadonlyArray<Referral>): ChildNaming => {
  const names = new Map(referrals.flatMap((referral) => referral.form.children.map((child) => [child.childId as string, child.fullName] as const)))
  const identity = readsIdentity(reader)
  return {
    identity,
    label: (childId) => {
      const name = names.get(childId)
      return identity && name !== undefined ? `${name} (${childId})` : `Child ${childId}`
    },
    text: identity ? (free) => free : () => redactedText
  }
}

export const preparedFor = (reader: DocumentReader): string => `${reader.actor.name}, ${roleLabel[reader.role]}`

/** Who reads a document, in the role it is made under, when and why: for its access-log entries. */
export const readBy = (reader: DocumentReader, purpose: string, at: DateTime.Utc): ReadBy => ({ actor: reader.actor, role: reader.role, at, purpose })
