import { randomBytes } from "node:crypto"
import { type CalendarFeed, CalendarFeeds, NoCalendarFeed } from "@carepanel/core"
import { Effect } from "effect"
import { builder } from "../builder.js"
import { refusalType } from "../errors/domainError.js"
import { keyedChange } from "../../graphql/keyedChange.js"
import { readList, using } from "../run.js"

const NoFeed = refusalType("NoCalendarFeed", NoCalendarFeed, {}, "You have no calendar feed.")

const CalendarFeedRef = builder.objectRef<CalendarFeed>("CalendarFeed").implement({
  description: "Your calendar subscription (never its secret address, which is shown once when issued).",
  fields: (t) => ({
    active: t.boolean({ resolve: (feed) => feed.secretHash !== undefined }),
    issuedAt: t.field({ type: "DateTime", resolve: (feed) => feed.issuedAt }),
    rotations: t.int({ description: "How many times its address has been replaced.", resolve: (feed) => feed.rotations }),
    revokedAt: t.field({ type: "DateTime", nullable: true, resolve: (feed) => feed.revokedAt ?? null }),
    roles: t.stringList({ description: "The roles it reads as: yours when it was last issued.", resolve: (feed) => feed.roles })
  })
})

interface IssuedFeed {
  readonly feed: CalendarFeed
  readonly path: string
}

const IssuedFeedRef = builder.objectRef<IssuedFeed>("IssuedCalendarFeed").implement({
  description: "A new secret feed address: subscribe to it in Outlook or Google Calendar. It is shown only now; keep it private.",
  fields: (t) => ({
    path: t.string({ description: "Append to the address you reach this API at, e.g. https://carepanel.example.gov.uk/feeds/...", resolve: (issued) => issued.path }),
    feed: t.field({ type: CalendarFeedRef, resolve: (issued) => issued.feed })
  })
})

builder.queryField("calendarFeed", (t) =>
  t.field({
    type: CalendarFeedRef,
    nullable: true,
    description: "Your calendar subscription, if you have had one.",
    resolve: (_root, _args, context) => readList(context, (actor) => using(CalendarFeeds, (feeds) => feeds.mine(actor))).then((feed) => feed ?? null)
  })
)

builder.mutationField("issueCalendarFeed", (t) =>
  t.field({
    type: IssuedFeedRef,
    description: "A secret address for your calendar app to subscribe to the panel sittings you may see; issuing again replaces the old address.",
    errors: {},
    resolve: (_root, _args, context) => {
      const secret = randomBytes(32).toString("base64url")
      const actor = context.actor
      return keyedChange(
        context,
        "issueCalendarFeed",
        undefined,
        using(CalendarFeeds, (feeds) => feeds.issue(actor, context.caller.identityGranted, secret)).pipe(
          Effect.map((feed) => ({ feed, path: `/feeds/${actor.authorityId}/${secret}.ics` }))
        )
      )
    }
  })
)

builder.mutationField("revokeCalendarFeed", (t) =>
  t.field({
    type: CalendarFeedRef,
    description: "Ends your calendar subscription: its address answers 404 from now on.",
    errors: { types: [NoFeed] },
    resolve: (_root, _args, context) => keyedChange(context, "revokeCalendarFeed", undefined, using(CalendarFeeds, (feeds) => feeds.revoke(context.actor)))
  })
)
