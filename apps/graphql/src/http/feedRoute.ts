import { AuthorityId, CalendarFeeds, type FeedEvent } from "@carepanel/core"
import { Effect } from "effect"
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator"
import type { Runner } from "../graphql/context.js"
import { sendError, sendText } from "./respond.js"
import type { PublicRoute } from "./server.js"

const feedPattern = /^\/feeds\/([a-z0-9-]+)\/([A-Za-z0-9_-]+)\.ics$/

/** RFC 5545 for calendar apps: PUBLISH, a name and a refresh interval they honour, times in UTC. */
export const feedCalendar = (name: string, events: ReadonlyArray<FeedEvent>): string => {
  const calendar = ical({
    name,
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60,
    prodId: { company: "Carepanel", product: "Carepanel calendar feed", language: "EN" }
  })
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      start: new Date(event.start.epochMillis),
      end: new Date(event.end.epochMillis),
      stamp: new Date(event.start.epochMillis),
      summary: event.summary,
      description: event.description,
      status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED
    })
  }
  return calendar.toString()
}

/**
 * `GET /feeds/<authorityId>/<secret>.ics`: a person's calendar subscription, without a bearer token (calendar apps
 * cannot send one); the secret in the address is the credential. Unknown, rotated and revoked secrets answer 404.
 */
export const feedRoute = (run: Runner): PublicRoute => ({
  matches: (url) => url.pathname.startsWith("/feeds/"),
  handle: async (req, res, url) => {
    const match = feedPattern.exec(url.pathname)
    if (req.method !== "GET" && req.method !== "HEAD") return sendError(res, 405, "METHOD_NOT_ALLOWED", "Calendar feeds are read with GET.", { Allow: "GET, HEAD" })
    const notFound = () => sendError(res, 404, "NOT_FOUND", "There is no calendar feed at this address: it may have been replaced or revoked.")
    if (match === null) return notFound()
    const feed = await run(Effect.flatMap(CalendarFeeds, (feeds) => feeds.read(AuthorityId.make(match[1]!), match[2]!))).catch((error: unknown) =>
      (error as { _tag?: string })._tag === "NotFound" || (error as { _tag?: string })._tag === "NotPermitted" ? undefined : Promise.reject(error)
    )
    if (feed === undefined) return notFound()
    sendText(res, 200, "text/calendar; charset=utf-8", feedCalendar(feed.name, feed.events), { "Content-Disposition": 'inline; filename="carepanel.ics"' })
  }
})
