import { createHash } from "node:crypto"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer, TestClock } from "effect"
import { CalendarFeeds } from "../../src/feeds/CalendarFeeds.js"
import { preset } from "../../src/policy/authorities/index.js"
import { AuthorityId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { InMemoryAccessLog } from "../../src/testing/InMemoryAccessLog.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { london } from "../fixtures.js"

const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)
const authorityId = AuthorityId.make(policy.authority.id)
const core = CalendarFeeds.Default.pipe(Layer.provideMerge(inMemoryCore(policy)), Layer.provideMerge(InMemoryAccessLog))
/** 22 URL-safe characters: the shortest secret a feed takes. */
const shortest = "Ab3_-cD4eF5gH6iJ7kL8mN"
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex")

describe("a calendar feed's secret address", () => {
  it.effect("only the secret's SHA-256 is kept, as 64 hex digits: the store holds nothing that opens the feed", () =>
    Effect.gen(function* () {
      const feeds = yield* CalendarFeeds
      for (const secret of [shortest, "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"]) {
        const issued = yield* feeds.issue(staff.chair, false, secret)
        expect(issued.secretHash).toBe(sha256(secret))
        expect((yield* feeds.mine(staff.chair))?.secretHash).toMatch(/^[0-9a-f]{64}$/)
        expect(JSON.stringify(yield* feeds.mine(staff.chair))).not.toContain(secret)
      }
    }).pipe(Effect.provide(core))
  )

  it.effect("a secret of fewer than 22 characters, or with any character that is not URL-safe, is refused, says why, and issues no feed", () =>
    Effect.gen(function* () {
      const feeds = yield* CalendarFeeds
      for (const secret of [shortest.slice(1), `!${shortest}`, `${shortest}!`, `${shortest.slice(0, 11)} ${shortest.slice(11)}`, `${shortest}/x`]) {
        const refused = yield* Effect.flip(feeds.issue(staff.chair, false, secret))
        expect(refused).toMatchObject({
          _tag: "InvalidInput",
          problems: [{ path: "secret", message: "must be at least 22 URL-safe characters from a cryptographic random source" }],
          message: "Nothing was saved. Please correct: secret must be at least 22 URL-safe characters from a cryptographic random source."
        })
        expect((yield* Effect.flip(feeds.read(authorityId, secret)))._tag).toBe("NotFound")
      }
      expect(yield* feeds.mine(staff.chair)).toBeUndefined()
      expect((yield* feeds.issue(staff.chair, false, shortest)).rotations).toBe(0)
    }).pipe(Effect.provide(core))
  )

  it.effect("revoking a feed never issued is refused, saying there is none", () =>
    Effect.gen(function* () {
      const feeds = yield* CalendarFeeds
      expect(yield* Effect.flip(feeds.revoke(staff.member))).toMatchObject({ _tag: "NoCalendarFeed", message: "You have no calendar feed to revoke." })
      expect(yield* feeds.mine(staff.member)).toBeUndefined()
    }).pipe(Effect.provide(core))
  )

  it.effect("a feed issued again after it was revoked works at its new address only; that is no rotation of a live secret", () =>
    Effect.gen(function* () {
      const feeds = yield* CalendarFeeds
      yield* TestClock.setTime(london("2027-05-03", "09:00").epochMillis)
      yield* feeds.issue(staff.member, false, `${shortest}-first`)
      expect((yield* feeds.issue(staff.member, false, `${shortest}-second`)).rotations).toBe(1)
      yield* feeds.revoke(staff.member)
      yield* TestClock.setTime(london("2027-05-04", "09:00").epochMillis)
      const again = yield* feeds.issue(staff.member, false, `${shortest}-third`)
      expect(again).toMatchObject({ rotations: 1, issuedAt: london("2027-05-04", "09:00") })
      expect(again.revokedAt).toBeUndefined()
      expect((yield* feeds.read(authorityId, `${shortest}-third`)).name).toBe("Lincolnshire: panel sittings")
      expect((yield* Effect.flip(feeds.read(authorityId, `${shortest}-second`)))._tag).toBe("NotFound")
    }).pipe(Effect.provide(core))
  )
})
