import { createPublicKey } from "node:crypto"
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import {
  type Aggregate,
  decisionAggregate,
  EventStore,
  localDate,
  ReadModels,
  referralAggregate,
  Referrals,
  type StoredEvent,
  sittingAggregate,
  streamIdOf
} from "@carepanel/core"
import { exampleForm, staffOf } from "@carepanel/core/testing"
import { DateTime, Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { coreOn } from "../dev/england/coreOn.js"
import { type englandAuthorityId, englandPolicy } from "../dev/england/englandPolicies.js"
import { deadlinesAt, mondayAfter, openRequestClocks, seedOpenRequestsOnClocks } from "../dev/england/openRequests.js"
import { at } from "../dev/england/playAuthority.js"
import { seedEngland } from "../dev/england/seedEngland.js"
import { storeCommand } from "../src/cli/verifyCommand.js"
import { generateSigningKeyPem, PgStoreLayer } from "../src/index.js"
import { freshDataDir, freshPgDatabase, freshSqliteLayer, removeTempDirs } from "./support/freshStores.js"

afterAll(removeTempDirs)

type AnyAggregate = Aggregate<never, { readonly _tag: string }, unknown, unknown, never>
const aggregates = new Map(
  ([referralAggregate, sittingAggregate, decisionAggregate] as unknown as ReadonlyArray<AnyAggregate>).map((aggregate) => [aggregate.streamType, aggregate])
)

/** Every event of an authority, as the store reads it back. */
const eventsOf = (authorityId: ReturnType<typeof englandAuthorityId>) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    const all: Array<StoredEvent> = []
    for (let page = yield* store.readAll({ after: 0, limit: 1000, authorityId }); page.length > 0; page = yield* store.readAll({ after: page.at(-1)!.position, limit: 1000, authorityId })) {
      all.push(...page)
    }
    return all
  })

/**
 * Each stream's events, decoded and folded by its aggregate as a command would load it, give exactly the read-model
 * rows the store holds: the seed wrote what the use cases would have written, and nothing else.
 */
const rebuiltRowsMatch = (authorityId: ReturnType<typeof englandAuthorityId>) =>
  Effect.gen(function* () {
    const readModels = yield* ReadModels
    const byStream = new Map<string, { events: Array<StoredEvent>; aggregate: AnyAggregate }>()
    for (const event of yield* eventsOf(authorityId)) {
      const aggregate = aggregates.get(event.stream.streamType)
      expect(aggregate, `an aggregate for ${event.stream.streamType}`).toBeDefined()
      const entry = byStream.get(streamIdOf(event.stream)) ?? { events: [], aggregate: aggregate! }
      entry.events.push(event)
      byStream.set(streamIdOf(event.stream), entry)
    }
    let rows = 0
    for (const { events, aggregate } of byStream.values()) {
      const decoded = yield* Effect.forEach(events, (event) => aggregate.events.decode(event.data))
      const state = decoded.reduce(aggregate.decider.evolve, aggregate.decider.initialState)
      for (const row of aggregate.readModels(state, events[0]!.stream)) {
        const stored = yield* readModels.get(row.collection, row.authorityId, row.id)
        expect(stored).toEqual(JSON.parse(JSON.stringify({ ...row, doc: row.doc ?? null })))
        rows++
      }
    }
    return { streams: byStream.size, rows }
  })

describe("seed:england (issue 16 item 6)", () => {
  it("fills PostgreSQL with two authorities' two months that the core reads back, that verify accepts, and that a second run leaves as they are", async () => {
    const url = await freshPgDatabase()
    const keyPem = generateSigningKeyPem()
    const policies = [englandPolicy(1), englandPolicy(2)]
    const layer = coreOn(PgStoreLayer(url, { signingKeyPem: keyPem }), policies)
    const seed = seedEngland({ authorities: 2, weeks: 9, requestsPerYear: 60, firstDay: localDate("2027-01-04"), log: () => {} })

    const first = await Effect.runPromise(seed.pipe(Effect.provide(layer), Effect.scoped))
    expect(first.events).toBeGreaterThan(100)

    const checked = await Effect.runPromise(
      Effect.gen(function* () {
        const referrals = yield* Referrals
        const results = []
        for (const policy of policies) {
          const authorityId = policy.authority.id
          const rebuilt = yield* rebuiltRowsMatch(authorityId)
          const requests = yield* Effect.flatMap(ReadModels, (models) => models.query({ collection: "referrals", authorityId }))
          const decided = yield* Effect.forEach(requests, (request) => referrals.get(staffOf(authorityId).administrator, request.id as never))
          results.push({ rebuilt, requests: requests.length, statuses: new Set(decided.map((referral) => referral.status)) })
        }
        return results
      }).pipe(Effect.provide(layer), Effect.scoped)
    )
    for (const { rebuilt, requests, statuses } of checked) {
      expect(requests).toBeGreaterThanOrEqual(8)
      expect(rebuilt.rows).toBeGreaterThan(requests)
      expect([...statuses].every((status) => status !== "draft")).toBe(true)
    }

    const again = await Effect.runPromise(seed.pipe(Effect.provide(layer), Effect.scoped))
    expect(again.events).toBe(0)

    const keys = freshDataDir()
    writeFileSync(join(keys, "public.pem"), String(createPublicKey(keyPem).export({ type: "spki", format: "pem" })))
    const verified = await Effect.runPromise(storeCommand("verify", [], { DATABASE_URL: url, CAREPANEL_TRUSTED_KEYS_FILE: join(keys, "public.pem") }))
    expect(verified.lines[1]).toMatch(new RegExp(`^chain intact: ${first.events} events in \\d+ streams \\(${first.events} signed commits\\), \\d+ access-log entries$`))
    expect(verified.exitCode).toBe(0)
  })
})

describe("the benches' open requests (issue 16 item 6: deadlines with 5,000 open requests)", () => {
  const now = mondayAfter(localDate("2027-01-04"), 26)
  const onClocks = englandPolicy(998)
  const onNoSitting = englandPolicy(997)
  const count = 20

  it("seeds drafts whose submission clocks run at the seed's now, one in ten overdue, and refuses drafts aimed at no sitting", async () => {
    const { seeded, again, unscheduled } = await Effect.runPromise(
      Effect.gen(function* () {
        yield* seedOpenRequestsOnClocks(onClocks, count, now, 10)
        const seeded = yield* deadlinesAt(onClocks, now)
        yield* seedOpenRequestsOnClocks(onClocks, count * 2, now, 10)
        const again = yield* Effect.flip(openRequestClocks(onClocks.authority.id, count * 2, yield* deadlinesAt(onClocks, now), "clear the store"))
        // As the deadlines benches once seeded: drafts to a panel with no sitting scheduled.
        const referrals = yield* Referrals
        for (let i = 0; i < count; i++) {
          const form = exampleForm(onNoSitting.panels[0].id, onNoSitting.referral.inScope.requestTypes[0]!, { id: `unscheduled-${i}`, name: `Unscheduled Child ${i}` })
          yield* at(now)(referrals.createDraft(staffOf(onNoSitting.authority.id).socialWorker, form))
        }
        const unscheduled = yield* Effect.flip(openRequestClocks(onNoSitting.authority.id, count, yield* deadlinesAt(onNoSitting, now), "clear the store"))
        return { seeded: { clocks: seeded, counted: yield* openRequestClocks(onClocks.authority.id, count, seeded, "clear the store") }, again, unscheduled }
      }).pipe(Effect.provide(coreOn(freshSqliteLayer(), [onClocks, onNoSitting])), Effect.scoped)
    )

    const ofRequests = seeded.clocks.filter((clock) => clock.about.kind === "referral")
    expect(new Set(ofRequests.map((clock) => clock.about.id)).size).toBe(count)
    expect(ofRequests.filter((clock) => clock.state === "overdue")).toHaveLength(count / 10)
    expect(ofRequests.filter((clock) => clock.state !== "overdue").every((clock) => DateTime.greaterThan(clock.due, now))).toBe(true)
    expect(seeded.counted).toBe(seeded.clocks.length)

    expect(again.message).toBe(
      "eng-998 has 20 running request clocks, not one for each of its 40 open requests: clear the store"
    )
    expect(unscheduled.message).toMatch(/^eng-997 has 0 running request clocks, not one for each of its 20 open requests/)
  })
})
