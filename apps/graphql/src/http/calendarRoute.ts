import { addDays, londonDateOf, parseLocalDate, Policies, type Sitting, Sittings } from "@carepanel/core"
import { DateTime, Effect, Option } from "effect"
import ical, { ICalEventStatus } from "ical-generator"
import type { Runner } from "../graphql/context.js"
import { sendError, sendText } from "./respond.js"
import type { Route } from "./server.js"

const dateParam = (url: URL, name: string) => {
  const raw = url.searchParams.get(name)
  return raw === null ? Option.none() : parseLocalDate(raw)
}

/** One VEVENT per sitting: no child's name travels (agenda summaries never hold one); a cancelled sitting says so. */
export const sittingsCalendar = (authorityName: string, panelNames: ReadonlyMap<string, string>, sittings: ReadonlyArray<Sitting>): string => {
  const calendar = ical({ name: `${authorityName}: panel sittings`, prodId: { company: "Carepanel", product: "Carepanel API", language: "EN" } })
  for (const sitting of sittings) {
    const panel = panelNames.get(sitting.panelId) ?? sitting.panelId
    calendar.createEvent({
      id: `${sitting.id}@carepanel`,
      start: new Date(sitting.startsAt.epochMillis),
      end: new Date(sitting.endsAt.epochMillis),
      stamp: new Date(sitting.startsAt.epochMillis),
      summary: `${panel} sitting${sitting.cancelled ? " (cancelled)" : ""}`,
      description: `${sitting.agenda.length} item${sitting.agenda.length === 1 ? "" : "s"} on the agenda${sitting.agendaPublishedAt ? ", published" : ""}.`,
      status: sitting.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED
    })
  }
  return calendar.toString()
}

/**
 * `/calendar.ics?panelId=&from=&to=`: the caller's authority's sittings as iCalendar (RFC 5545, via
 * ical-generator), from 30 days ago to a year ahead unless dates are given. Authenticated like the API.
 */
export const calendarRoute = (run: Runner): Route => ({
  matches: (url) => url.pathname === "/calendar.ics",
  handle: async (_req, res, url, caller) => {
    const from = dateParam(url, "from")
    const to = dateParam(url, "to")
    if ((url.searchParams.has("from") && Option.isNone(from)) || (url.searchParams.has("to") && Option.isNone(to))) {
      return sendError(res, 400, "BAD_USER_INPUT", "from and to must be dates in the form YYYY-MM-DD.")
    }
    const panelId = url.searchParams.get("panelId")
    const text = await run(
      Effect.gen(function* () {
        const today = londonDateOf(yield* DateTime.now)
        const sittings = yield* (yield* Sittings).list(caller.actor, {
          from: Option.getOrElse(from, () => addDays(today, -30)),
          to: Option.getOrElse(to, () => addDays(today, 365)),
          ...(panelId === null ? {} : { panelId: panelId as never })
        })
        const policy = yield* (yield* Policies).forAuthority(caller.actor.authorityId)
        return sittingsCalendar(policy.authority.name, new Map(policy.panels.map((panel) => [panel.id as string, panel.name])), sittings)
      })
    ).catch((error: unknown) => (error instanceof Error && "_tag" in error && error._tag === "NotPermitted" ? null : Promise.reject(error)))
    if (text === null) return sendError(res, 403, "FORBIDDEN", "You may not see sittings.")
    sendText(res, 200, "text/calendar; charset=utf-8", text, { "Content-Disposition": 'attachment; filename="sittings.ics"' })
  }
})
