import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { redactedText } from "../../src/access/redactedText.js"
import { CalendarFeeds } from "../../src/feeds/CalendarFeeds.js"
import { preset } from "../../src/policy/authorities/index.js"
import { AccessLog } from "../../src/ports/AccessLog.js"
import { AuthorityId, ChildId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { InMemoryAccessLog } from "../../src/testing/InMemoryAccessLog.js"
import { inMemoryCore, playWeek } from "../../src/testing/playWeek.js"

const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)
const authorityId = AuthorityId.make(policy.authority.id)
const core = CalendarFeeds.Default.pipe(Layer.provideMerge(inMemoryCore(policy)), Layer.provideMerge(InMemoryAccessLog))
const secret = (n: number) => `secret-${String(n).padStart(2, "0")}-abcdefghijklmnopqrstuvwxyz`
const logFor = (childId: string) => Effect.flatMap(AccessLog, (log) => log.forChild(authorityId, ChildId.make(childId)))

describe("calendar feeds", () => {
  it.effect("a member's feed lists the sittings with the children named, and logs each child's read", () =>
    Effect.gen(function* () {
      const week = yield* playWeek(policy)
      const feeds = yield* CalendarFeeds
      yield* feeds.issue(staff.member, false, secret(1))
      const feed = yield* feeds.read(authorityId, secret(1))
      const event = feed.events.find((candidate) => candidate.uid === `${week.sitting.id}@carepanel`)!
      expect(event.summary).toBe("Support Panel sitting")
      expect(event.description).toContain("Alex Brook (child-a)")
      expect(yield* logFor("child-a")).toEqual([expect.objectContaining({ personId: staff.member.personId, role: "panel_member", purpose: "calendar feed", fields: ["agendaItem", "fullName"] })])
    }).pipe(Effect.provide(core))
  )

  it.effect("an integrator's feed names no child (ids only), gives no agenda item's words (as the API) and logs no read of a name", () =>
    Effect.gen(function* () {
      yield* playWeek(policy)
      const feeds = yield* CalendarFeeds
      yield* feeds.issue(staff.integrator, false, secret(2))
      const feed = yield* feeds.read(authorityId, secret(2))
      const text = feed.events.map((event) => `${event.summary} ${event.description}`).join("\n")
      expect(text).toContain("child-a")
      expect(text).not.toMatch(/Alex|Brook|Jamie|Sky Holloway/)
      expect(text).toContain(redactedText)
      expect(yield* logFor("child-a")).toEqual([])
    }).pipe(Effect.provide(core))
  )

  it.effect("issuing again rotates the secret (the old address stops working); revoking ends the feed", () =>
    Effect.gen(function* () {
      const feeds = yield* CalendarFeeds
      yield* feeds.issue(staff.chair, false, secret(3))
      const rotated = yield* feeds.issue(staff.chair, false, secret(4))
      expect(rotated.rotations).toBe(1)
      expect((yield* Effect.flip(feeds.read(authorityId, secret(3))))._tag).toBe("NotFound")
      yield* feeds.read(authorityId, secret(4))
      const revoked = yield* feeds.revoke(staff.chair)
      expect(revoked.secretHash).toBeUndefined()
      expect((yield* Effect.flip(feeds.read(authorityId, secret(4))))._tag).toBe("NotFound")
      expect(yield* Effect.flip(feeds.revoke(staff.chair))).toMatchObject({ _tag: "NoCalendarFeed" })
      expect((yield* feeds.mine(staff.chair))?.revokedAt).toBeDefined()
    }).pipe(Effect.provide(core))
  )

  it.effect("a guessable secret is refused; a secret is only good at its own authority", () =>
    Effect.gen(function* () {
      const feeds = yield* CalendarFeeds
      expect((yield* Effect.flip(feeds.issue(staff.chair, false, "password")))._tag).toBe("InvalidInput")
      yield* feeds.issue(staff.chair, false, secret(5))
      expect((yield* Effect.flip(feeds.read(AuthorityId.make("knowsley"), secret(5))))._tag).toBe("NotFound")
    }).pipe(Effect.provide(core))
  )
})
