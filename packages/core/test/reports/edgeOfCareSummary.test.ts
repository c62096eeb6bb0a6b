import { describe, expect, it } from "@effect/vitest"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { edgeOfCareSummary } from "../../src/reports/edgeOfCareSummary.js"
import { juneInputs } from "./fixtures.js"

const june = { from: "2027-06-01" as LocalDate, to: "2027-06-30" as LocalDate }

describe("edge-of-care summary", () => {
  // Made in each test, not once here: a fault planted while tests run (as mutation testing does) must reach it.
  const summary = () => edgeOfCareSummary(june, juneInputs())

  it("KNO-3: demand is the edge-of-care and family support requests submitted in the period", () => {
    expect(summary().demand).toEqual({
      requests: 3,
      children: 3,
      byType: [
        { requestType: "edge_of_care_resource", label: "an edge-of-care resource", requests: 3 },
        { requestType: "respite_or_family_support", label: "respite or family support", requests: 0 }
      ]
    })
  })

  it("KNO-3: allocation is what was approved, with its funding as a yearly rate (GBP 200 a week and GBP 1,500 once)", () => {
    expect(summary().allocation).toMatchObject({ approved: 2, declined: 1, deferred: 0, childrenSupported: 2, annualisedFundingPence: 20_000 * 52 + 150_000 })
    expect(summary().allocation.funding.filter((row) => row.decisions > 0)).toEqual([
      { period: "one_off", decisions: 1, amountPence: 150_000 },
      { period: "weekly", decisions: 1, amountPence: 20_000 }
    ])
  })

  it("KNO-3: capacity is what the services declare in the policy, summed per line; demand, allocation, places and gap month by month", () => {
    const services = [
      { service: "MST-CAN", requestType: "edge_of_care_resource" as const, placesPerMonth: 1 },
      { service: "Family Group Conferencing", requestType: "edge_of_care_resource" as const, placesPerMonth: 1 }
    ]
    const declared = edgeOfCareSummary(june, juneInputs(), services)
    expect(declared.capacity).toEqual([
      { requestType: "edge_of_care_resource", label: "an edge-of-care resource", services: "MST-CAN: 1 a month; Family Group Conferencing: 1 a month", placesPerMonth: 2 },
      { requestType: "respite_or_family_support", label: "respite or family support", services: "", placesPerMonth: "not declared" }
    ])
    // Three requests for two places: one more than the services can take.
    expect(declared.capacityByMonth).toEqual([
      { month: "2027-06", requestType: "edge_of_care_resource", label: "an edge-of-care resource", requests: 3, approved: 2, placesPerMonth: 2, gap: 1 },
      { month: "2027-06", requestType: "respite_or_family_support", label: "respite or family support", requests: 0, approved: 0, placesPerMonth: "not declared", gap: "not declared" }
    ])
  })

  it("KNO-3: a service that declares no places makes its line 'not declared', never a number the services did not give", () => {
    const partly = edgeOfCareSummary(june, juneInputs(), [
      { service: "MST-CAN", requestType: "edge_of_care_resource", placesPerMonth: 4 },
      { service: "Safe Families", requestType: "edge_of_care_resource" }
    ])
    expect(partly.capacity[0]).toMatchObject({ services: "MST-CAN: 4 a month; Safe Families: not declared", placesPerMonth: "not declared" })
    expect(partly.capacityByMonth[0]).toMatchObject({ requests: 3, approved: 2, placesPerMonth: "not declared", gap: "not declared" })
    expect(summary().capacity.every((line) => line.placesPerMonth === "not declared")).toBe(true)
  })

  it("KNO-3: impact is whether supported children became looked after as far as the records show", () => {
    expect(summary().impact).toMatchObject({ childrenSupported: 2, alreadyLookedAfter: 0, becameLookedAfter: 1, notKnownToHaveBecomeLookedAfter: 1 })
    expect(summary().children).toEqual([
      { childId: "child-3", decisionId: "dec_5", supportedOn: "2027-06-09", alreadyLookedAfter: false, lookedAfterOn: "2027-06-23", lookedAfterBy: "decision dec_6", proceedingsOn: undefined, followUpDays: 21 },
      { childId: "child-6", decisionId: "dec_8", supportedOn: "2027-06-16", alreadyLookedAfter: false, lookedAfterOn: undefined, lookedAfterBy: undefined, proceedingsOn: undefined, followUpDays: 14 }
    ])
  })

  it("KNO-3: an accommodation after the period's end is not seen by that period's tracker", () => {
    const early = edgeOfCareSummary({ from: "2027-06-01" as LocalDate, to: "2027-06-20" as LocalDate }, juneInputs())
    expect(early.impact).toMatchObject({ becameLookedAfter: 0, notKnownToHaveBecomeLookedAfter: 2 })
  })

  it("KNO-3: the monthly tracker has a row for each month of the period", () => {
    const quarter = edgeOfCareSummary({ from: "2027-05-15" as LocalDate, to: "2027-07-10" as LocalDate }, juneInputs())
    expect(quarter.months.map((row) => [row.month, row.requests, row.approved, row.declined])).toEqual([
      ["2027-05", 0, 0, 0],
      ["2027-06", 3, 2, 1],
      ["2027-07", 0, 0, 0]
    ])
  })
})
