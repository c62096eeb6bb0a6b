import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer, TestClock } from "effect"
import { EnglandAndWalesCalendar } from "../../src/calendar/englandAndWales.js"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { CalendarFeeds } from "../../src/feeds/CalendarFeeds.js"
import type { AuthorityPolicy } from "../../src/policy/AuthorityPolicy.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Policies } from "../../src/ports/Policies.js"
import { AuthorityId, ChildId, PanelId, ReferralId } from "../../src/shared/ids.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { InMemoryAccessLog } from "../../src/testing/InMemoryAccessLog.js"
import { InMemoryStoreLayer } from "../../src/testing/InMemoryStore.js"
import { inMemoryCore, playWeek } from "../../src/testing/playWeek.js"
import { SequentialIds } from "../../src/testing/SequentialIds.js"
import { london } from "../fixtures.js"

const lincolnshire = preset("lincolnshire")
const staff = staffOf(lincolnshire.authority.id)
const authorityId = AuthorityId.make(lincolnshire.authority.id)
const supportPanel = PanelId.make("support-panel")
const resourcesPanel = PanelId.make("resources-panel")
/** Lincolnshire with a second, fictional panel beside its Support Panel. */
const twoPanels: AuthorityPolicy = { ...lincolnshire, panels: [lincolnshire.panels[0], { ...lincolnshire.panels[0], id: resourcesPanel, name: "Resources Panel" }] }
const secret = "feed-secret-0123456789abcdefghij"

/** The authority's policy as it stands when the feed is read: a test may change it after the sittings are scheduled. */
const policyNow = { current: twoPanels }
const feedsOver = CalendarFeeds.Default.pipe(
  Layer.provideMerge(Sittings.Default),
  Layer.provideMerge(
    Layer.mergeAll(
      InMemoryStoreLayer,
      SequentialIds,
      EnglandAndWalesCalendar,
      InMemoryAccessLog,
      Layer.succeed(Policies, Policies.of({ forAuthority: () => Effect.sync(() => policyNow.current) }))
    )
  )
)
const withTwoPanels = <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.sync(() => (policyNow.current = twoPanels)).pipe(Effect.zipRight(self))

const at = (date: string, time: string) => TestClock.setTime(london(date, time).epochMillis)
const schedule = (date: string, panelId = supportPanel) => Effect.flatMap(Sittings, (sittings) => sittings.schedule(staff.administrator, panelId, date as LocalDate))
const memberFeed = Effect.gen(function* () {
  const feeds = yield* CalendarFeeds
  if ((yield* feeds.mine(staff.member)) === undefined) yield* feeds.issue(staff.member, false, secret)
  return yield* feeds.read(authorityId, secret)
})

describe("what a calendar feed shows of each sitting", () => {
  it.effect("the feed is named for the authority; a sitting's description lists its agenda, one item a line, each with its times and children", () =>
    Effect.gen(function* () {
      const week = yield* playWeek(lincolnshire)
      const feeds = yield* CalendarFeeds
      yield* feeds.issue(staff.member, false, secret)
      const feed = yield* feeds.read(authorityId, secret)
      expect(feed.name).toBe("Lincolnshire: panel sittings")
      expect(feed.events.find((event) => event.uid === `${week.sitting.id}@carepanel`)).toMatchObject({
        summary: "Support Panel sitting",
        cancelled: false,
        description: [
          "10:00-10:30 Request for Support to keep the child safely at home (Alex Brook (child-a))",
          "10:30-11:00 Request for Support to keep the child safely at home (Jamie Fenn (child-b))",
          "11:00-11:30 Request for Support to keep the child safely at home (Sky Holloway (child-c))"
        ].join("\n")
      })
    }).pipe(Effect.provide(CalendarFeeds.Default.pipe(Layer.provideMerge(inMemoryCore(lincolnshire)), Layer.provideMerge(InMemoryAccessLog))))
  )

  it.effect("a cancelled sitting stays in the feed, marked cancelled; a sitting with no agenda yet says so", () =>
    withTwoPanels(
      Effect.gen(function* () {
        yield* at("2027-05-03", "09:00")
        const cancelled = yield* schedule("2027-05-12")
        const empty = yield* schedule("2027-05-19")
        yield* (yield* Sittings).cancel(staff.administrator, cancelled.id, "Not enough requests this week")
        const feed = yield* memberFeed
        expect(feed.events).toEqual([
          expect.objectContaining({ uid: `${cancelled.id}@carepanel`, summary: "Support Panel sitting (cancelled)", cancelled: true }),
          expect.objectContaining({ uid: `${empty.id}@carepanel`, summary: "Support Panel sitting", description: "No items on the agenda yet.", cancelled: false })
        ])
      })
    ).pipe(Effect.provide(feedsOver))
  )

  it.effect("an agenda's children are named by id to a member when the requests are not on record; several children of one item share its line", () =>
    withTwoPanels(
      Effect.gen(function* () {
        yield* at("2027-05-03", "09:00")
        const sitting = yield* schedule("2027-05-12")
        yield* (yield* Sittings).buildAgenda(staff.administrator, sitting.id, [
          { referralId: ReferralId.make("ref-siblings"), childIds: [ChildId.make("child-m"), ChildId.make("child-n")], kind: "request" as const, summary: "Short breaks for two brothers" },
          { referralId: ReferralId.make("ref-single"), childIds: [ChildId.make("child-p")], kind: "request" as const, summary: "Request for a family group conference" }
        ])
        const feed = yield* memberFeed
        expect(feed.events[0]?.description).toBe([
          "10:00-10:30 Short breaks for two brothers (Child child-m, Child child-n)",
          "10:30-11:00 Request for a family group conference (Child child-p)"
        ].join("\n"))
      })
    ).pipe(Effect.provide(feedsOver))
  )

  it.effect("the feed runs from 30 days ago to a year ahead, both days included, and no further", () =>
    withTwoPanels(
      Effect.gen(function* () {
        yield* at("2027-01-04", "09:00")
        const [tooOld, oldest, latest, tooFar] = yield* Effect.forEach(["2027-01-05", "2027-01-06", "2028-02-05", "2028-02-06"], (date) => schedule(date))
        // Today is Friday 5 February 2027: 30 days ago is 6 January, a year ahead 5 February 2028.
        yield* at("2027-02-05", "12:00")
        const feed = yield* memberFeed
        expect(feed.events.map((event) => event.uid)).toEqual([`${oldest!.id}@carepanel`, `${latest!.id}@carepanel`])
        expect([tooOld, tooFar].map((sitting) => sitting!.date)).toEqual(["2027-01-05", "2028-02-06"])
      })
    ).pipe(Effect.provide(feedsOver))
  )

  it.effect("each sitting is titled with its own panel's name; a panel the policy no longer lists is titled by its id", () =>
    withTwoPanels(
      Effect.gen(function* () {
        yield* at("2027-05-03", "09:00")
        yield* schedule("2027-05-12", supportPanel)
        yield* schedule("2027-05-13", resourcesPanel)
        expect((yield* memberFeed).events.map((event) => event.summary)).toEqual(["Support Panel sitting", "Resources Panel sitting"])
        policyNow.current = lincolnshire
        expect((yield* memberFeed).events.map((event) => event.summary)).toEqual(["Support Panel sitting", "resources-panel sitting"])
      })
    ).pipe(Effect.provide(feedsOver))
  )
})
