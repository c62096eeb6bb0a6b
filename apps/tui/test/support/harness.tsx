import { readFileSync } from "node:fs"
import type { AccessLog, Actor, AuthorityPolicy } from "@carepanel/core"
import { parsePolicyText } from "@carepanel/core"
import { InMemoryAccessLog, InMemoryStoreLayer, SequentialIds, staffOf } from "@carepanel/core/testing"
import { demoPolicyFile, seedAuthority, shiftedClock } from "@carepanel/demo"
import { Effect, Layer } from "effect"
import { render } from "ink-testing-library"
import { makeTuiRuntime, type TuiRuntime } from "../../src/core/runtime.js"
import type { Route } from "../../src/ui/Navigation.js"
import { Live } from "../../src/ui/Live.js"

export const demoPolicy = Effect.runSync(parsePolicyText(readFileSync(demoPolicyFile, "utf8"), demoPolicyFile))
export const staff = staffOf(demoPolicy.authority.id)

/** Tuesday 1 June 2027, 09:00 in London: the day before a Wednesday sitting of the demonstration authority. */
export const testNow = new Date("2027-06-01T08:00:00Z")

/** The core in memory on a clock that starts at `testNow`, seeded with the demonstration authority. */
export const seededCore = async (
  operator: Actor = staff.administrator,
  policy: AuthorityPolicy = demoPolicy,
  accessLog: Layer.Layer<AccessLog> = InMemoryAccessLog,
  inboxDays?: number
): Promise<TestCore> => {
  const store = Layer.merge(InMemoryStoreLayer, accessLog)
  let offsetMs = testNow.getTime() - Date.now()
  const clock = shiftedClock(() => offsetMs)
  const tui = await makeTuiRuntime({ store, accessLog: store, ids: SequentialIds, policies: [policy], operator, clock, ...(inboxDays === undefined ? {} : { inboxDays }) })
  await tui.runtime.runPromise(seedAuthority(policy))
  return Object.assign(tui, {
    travelTo: (instant: Date) => {
      offsetMs = instant.getTime() - Date.now()
    }
  })
}

export interface TestCore extends TuiRuntime {
  /** Moves the domain's now to this instant (and on from there in real time). */
  readonly travelTo: (instant: Date) => void
}

export interface Rendered {
  readonly lastFrame: () => string | undefined
  readonly stdin: { readonly write: (data: string) => void }
  readonly unmount: () => void
}

export const renderTui = (tui: TuiRuntime, options: { readonly initial?: Route; readonly columns?: number; readonly rows?: number } = {}): Rendered => {
  const columns = options.columns ?? 100
  const rows = options.rows ?? 30
  const rendered = render(
    <Live tui={tui} actor={tui.inbox.operator} colour={false} size={{ columns, rows }} exportDir="/tmp/carepanel-tui-exports" {...(options.initial === undefined ? {} : { initial: options.initial })} />
  )
  // ink-testing-library's terminal is 100 columns wide; the app's own size decides the layout, the terminal must fit it.
  Object.defineProperty(rendered.stdout, "columns", { value: columns })
  return rendered
}

/** Waits until the screen shows what the test looks for (the app loads asynchronously), or fails with the last frame. */
export const waitFor = async (lastFrame: () => string | undefined, expected: string | RegExp, timeoutMs = 5000): Promise<string> => {
  const started = Date.now()
  for (;;) {
    const frame = lastFrame() ?? ""
    if (typeof expected === "string" ? frame.includes(expected) : expected.test(frame)) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      return frame
    }
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${String(expected)}; the screen shows:\n${frame}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

export const keys = { enter: "\r", escape: "\u001b", tab: "\t", down: "\u001b[B", up: "\u001b[A", right: "\u001b[C", left: "\u001b[D", backspace: "\u007f" }

/** Types into the app and lets it render. */
export const press = async (stdin: { readonly write: (data: string) => void }, ...inputs: ReadonlyArray<string>) => {
  for (const input of inputs) {
    stdin.write(input)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/**
 * What a panel administrator types into the decision form for the seeded expenditure request, field by field:
 * a review date and two actions (the form then offers a third, left empty: enter there saves).
 */
export const typedDecision: Readonly<Record<string, string>> = {
  rationale: "The family network can meet the cost safely",
  workingWell: "Grandmother visits daily",
  worries: "Rent arrears",
  needsToHappen: "A budget plan",
  amount: "1800",
  budget: "Edge of care",
  reviewWeeks: "6",
  action: "Set up the weekly payment",
  ownerName: "Priya Ashdown",
  dueDate: "2027-06-16",
  action2: "Review the budget plan with the family",
  ownerName2: "Sam Okafor",
  dueDate2: "2027-06-30"
}
