import { describe, expect, it } from "@effect/vitest"
import { referralNotifications } from "../../src/notifications/referralNotifications.js"
import type { ReferralCommand } from "../../src/referral/ReferralCommands.js"
import { referralDecider } from "../../src/referral/ReferralDecider.js"
import { ChildId, DocumentId, ReferralId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { as, completeForm, contextOf, london } from "../fixtures.js"
import { story } from "./fixtures.js"

const staff = staffOf("north-somerset")
const context = contextOf("north-somerset")
const cmd = (actor: keyof typeof staff, body: Record<string, unknown>) =>
  ({ ...body, by: as(staff[actor]), at: london("2027-06-01", "09:00") }) as ReferralCommand

/**
 * Given a North Somerset request for the children named, submitted with its papers; when the team manager returns it
 * for changes with `reason`; then the line the social worker reads in the notice.
 */
const returnedSaying = (names: ReadonlyArray<string>, reason: string): string => {
  const form = completeForm("care-and-resource")
  const child = form.children[0]!
  const children = names.map((fullName, n) => ({ ...child, childId: ChildId.make(`child-${n + 1}`), fullName }))
  const step = story(referralDecider, context)
  step(cmd("socialWorker", { _tag: "CreateDraft", referralId: ReferralId.make("ref_1"), form: { ...form, children } }))
  for (const kind of ["assessment", "care_plan", "genogram"]) {
    step(cmd("socialWorker", { _tag: "RecordDocument", document: { documentId: DocumentId.make(kind), kind, title: kind } }))
  }
  step(cmd("socialWorker", { _tag: "Submit" }))
  const { events, state } = step(cmd("teamManager", { _tag: "ReturnForChanges", reason }))
  const [returned] = referralNotifications(events, state, context)
  const line = returned?.body.at(-1) ?? ""
  const prefix = "Returned by Tom Brackley (team manager): "
  expect(line.startsWith(prefix), line).toBe(true)
  return line.slice(prefix.length)
}

describe("what a notice's free text keeps of a child's name", () => {
  it("a sibling's longer first name goes whole: Mary-Jane is not left as 'the child-Jane'", () => {
    expect(returnedSaying(["Mary Smith", "Mary-Jane Smith"], "Mary-Jane needs a school place and Mary a GP")).toBe(
      "the child needs a school place and the child a GP"
    )
  })

  it("every mention goes, a full name in any case and spacing, and each first or last name on its own", () => {
    expect(returnedSaying(["Robin Testwood"], "ROBIN   testwood moved; Robin's school and Testwood's GP, then Robin again")).toBe(
      "the child moved; the child's school and the child's GP, then the child again"
    )
  })

  it("a name of three letters goes; a name of two stays, as it would take too many words with it", () => {
    expect(returnedSaying(["Ava Li"], "Ava has no bed; Li Wei, her uncle, offered one")).toBe("the child has no bed; Li Wei, her uncle, offered one")
  })

  it("a name stays inside another word and in another case: Robinson, and the robin on the sill", () => {
    expect(returnedSaying(["Robin Testwood"], "Mrs Robinson saw a robin on the sill")).toBe("Mrs Robinson saw a robin on the sill")
    expect(returnedSaying(["Ann Lee"], "Joann Lee from the school")).toBe("Joann the child from the school")
  })

  it("a name with a full stop is matched as written (St. Clair), not as any character", () => {
    expect(returnedSaying(["Robin St. Clair"], "Robin St. Clair is settled; Stx Clair is a street")).toBe(
      "the child is settled; Stx the child is a street"
    )
  })
})

describe("how long a line of free text may be", () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `word${String(i).padStart(2, "0")}`).join(" ")

  it("a reason of 300 characters is kept whole, on one line", () => {
    const reason = `${"a".repeat(150)}\n\n${"b".repeat(149)}`
    expect(returnedSaying(["Robin Testwood"], reason)).toBe(`${"a".repeat(150)} ${"b".repeat(149)}`)
  })

  it("a longer reason is cut at the last word before 300 characters, and says so with '...'", () => {
    // 50 words of 6 characters: 349 characters with their spaces; the last space within the first 300 is after the 42nd.
    const reason = words(50)
    const kept = returnedSaying(["Robin Testwood"], reason)
    expect(kept).toBe(`${words(42)}...`)
    expect(kept.length).toBeLessThanOrEqual(303)
  })

  it("a reason of 300 characters and a line break typed after it is still kept whole", () => {
    expect(returnedSaying(["Robin Testwood"], `${"c".repeat(300)}\n`)).toBe("c".repeat(300))
  })

  it("a reason whose only space within 300 characters is at the halfway mark is cut at 300, not at that space", () => {
    const reason = `${"a".repeat(150)} ${"b".repeat(200)}`
    expect(returnedSaying(["Robin Testwood"], reason)).toBe(`${"a".repeat(150)} ${"b".repeat(149)}...`)
  })

  it("a reason with no space in its second half is cut at 300 characters", () => {
    const reason = `short ${"x".repeat(400)}`
    expect(returnedSaying(["Robin Testwood"], reason)).toBe(`short ${"x".repeat(294)}...`)
  })
})
