import { describe, expect, it } from "@effect/vitest"
import { Effect, FastCheck as fc } from "effect"
import { withheldText } from "../../src/notifications/CaseContext.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Outbox } from "../../src/ports/Outbox.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { Placements } from "../../src/regulation24/Placements.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { requestWithPapers } from "../../src/testing/readyRequest.js"
import { london } from "../fixtures.js"
import { childId, setTime, staff, yesToRefuse } from "../regulation24/fixtures.js"

const lin = preset("lincolnshire")

const word = fc.oneof(fc.stringMatching(/^[A-Z][a-z]{1,11}$/), fc.constantFrom("O'Neill", "Smith-Jones", "Zoë", "Nuñez", "McAllister", "Ng", "Oluwaseun", "Ana-Maria"))
/** A fictional child's first name (three letters or more: a shorter part of a name is not taken out) and surname. */
const childName = fc.record({ first: word.filter((first) => [...first].length >= 3), surname: word })

/**
 * The child's requests before the placement, oldest first, each left open or withdrawn; then the child placed on
 * Wed 2 Jun 2027 with a carer whose relationship names the child by first name: the carers' line of the service
 * manager's notice to authorise it, as queued for email.
 */
const carersLineOf = (name: { readonly first: string; readonly surname: string }, requests: ReadonlyArray<"open" | "withdrawn">) =>
  Effect.gen(function* () {
    for (const [i, fate] of requests.entries()) {
      yield* setTime(london("2027-05-03", `0${i + 1}:00`))
      const draft = yield* requestWithPapers(lin, "s20_accommodation", { id: childId, name: `${name.first} ${name.surname}` }, { draft: true })
      if (fate === "withdrawn") yield* (yield* Referrals).withdraw(staff.socialWorker, draft.id, "The family moved out of the area")
    }
    const at = london("2027-06-02", "10:00")
    yield* setTime(at)
    const placements = yield* Placements
    const { id } = yield* placements.recordBasicTest(staff.socialWorker, childId, yesToRefuse)
    yield* placements.recordPlacementMade(staff.socialWorker, id, at, [{ name: "Mo Fairley", relationship: `${name.first}'s gran`, hasParentalResponsibility: true }])
    const notices = (yield* (yield* Outbox).due("email", "2100-01-01T00:00:00.000Z", 1_000)).map((entry) => entry.notification)
    return notices.find((notice) => notice.kind === "placement.authorisation_needed")?.body[0]
  }).pipe(Effect.provide(inMemoryCore(lin)))

describe("a placement's carers' relationships name no child, whatever the child's requests", () => {
  it.effect.prop(
    "STAT-GDPR: for any child's name, a relationship naming the child reaches the service manager as 'the child's gran' when any request, withdrawn or open, names the child, and is withheld when none does",
    [childName, fc.array(fc.constantFrom("open" as const, "withdrawn" as const), { maxLength: 2 })],
    ([name, requests]) =>
      Effect.gen(function* () {
        const carers = requests.length === 0 ? withheldText : "the child's gran (parental responsibility)"
        expect(yield* carersLineOf(name, requests)).toBe(`Placed at 10:00 Wed 2 Jun 2027 with connected-person carers: ${carers}.`)
      }),
    { fastCheck: { numRuns: 25 } }
  )
})
