import type { KindContent } from "../layout.js"
import { fact } from "./facts.js"

const about = { referral: "panel request", sitting: "sitting", decision: "panel decision", action: "action", disagreement: "disagreement", placement: "Regulation 24 placement", child: "child's record" } as const
const what = (n: Parameters<KindContent["happened"]>[0]) => {
  const kind = fact(n, "aboutKind", "")
  return `${Object.hasOwn(about, kind) ? about[kind as keyof typeof about] : "record"} ${fact(n, "aboutId")}`
}

/** Reminders of a deadline falling due or passed. */
export const clockKinds: Readonly<Record<string, KindContent>> = {
  "clock.due_soon": {
    happened: (n) => `A deadline for ${what(n)} is coming up and it is not done yet.`,
    toDo: () => "Do what it asks (under Details) before it is due."
  },
  "clock.overdue": {
    happened: (n) => `A deadline for ${what(n)} has passed and it is not done.`,
    toDo: () => "Do it as soon as you can (under Details); if it cannot be done, tell your manager why."
  }
}
