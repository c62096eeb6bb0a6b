import type { Notification } from "@carepanel/core"
import { Effect } from "effect"
import { beforeAll, describe, expect, it } from "vitest"
import { renderedKinds } from "../src/render/kindRenderers.js"
import { formatDue, rulesOf } from "../src/render/layout.js"
import { renderEmail } from "../src/render/renderEmail.js"
import { childNames, everyCoreNotification } from "./coreNotifications.js"

let notifications: ReadonlyArray<Notification> = []
beforeAll(async () => {
  notifications = await Effect.runPromise(everyCoreNotification)
})

/** One notification of each kind, as core wrote it. */
const oneOfEach = () => [...new Map(notifications.map((n) => [n.kind, n])).values()]
const nameParts = childNames.flatMap((name) => [name, ...name.split(" ")])

describe("an email for every kind of notification core writes", () => {
  it("has a body of its own for each kind core wrote in a fortnight of panel work, and none for kinds core does not write", () => {
    expect(oneOfEach().map((n) => n.kind).sort()).toEqual([...renderedKinds].sort())
  })

  it("says in text and HTML what happened, what to do, by when and under which rule, with the details", () => {
    for (const n of oneOfEach()) {
      const email = renderEmail(n)
      for (const heading of ["What happened", "What to do", "By when", "Details"]) {
        expect(email.text, n.kind).toContain(`\n${heading}\n`)
        expect(email.html, n.kind).toContain(`<h2 style="font-size:1em">${heading}</h2>`)
      }
      const happened = email.text.split("\n")[email.text.split("\n").indexOf("What happened") + 1]
      expect(happened, `${n.kind} says nothing of its own`).not.toBe(`${n.headline}.`)
      expect(happened, `${n.kind} is missing a fact`).not.toContain("(not given)")
      if (n.actBy) expect(email.text, n.kind).toContain(`Act by ${formatDue(n.actBy.due)} (rule ${n.actBy.ruleId}).`)
      else expect(email.text, n.kind).toContain("There is no deadline for this.")
      for (const rule of rulesOf(n)) expect(email.text, n.kind).toContain(rule)
      for (const line of n.body) expect(email.text, n.kind).toContain(line)
      expect(email.html, n.kind).toMatch(/^<!doctype html>[\s\S]*<\/html>$/)
    }
  })

  it("asks whoever chaired the sitting for their own sign-off, and a role's holders for theirs", () => {
    const signOffs = notifications.filter((n) => n.kind === "decision.awaiting_sign_off")
    const byChair = signOffs.find((n) => n.facts.signOffPersonId !== undefined)
    const byRole = signOffs.find((n) => n.facts.signOffPersonId === undefined)
    expect(renderEmail(byChair!).text).toContain("is waiting for your sign-off, as the person who chaired the sitting.")
    expect(renderEmail(byRole!).text).toContain("is waiting for the Assistant Director's sign-off.")
  })

  it("tells those asked to agree an urgent decision, and its proposer, that it lapsed when its request was heard, and that nothing is owed", () => {
    const lapsed = notifications.filter((n) => n.kind === "decision.lapsed")
    expect(lapsed.map((n) => n.recipients[0])).toEqual([
      { _tag: "RoleHolder", role: "assistant_director" },
      { _tag: "Person", personId: "grace-dunmore", name: "Grace Dunmore" }
    ])
    const email = renderEmail(lapsed[0]!)
    const referralId = lapsed[0]!.facts.referralId
    expect(email.text).toContain(
      `The urgent decision on request ${referralId} made outside panel lapsed before it was agreed (NSO-10): the request was decided outside panel at ${formatDue(String(lapsed[0]!.facts.overtakenAt))}.`
    )
    expect(email.text).toContain(
      "Nothing is to be agreed on it, and none of its actions is owed. If you still have the email asking for your agreement, set it aside: the decision made at the hearing stands."
    )
    const atPanel = { ...lapsed[0]!, facts: { ...lapsed[0]!.facts, overtakenAtPanel: true, overtakenAt: "2027-06-09T12:00:00.000Z" } }
    expect(renderEmail(atPanel).text).toContain(`lapsed before it was agreed (NSO-10): the request was heard at the sitting on Wed 9 Jun 2027.`)
  })

  it("never puts a child's name in the subject of any kind, even when the body holds one", () => {
    expect(notifications.length).toBeGreaterThan(50)
    for (const n of notifications) {
      const named = { ...n, body: [...n.body, `About ${childNames[0]}.`] }
      const email = renderEmail(named)
      expect(email.subject).toBe(`[Carepanel] ${n.headline}`)
      for (const part of nameParts) expect(email.subject, n.kind).not.toContain(part)
      expect(email.text).toContain(`About ${childNames[0]}.`)
    }
  })
})
