/**
 * `npm run bench`: throughput of the domain core, apart from any storage. Prints one table.
 * - decide+evolve: one request from draft to ready (9 commands), decided and folded as the use cases do;
 * - fold 10,000 events: rebuilding a request's state from a long stream, from typed events and from JSON;
 * - decide+evolve on the decision aggregate: one decision recorded, signed, its actions completed, the case note;
 * - fold 10,000 decision and action events, typed and from JSON;
 * - deadlines for 1,000 open requests against a year of sittings, then with 1,000 decisions and their actions.
 */
import { DateTime, Schema } from "effect"
import { Bench } from "tinybench"
import { deadlinesOf } from "../src/deadlines/computeDeadlines.js"
import { DecisionEvent } from "../src/decision/DecisionEvents.js"
import { evolveDecision } from "../src/decision/evolveDecision.js"
import { evolveReferral } from "../src/referral/evolveReferral.js"
import { ReferralEvent } from "../src/referral/ReferralEvents.js"
import { fold } from "../src/shared/decider.js"
import {
  context,
  decisionCommands,
  decisions,
  london,
  longDecisionStream,
  longStream,
  openReferrals,
  play,
  playDecision,
  requestCommands,
  yearOfSittings
} from "./fixtures.js"

const commands = requestCommands(1)
const stream = longStream(10_000)
const encoded = stream.map((event) => JSON.parse(JSON.stringify(Schema.encodeSync(ReferralEvent)(event))) as unknown)
const decode = Schema.decodeUnknownSync(ReferralEvent)
const decisionLife = decisionCommands(1)
const decisionStream = longDecisionStream(10_000)
const encodedDecisions = decisionStream.map((event) => JSON.parse(JSON.stringify(Schema.encodeSync(DecisionEvent)(event))) as unknown)
const decodeDecision = Schema.decodeUnknownSync(DecisionEvent)
const referrals = openReferrals(1_000)
const sittings = yearOfSittings()
const decided = decisions(1_000)
const now = { now: london("2027-06-02", "09:00"), dueSoonHours: 48 }

const bench = new Bench({ time: 2_000, warmupTime: 300 })
bench
  .add("decide+evolve: 9 commands, draft to ready", () => {
    play(commands)
  })
  .add("fold 10,000 typed events", () => {
    fold({ initialState: undefined, evolve: evolveReferral }, stream)
  })
  .add("decode + fold 10,000 stored (JSON) events", () => {
    fold({ initialState: undefined, evolve: evolveReferral }, encoded.map((data) => decode(data)))
  })
  .add(`decide+evolve: ${decisionLife.length} decision commands, recorded to actions met`, () => {
    playDecision(decisionLife)
  })
  .add("fold 10,000 typed decision and action events", () => {
    fold({ initialState: undefined, evolve: evolveDecision }, decisionStream)
  })
  .add("decode + fold 10,000 stored (JSON) decision events", () => {
    fold({ initialState: undefined, evolve: evolveDecision }, encodedDecisions.map((data) => decodeDecision(data)))
  })
  .add(`deadlines: 1,000 open requests, ${sittings.length} sittings`, () => {
    deadlinesOf({ referrals, sittings }, context, now)
  })
  .add("deadlines: 1,000 requests + 1,000 decisions with actions", () => {
    deadlinesOf({ referrals, sittings, decisions: decided }, context, now)
  })

await bench.run()
const rows = bench.tasks.map((task) => {
  const latency = task.result?.latency
  return {
    task: task.name,
    "ops/s": Math.round(task.result?.throughput?.mean ?? 0).toLocaleString("en-GB"),
    "mean ms": latency?.mean.toFixed(3),
    "p99 ms": latency?.p99?.toFixed(3),
    samples: latency?.samples.length
  }
})
console.table(rows)
const decideOps = bench.tasks[0]?.result?.throughput?.mean ?? 0
console.log(`decide+evolve: ${Math.round(decideOps * commands.length).toLocaleString("en-GB")} commands/s`)
const decisionOps = bench.tasks.find((task) => task.name.startsWith("decide+evolve: ") && task.name.includes("decision"))?.result?.throughput?.mean ?? 0
console.log(`decide+evolve on decisions: ${Math.round(decisionOps * decisionLife.length).toLocaleString("en-GB")} commands/s`)
console.log(`measured ${DateTime.formatIso(DateTime.unsafeNow())} on node ${process.version}`)
