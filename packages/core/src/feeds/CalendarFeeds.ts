import { DateTime, Effect, Option, Schema } from "effect"
import { readSome } from "../agenda/readAll.js"
import { addDays } from "../calendar/LocalDate.js"
import { londonDateOf } from "../calendar/londonTime.js"
import type { WorkingCalendar } from "../calendar/WorkingCalendar.js"
import { childNaming, type DocumentReader, readBy } from "../documents/DocumentReader.js"
import { AccessLog } from "../ports/AccessLog.js"
import { accessRecords } from "../access/ChildRead.js"
import type { EventStore } from "../ports/EventStore.js"
import { Policies } from "../ports/Policies.js"
import { ReadModels } from "../ports/ReadModels.js"
import { Referral } from "../referral/Referral.js"
import { referralCollection } from "../referral/referralAggregate.js"
import { Actor } from "../shared/actor.js"
import { authorise, permission } from "../shared/authorise.js"
import { type CommandBody, commandHandler } from "../shared/commandHandler.js"
import { InvalidInput, NotFound } from "../shared/errors.js"
import type { AuthorityId } from "../shared/ids.js"
import { everyRole } from "../shared/roles.js"
import { Sittings } from "../sitting/Sittings.js"
import { CalendarFeed, type CalendarFeedCommand } from "./CalendarFeed.js"
import { calendarFeedAggregate, calendarFeedCollection } from "./calendarFeedAggregate.js"
import { sittingEvent } from "./feedEvents.js"

export const calendarFeedPermissions = {
  IssueCalendarFeed: permission("subscribe to the panel calendar", ...everyRole),
  RevokeCalendarFeed: permission("end a calendar subscription", ...everyRole)
}

/** Hex SHA-256 of a feed secret (Web Crypto): only the hash is stored, so the store cannot give a feed away. */
const secretHash = (secret: string) =>
  Effect.promise(() => crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret))).pipe(
    Effect.map((digest) => [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join(""))
  )

/** At least 128 bits in an unguessable form: the app makes it from a cryptographic random source. */
const strongEnough = (secret: string) => /^[A-Za-z0-9_-]{22,}$/.test(secret)

const unknownFeed = NotFound.of("calendar feed", "(this address)")

/** Per-person secret calendar feeds: issue (or rotate), revoke, and read one as its owner may. */
export class CalendarFeeds extends Effect.Service<CalendarFeeds>()("@carepanel/core/CalendarFeeds", {
  effect: Effect.gen(function* () {
    const readModels = yield* ReadModels
    const sittings = yield* Sittings
    const context = yield* Effect.context<EventStore | Policies | WorkingCalendar | ReadModels | AccessLog>()
    const handle = commandHandler(calendarFeedAggregate, calendarFeedPermissions, "calendar feed")
    const run = (actor: Actor, body: CommandBody<CalendarFeedCommand>) => handle(actor, actor.personId, body).pipe(Effect.provide(context))

    return {
      /** A new secret for the actor's own feed; a feed they already have is rotated (its old address stops working). */
      issue: (actor: Actor, identityGranted: boolean, secret: string) =>
        strongEnough(secret)
          ? secretHash(secret).pipe(Effect.flatMap((hash) => run(actor, { _tag: "IssueCalendarFeed", secretHash: hash, identityGranted })))
          : Effect.fail(InvalidInput.of([{ path: "secret", message: "must be at least 22 URL-safe characters from a cryptographic random source" }])),
      revoke: (actor: Actor) => run(actor, { _tag: "RevokeCalendarFeed" }),
      /** The actor's own feed, if they have ever had one (never its secret). */
      mine: (actor: Actor) =>
        authorise(actor, calendarFeedPermissions.IssueCalendarFeed).pipe(
          Effect.zipRight(readModels.get(calendarFeedCollection, actor.authorityId, actor.personId)),
          Effect.flatMap((row) => (row === undefined ? Effect.succeed(undefined) : Schema.decodeUnknown(CalendarFeed)(row.doc).pipe(Effect.orDie)))
        ),
      /**
       * The sittings from 30 days ago to a year ahead, as the feed's owner may read them: children named only for a
       * role that may see names, and then each child's read written to the access log. An unknown or revoked secret
       * answers NotFound.
       */
      read: (authorityId: AuthorityId, secret: string) =>
        Effect.gen(function* () {
          if (!strongEnough(secret)) return yield* Effect.fail(unknownFeed)
          const hash = yield* secretHash(secret)
          const [row] = yield* readModels.query({ collection: calendarFeedCollection, authorityId, where: { secretHash: hash } })
          if (row === undefined) return yield* Effect.fail(unknownFeed)
          const feed = yield* Schema.decodeUnknown(CalendarFeed)(row.doc).pipe(Effect.orDie)
          const actor = new Actor({ personId: feed.personId, name: feed.name, authorityId, roles: feed.roles })
          const today = londonDateOf(yield* DateTime.now)
          const found = yield* sittings.list(actor, { from: addDays(today, -30), to: addDays(today, 365) })
          const policy = yield* (yield* Policies).forAuthority(authorityId)
          const reader: DocumentReader = { actor, role: feed.roles[0], identityGranted: feed.identityGranted }
          const onAgenda = new Set<string>(found.flatMap((sitting) => sitting.agenda.map((item) => item.referralId)))
          const referrals = yield* readSome(referralCollection, Referral, authorityId, onAgenda)
          const naming = childNaming(reader, referrals)
          const panelName = (panelId: string) => Option.fromNullable(policy.panels.find((panel) => panel.id === panelId)?.name).pipe(Option.getOrElse(() => panelId))
          const events = found.map((sitting) => sittingEvent(sitting, panelName(sitting.panelId), naming))
          if (naming.identity) {
            const reads = found.flatMap((sitting) => sitting.agenda.flatMap((item) => item.childIds.map((childId) => ({ childId, fields: ["agendaItem", "fullName"] }))))
            yield* (yield* AccessLog).record(accessRecords(readBy(reader, "calendar feed", yield* DateTime.now), reads))
          }
          return { name: `${policy.authority.name}: panel sittings`, events }
        }).pipe(Effect.provide(context))
    }
  })
}) {}
