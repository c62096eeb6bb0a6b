import { type AuthorityId, Decisions, EventStore, streamIdOf } from "@carepanel/core"
import { staffOf } from "@carepanel/core/testing"
import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { rebuildReadModels } from "../src/rebuild/rebuildReadModels.js"
import { removeTempDirs } from "./support/freshStores.js"
import { decisionsWithStatus, playedWeek, rebuildEngines, storeChecks, withCore, writtenByAnOlderVersion } from "./support/rebuildStores.js"

afterAll(removeTempDirs)

const supportPanels = "support-panels" as AuthorityId
const knowsley = "knowsley" as AuthorityId
const staff = staffOf(supportPanels)

describe.each(rebuildEngines)("rebuild on $name", ({ make }) => {
  it("puts right a decision's read model an older version wrote, changes nothing the second time, and leaves the chains intact", async () => {
    const { open } = await make()
    const [decisionId] = await playedWeek(open, "support-panels")
    const result = await withCore(
      open,
      "support-panels",
      Effect.gen(function* () {
        const before = yield* storeChecks
        yield* writtenByAnOlderVersion(supportPanels, decisionId!, "awaiting_sign_off")
        const stale = yield* decisionsWithStatus(supportPanels, "awaiting_sign_off")
        const first = yield* rebuildReadModels()
        const second = yield* rebuildReadModels()
        return {
          stale,
          first,
          second,
          awaiting: yield* decisionsWithStatus(supportPanels, "awaiting_sign_off"),
          final: yield* decisionsWithStatus(supportPanels, "final"),
          before,
          after: yield* storeChecks
        }
      })
    )
    expect(result.stale).toEqual([`${decisionId} awaiting_sign_off`])
    expect([result.first.changed, result.first.readAgain, result.first.failed, result.first.unknownTypes.size]).toEqual([1, 0, [], 0])
    expect(result.first.rows).toBeGreaterThan(result.first.streams)
    expect(result.awaiting).toEqual([])
    expect(result.final).toContain(`${decisionId} final`)
    expect([result.second.streams, result.second.rows, result.second.changed]).toEqual([result.first.streams, result.first.rows, 0])
    // no event written, the chains as they were and still verifying
    expect(result.after).toEqual(result.before)
    expect(result.after.chain).toBe("Intact")
  })

  it("does not overwrite a commit that lands between its read and its write: it reads the stream again and ends with the newer state", async () => {
    const { open } = await make()
    const [decisionId] = await playedWeek(open, "support-panels")
    const result = await withCore(
      open,
      "support-panels",
      Effect.gen(function* () {
        const decisions = yield* Decisions
        const store = yield* EventStore
        const decision = yield* decisions.get(staff.administrator, decisionId!)
        const action = decision.content.actions.find((candidate) => candidate.ownerRole === "team_manager")!
        yield* writtenByAnOlderVersion(supportPanels, decisionId!, "awaiting_sign_off")
        // The team manager completes an action just after the rebuild has read the decision's events, once.
        let reads = 0
        const racing = EventStore.of({
          ...store,
          readStream: (stream, options) =>
            Effect.tap(store.readStream(stream, options), () =>
              stream.id === decisionId && reads++ === 0
                ? Effect.orDie(decisions.completeAction(staff.teamManager, decisionId!, action.actionId, "Plan updated with the panel's decision"))
                : Effect.void
            )
        })
        const report = yield* Effect.provideService(rebuildReadModels({ authorityId: supportPanels }), EventStore, racing)
        const after = yield* decisions.get(staff.administrator, decisionId!)
        return { report, reads, action: after.content.actions.find((candidate) => candidate.actionId === action.actionId), status: after.status }
      })
    )
    // the decision as the API shows it (its read model): the action completed, the status put right
    expect(result.action?.progress).toMatchObject({ _tag: "Completed", evidence: "Plan updated with the panel's decision" })
    expect(result.status).toBe("final")
    expect([result.reads, result.report.readAgain]).toEqual([2, 1])
  })

  it("with --authority, rebuilds that authority's streams only", async () => {
    const { open } = await make()
    const [ours] = await playedWeek(open, "support-panels")
    const [theirs] = await playedWeek(open, "knowsley")
    const result = await withCore(
      open,
      "support-panels",
      Effect.gen(function* () {
        yield* writtenByAnOlderVersion(supportPanels, ours!, "lapsed")
        yield* writtenByAnOlderVersion(knowsley, theirs!, "lapsed")
        const report = yield* rebuildReadModels({ authorityId: supportPanels })
        const everyStream = (yield* (yield* EventStore).readAll({ after: 0, limit: 100_000 })).map((event) => streamIdOf(event.stream))
        return {
          report,
          supportPanelsStreams: new Set(everyStream.filter((id) => id.startsWith("support-panels/"))).size,
          ours: yield* decisionsWithStatus(supportPanels, "lapsed"),
          theirs: yield* decisionsWithStatus(knowsley, "lapsed")
        }
      })
    )
    expect([result.report.streams, result.report.changed]).toEqual([result.supportPanelsStreams, 1])
    expect(result.ours).toEqual([])
    expect(result.theirs).toEqual([`${theirs} lapsed`])
  })
})
