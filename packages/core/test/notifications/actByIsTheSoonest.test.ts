import { describe, expect, it } from "@effect/vitest"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import type { DecisionCommand } from "../../src/decision/DecisionCommands.js"
import { decisionDecider } from "../../src/decision/DecisionDecider.js"
import { decisionNotifications } from "../../src/notifications/decisionNotifications.js"
import { ActionId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { content, decisionId, heldSitting, subject } from "../decision/fixtures.js"
import { as, contextOf, london } from "../fixtures.js"
import { robinsCase, story } from "./fixtures.js"

const action = (id: string, dueDate: string) => ({
  actionId: ActionId.make(id),
  description: `Action ${id}`,
  ownerRole: "social_worker" as const,
  dueDate: dueDate as LocalDate,
  fgcReferral: false
})

describe("the act-by of a final decision's notice", () => {
  it("LIN-5: the social worker with several actions is told to act by the soonest, whatever order the actions were recorded in", () => {
    const staff = staffOf("lincolnshire")
    const step = story(decisionDecider, contextOf("lincolnshire"))
    const cmd = (actor: keyof typeof staff, body: Record<string, unknown>) =>
      ({ ...body, by: as(staff[actor]), at: london("2027-06-09", "13:30") }) as DecisionCommand
    const actions = [action("act_1", "2027-06-30"), action("act_2", "2027-06-16"), action("act_3", "2027-06-25")]
    step(cmd("administrator", { _tag: "RecordDecision", decisionId, subject: subject(), sitting: heldSitting("lincolnshire"), content: content({ actions }) }))
    const { events, state } = step(cmd("chair", { _tag: "SignOff" }))
    const [toSocialWorker] = decisionNotifications(events, state, { ...contextOf("lincolnshire"), case: robinsCase })
    expect(toSocialWorker?.id).toBe("dec_1:final:social_worker")
    expect(toSocialWorker?.actBy).toMatchObject({ due: "2027-06-16T16:00:00.000Z", ruleId: "LIN-5" })
  })
})
