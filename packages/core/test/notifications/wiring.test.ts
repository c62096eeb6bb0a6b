import { describe, expect, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { Notification } from "../../src/ports/Notification.js"
import { Outbox } from "../../src/ports/Outbox.js"
import { execute } from "../../src/shared/commandRunner.js"
import { AuthorityId, ChildId, PanelId, ReferralId, SittingId } from "../../src/shared/ids.js"
import { sittingAggregate } from "../../src/sitting/sittingAggregate.js"
import type { SittingCommand } from "../../src/sitting/SittingCommands.js"
import { staffOf } from "../../src/testing/actors.js"
import { InMemoryStoreLayer } from "../../src/testing/InMemoryStore.js"
import { as, contextOf, london } from "../fixtures.js"

describe("notifications through the outbox", () => {
  it.effect("CPR-9: a published agenda lands in the outbox in the same commit, once", () =>
    Effect.gen(function* () {
      const staff = staffOf("care-planning")
      const context = contextOf("care-planning")
      const stream = { authorityId: AuthorityId.make("care-planning"), streamType: "sitting", id: "sit_1" }
      const run = (body: Record<string, unknown>) =>
        execute(sittingAggregate, stream, { ...body, by: as(staff.administrator), at: london("2027-06-07", "09:00") } as SittingCommand, context)
      yield* run({ _tag: "ScheduleSitting", sittingId: SittingId.make("sit_1"), panelId: PanelId.make("care-planning-and-resources"), date: "2027-06-09" })
      yield* run({ _tag: "BuildAgenda", entries: [{ referralId: ReferralId.make("ref_1"), childIds: [ChildId.make("child-1")], kind: "request", summary: "Placement" }] })
      yield* run({ _tag: "PublishAgenda" })
      const outbox = yield* Outbox
      const pending = yield* outbox.due("email", "2100-01-01T00:00:00.000Z", 100)
      expect(pending.map((entry) => entry.notification.id)).toEqual([
        "sit_1:agenda:2027-06-07T08:00:00.000Z:panel_member",
        "sit_1:agenda:2027-06-07T08:00:00.000Z:panel_chair"
      ])
      // What goes out is a valid Notification, as the SQL outbox stores it.
      for (const entry of pending) expect(Schema.is(Notification)(entry.notification)).toBe(true)
    }).pipe(Effect.provide(InMemoryStoreLayer))
  )
})
