import { type AuthorityId, DeliveryFailed, type Notification, type Recipient, type Role, roleLabel } from "@carepanel/core"
import { Effect } from "effect"

/**
 * Finds the email addresses of a recipient at an authority: whoever holds a role, or a person whose
 * notification carries no address. Answer an empty list when there is nobody; fail (retryably) only when
 * the directory itself cannot be asked.
 */
export type RecipientDirectory = (
  recipient: Recipient,
  authorityId: AuthorityId
) => Effect.Effect<ReadonlyArray<string>, DeliveryFailed>

/** Addresses per authority, by role and by person id: for small deployments and tests. */
export interface StaticDirectoryEntries {
  readonly [authorityId: string]: {
    readonly roles?: Partial<Record<Role, ReadonlyArray<string>>>
    readonly people?: Readonly<Record<string, string>>
  }
}

export const staticDirectory =
  (entries: StaticDirectoryEntries): RecipientDirectory =>
  (recipient, authorityId) => {
    const entry = entries[authorityId]
    if (recipient._tag === "RoleHolder") return Effect.succeed(entry?.roles?.[recipient.role] ?? [])
    const address = entry?.people?.[recipient.personId]
    return Effect.succeed(address === undefined ? [] : [address])
  }

const describe = (recipient: Recipient, authorityId: AuthorityId): string =>
  recipient._tag === "RoleHolder"
    ? `the ${roleLabel[recipient.role]} (role ${recipient.role}) at ${authorityId}`
    : `person ${recipient.personId} at ${authorityId}`

const addressesOf = (recipient: Recipient, notification: Notification, directory: RecipientDirectory) =>
  (recipient._tag === "Person" && recipient.email !== undefined && recipient.email.trim() !== ""
    ? Effect.succeed([recipient.email.trim()])
    : directory(recipient, notification.authorityId)
  ).pipe(
    Effect.filterOrFail(
      (addresses) => addresses.length > 0,
      () =>
        new DeliveryFailed({
          message: `No email address for ${describe(recipient, notification.authorityId)}: add one to the recipient directory.`,
          permanent: true
        })
    )
  )

/** Every recipient's addresses, each address once. Fails permanently naming a recipient nobody answers for. */
export const resolveAddresses = (
  notification: Notification,
  directory: RecipientDirectory
): Effect.Effect<ReadonlyArray<string>, DeliveryFailed> =>
  notification.recipients.length === 0
    ? Effect.fail(new DeliveryFailed({ message: "The notification has no recipients.", permanent: true }))
    : Effect.forEach(notification.recipients, (recipient) => addressesOf(recipient, notification, directory)).pipe(
        Effect.map((lists) => {
          const seen = new Map<string, string>()
          for (const address of lists.flat()) {
            const key = address.toLowerCase()
            if (!seen.has(key)) seen.set(key, address)
          }
          return [...seen.values()]
        })
      )
