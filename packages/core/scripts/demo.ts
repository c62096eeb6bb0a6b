/**
 * The README's main job until the GraphQL API exists: a week of a fictional authority played through the
 * core on a simulated clock, printing the agenda, the deadlines with their explanations, and the record.
 */
import { Console, type DateTime, Effect, TestContext } from "effect"
import { formatDate, formatInstant } from "../src/calendar/format.js"
import type { Deadline } from "../src/deadlines/Deadline.js"
import { decodePolicy } from "../src/policy/loadPolicy.js"
import { inMemoryCore, playWeek } from "../src/testing/playWeek.js"

const wexcombe = {
  extends: "lincolnshire",
  authority: { id: "wexcombe", name: "Wexcombe Borough Council (fictional)" },
  source: "Demo authority running the Lincolnshire Support Panel procedure"
}

const time = (instant: DateTime.Utc) => formatInstant(instant).slice(0, 5)
const line = (deadline: Deadline) => `  [${deadline.state.padEnd(8)}] ${deadline.title}\n             ${deadline.explanation}`

const main = Effect.gen(function* () {
  const policy = yield* decodePolicy(wexcombe, "demo policy")
  const week = yield* playWeek(policy).pipe(Effect.provide(inMemoryCore(policy)))
  const { sitting } = week
  const panel = policy.panels.find((candidate) => candidate.id === sitting.panelId)!

  yield* Console.log(`${policy.authority.name}: ${panel.name}, ${formatDate(sitting.date)} ${time(sitting.startsAt)}-${time(sitting.endsAt)}\n`)
  yield* Console.log("Agenda")
  for (const item of sitting.agenda) {
    yield* Console.log(`  ${time(item.startsAt)}-${time(item.endsAt)}  ${item.summary} (${item.referralId}; ${item.childIds.join(", ")})`)
  }
  yield* Console.log(`\nA late request was refused at first:\n  ${week.refusedLate.message}\n  The chair then gave permission and it joined the agenda.`)
  yield* Console.log("\nDeadlines the day before the sitting")
  for (const deadline of week.deadlinesBeforeSitting) yield* Console.log(line(deadline))
  yield* Console.log("\nAttendance")
  for (const person of sitting.attendance) yield* Console.log(`  ${person.name} (${person.seat}): ${person.status}`)
  yield* Console.log(`  Chair's decision on numbers: ${sitting.quorum?.note ?? "not recorded"}`)
  yield* Console.log("\nDecisions")
  for (const decision of week.decisions) {
    const signed = decision.signOffs.map((signOff) => `${signOff.by.name} (${signOff.ruleId})`).join(", ")
    yield* Console.log(`  ${decision.subject.referralId}: ${decision.content.outcome.toUpperCase()} - ${decision.content.rationale}`)
    yield* Console.log(`    signed off by ${signed || "-"}`)
    for (const action of decision.content.actions) {
      yield* Console.log(`    action: ${action.description} (${action.ownerRole.replace("_", " ")}, due ${formatDate(action.dueDate)})`)
    }
  }
  yield* Console.log(`  ${week.deferred.id} is back in line for a later sitting (${week.deferred.status}).`)
  yield* Console.log("\nThe record")
  yield* Console.log(`  draft to chair ${sitting.record.draftSentAt ? formatInstant(sitting.record.draftSentAt) : "-"}`)
  yield* Console.log(`  final from chair ${sitting.record.finalAt ? formatInstant(sitting.record.finalAt) : "-"}`)
  yield* Console.log(`  uploaded for ${sitting.record.uploads.length} children`)
  yield* Console.log("\nClocks still open at the end of the week")
  for (const deadline of week.openAtEnd) yield* Console.log(line(deadline))
})

Effect.runPromise(main.pipe(Effect.provide(TestContext.TestContext))).catch((error) => {
  console.error(error instanceof Error ? error.message : String(error))
  process.exitCode = 1
})
