// npm run bench: the first frame with 1,000 agenda items and 10,000 open clocks, and keypress-to-frame latency.
// The screens' reads are answered from memory (the figures are the TUI's own rendering, not the store's queries).
import { DateTime } from "effect"
import { render } from "ink-testing-library"
import { loadavg, tmpdir } from "node:os"
import { performance } from "node:perf_hooks"
import { type Deadline, type Sitting, SittingId } from "@carepanel/core"
import { staffOf } from "@carepanel/core/testing"
import { demoPolicy } from "../test/support/harness.js"
import { Inbox } from "../src/core/inbox.js"
import { App } from "../src/ui/App.js"
import { CoreProvider, type Run } from "../src/ui/CoreContext.js"
import type { Route } from "../src/ui/Navigation.js"
import { KeysRoot } from "../src/ui/useKeys.js"

const actor = staffOf(demoPolicy.authority.id).administrator
const start = DateTime.unsafeMake("2027-06-02T09:00:00Z")
const at = (minutes: number) => DateTime.add(start, { minutes })

const sitting: Sitting = {
  id: SittingId.make("sit_bench"),
  authorityId: actor.authorityId,
  panelId: demoPolicy.panels[0].id,
  date: "2027-06-02" as never,
  startsAt: start,
  endsAt: at(1000 * 30),
  agenda: Array.from({ length: 1000 }, (_, i) => ({
    referralId: `ref_${i}` as never,
    childIds: [`bench-child-${i}` as never],
    kind: "request" as const,
    summary: `Request ${i}: accommodation`,
    startsAt: at(30 * i),
    endsAt: at(30 * i + 30)
  })),
  attendance: [],
  record: { uploads: [] }
}

const clocks: ReadonlyArray<Deadline> = Array.from({ length: 10_000 }, (_, i) => ({
  id: `clock-${i}`,
  about: { kind: "action" as const, id: `act_${i}` },
  title: `Action ${i} for the child's plan`,
  ruleId: "LIN-9" as never,
  due: at(60 * (i - 5000)),
  state: i < 5000 ? ("overdue" as const) : i < 5500 ? ("due_soon" as const) : ("pending" as const),
  explanation: `due ${i} - LIN-9: the FGC service receives the referral`
}))

const answers: Record<string, unknown> = { sitting: { sitting, around: {} }, deadlines: clocks }

const screen = (route: Route) => {
  const answer = answers[route.name]
  const run: Run = () => Promise.resolve({ ok: true, value: answer as never })
  return (
    <CoreProvider core={{ actor, policy: demoPolicy, run, inbox: new Inbox(actor), version: 0, colour: false, exportDir: tmpdir() }}>
      <KeysRoot>
        <App columns={120} rows={40} initial={route} />
      </KeysRoot>
    </CoreProvider>
  )
}

const until = async (check: () => boolean) => {
  while (!check()) await new Promise((resolve) => setImmediate(resolve))
}

const percentile = (sorted: ReadonlyArray<number>, p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!

const presses = 200

const measure = async (name: string, route: Route, ready: string) => {
  const began = performance.now()
  const app = render(screen(route))
  await until(() => app.lastFrame()?.includes(ready) ?? false)
  const first = performance.now() - began
  const latencies: Array<number> = []
  const cpuBefore = process.cpuUsage()
  for (let i = 0; i < presses; i++) {
    const before = app.lastFrame()
    const pressed = performance.now()
    app.stdin.write(i % 2 === 0 ? "j" : "k")
    await until(() => app.lastFrame() !== before)
    latencies.push(performance.now() - pressed)
  }
  const cpu = process.cpuUsage(cpuBefore)
  app.unmount()
  latencies.sort((a, b) => a - b)
  // CPU time per keypress does not wait on other processes: on a shared machine it is the figure to compare.
  const cpuPerPress = (cpu.user + cpu.system) / 1000 / presses
  console.log(
    `${name.padEnd(28)} first frame ${first.toFixed(0).padStart(5)} ms   keypress-to-frame p50 ${percentile(latencies, 50).toFixed(1)} ms  p99 ${percentile(latencies, 99).toFixed(1)} ms  (CPU ${cpuPerPress.toFixed(1)} ms a keypress)`
  )
}

// A council runs the TUI with NODE_ENV=production (docs/deployment.md), so the goals are for React's production
// build; `npm run bench` runs the development build (`npm run tui`) after it, for comparison.
const build = process.env.NODE_ENV === "production" ? "React production build (as deployed): the goals apply" : "React development build (npm run tui): for comparison"
console.log(`TUI bench (goals: first frame under 500 ms, keypress-to-frame p99 under 50 ms); ${build}; load ${loadavg()[0]!.toFixed(1)}`)
await measure("Sitting, 1,000 agenda items", { name: "sitting", sittingId: sitting.id }, "Agenda (1000)")
await measure("Deadlines, 10,000 clocks", { name: "deadlines" }, "10000 open")
process.exit(0)
