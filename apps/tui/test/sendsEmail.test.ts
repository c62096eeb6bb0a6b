import { describe, expect, it } from "vitest"
import { sendsEmail } from "../src/config/env.js"

// A terminal without SMTP ran the email dispatcher: beside an API that sends email, it took entries off the shared
// outbox, "delivered" them to its own inbox only, and marked them sent, so social workers never got those emails.
describe("whether the terminal sends the outbox's email (CAREPANEL_DISPATCHER)", () => {
  it("only where SMTP is set up, unless turned off", () => {
    expect(sendsEmail({}, false)).toBe(false)
    expect(sendsEmail({ CAREPANEL_DISPATCHER: "off" }, false)).toBe(false)
    expect(sendsEmail({}, true)).toBe(true)
    expect(sendsEmail({ CAREPANEL_DISPATCHER: "off" }, true)).toBe(false)
  })

  it("refuses 'on' without SMTP, saying why and what to do", () => {
    expect(() => sendsEmail({ CAREPANEL_DISPATCHER: "on" }, false)).toThrow(
      'CAREPANEL_DISPATCHER: is "on", but this terminal has no SMTP set up (SMTP_URL or SMTP_HOST): it would take emails off the outbox and send them nowhere. Set up SMTP here, or leave the email to the API.'
    )
  })
})
