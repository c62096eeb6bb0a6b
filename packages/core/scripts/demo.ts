/**
 * The README's main job until the GraphQL API exists: a week of a fictional authority played through the
 * core on a simulated clock, printing the agenda, the deadlines with their explanations, and the record.
 */
import { Console, type DateTime, Effect, TestContext } from "effect"
import type { AuthorityPolicy } from "../src/policy/AuthorityPolicy.js"
import { citation } from "../src/policy/citation.js"
import { formatDate, formatInstant } from "../src/calendar/format.js"
import type { Deadline } from "../src/deadlines/Deadline.js"
import { decodePolicy } from "../src/policy/loadPolicy.js"
import type { Referral } from "../src/referral/Referral.js"
import { Referrals } from "../src/referral/Referrals.js"
import { staffOf } from "../src/testing/actors.js"
import { inMemoryCore, playWeek } from "../src/testing/playWeek.js"

const wexcombe = {
  extends: "lincolnshire",
  authority: { id: "wexcombe", name: "Wexcombe Borough Council (fictional)" },
  source: "Demo authority running the Lincolnshire Support Panel procedure"
}

const time = (instant: DateTime.Utc) => formatInstant(instant).slice(0, 5)
const role = (name: string) => name.replaceAll("_", " ")
/** A request as people name it: the children it is about and what it asks for. */
const childrenOf = (referral: Referral) => referral.form.children.map((child) => child.fullName).join(" and ")
const requestName = (referral: Referral) => `${childrenOf(referral)} (${referral.form.request ?? referral.form.requestTypes.map(role).join(", ")})`

const play = (policy: AuthorityPolicy) =>
  Effect.gen(function* () {
    const week = yield* playWeek(policy)
    const referrals = yield* Referrals
    const ids = [week.draft.id, ...week.sitting.agenda.map((item) => item.referralId)]
    const requests = new Map<string, Referral>()
    for (const id of ids) requests.set(id, yield* referrals.get(staffOf(policy.authority.id).administrator, id))
    return { week, requests }
  })

const main = Effect.gen(function* () {
  const policy = yield* decodePolicy(wexcombe, "demo policy")
  const { week, requests } = yield* play(policy).pipe(Effect.provide(inMemoryCore(policy)))
  const { sitting } = week
  const panel = policy.panels.find((candidate) => candidate.id === sitting.panelId)!
  const nameOf = (referralId: string) => requestName(requests.get(referralId)!)
  // Whose each clock is: a request's, or that of the request a decision or its action is about.
  const whose = new Map<string, string>([...requests.entries()].map(([id, referral]) => [id, childrenOf(referral)]))
  for (const decision of week.decisions) {
    const name = childrenOf(requests.get(decision.subject.referralId)!)
    whose.set(decision.id, name)
    for (const action of decision.content.actions) whose.set(action.actionId, name)
  }
  const line = (deadline: Deadline) => {
    const about = whose.get(deadline.about.id)
    return `  [${deadline.state.padEnd(8)}] ${about === undefined ? "" : `${about}: `}${deadline.title}\n             ${deadline.explanation}`
  }
  const chair = sitting.attendance.find((person) => person.seat === "Chair" && person.status === "present")

  yield* Console.log(`${policy.authority.name}: ${panel.name}, ${formatDate(sitting.date)} ${time(sitting.startsAt)}-${time(sitting.endsAt)}`)
  yield* Console.log(`Chaired by ${chair?.name ?? "nobody recorded"}\n`)
  yield* Console.log("Agenda")
  for (const item of sitting.agenda) yield* Console.log(`  ${time(item.startsAt)}-${time(item.endsAt)}  ${nameOf(item.referralId)}`)
  const late = requests.get(sitting.agenda.at(-1)!.referralId)!
  yield* Console.log(`\n${requestName(late)} was late and refused at first:\n  ${week.refusedLate.message}\n  The chair then gave permission and it joined the agenda.`)
  yield* Console.log("\nDeadlines the day before the sitting")
  for (const deadline of week.deadlinesBeforeSitting) yield* Console.log(line(deadline))
  yield* Console.log("\nAttendance")
  for (const person of sitting.attendance) yield* Console.log(`  ${person.name} (${person.seat}): ${person.status}`)
  yield* Console.log(`  Chair's decision on numbers: ${sitting.quorum?.note ?? "not recorded"}`)
  yield* Console.log("\nDecisions")
  for (const decision of week.decisions) {
    const signed = decision.signOffs.map((signOff) => `${signOff.by.name}, ${role(signOff.role)} (${citation(signOff.ruleId, policy)})`).join("; ")
    yield* Console.log(`  ${nameOf(decision.subject.referralId)}: ${decision.content.outcome.toUpperCase()} - ${decision.content.rationale}`)
    yield* Console.log(`    recorded by ${decision.recordedBy.name}, ${role(decision.recordedBy.role)}; signed off by ${signed || "nobody yet"}`)
    for (const action of decision.content.actions) {
      yield* Console.log(`    action: ${action.description} (${action.ownerRole.replace("_", " ")}, due ${formatDate(action.dueDate)})`)
    }
  }
  yield* Console.log(`  ${requestName(week.deferred)} is back in line for a later sitting (${week.deferred.status}).`)
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
