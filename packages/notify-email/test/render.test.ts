import { describe, expect, it } from "vitest"
import { renderEmail } from "../src/render/renderEmail.js"
import { CHILD, notification } from "./fixtures.js"

describe("rendering", () => {
  it("prefixes the headline and never puts the body or facts in the subject", () => {
    const email = renderEmail(notification(), {
      "referral.submitted": (n) => ({ text: `${n.facts.childName}`, html: `<p>${n.facts.childName}</p>` })
    })
    expect(email.subject).toBe("[Carepanel] A request for the Resource Panel is ready for triage")
    expect(email.subject).not.toContain(CHILD)
    expect(email.text).toContain(CHILD)
  })

  it("keeps the subject on one line", () => {
    expect(renderEmail(notification({ headline: "Panel moved\r\nBcc: someone@example.com" })).subject).toBe(
      "[Carepanel] Panel moved Bcc: someone@example.com"
    )
  })

  it("writes text and escaped HTML with the act-by instant in London time, its rule and a reference", () => {
    const email = renderEmail(notification({ body: [`<script>alert("x")</script> & ${CHILD}'s plan`] }))
    expect(email.text).toBe(
      [
        "A request for the Resource Panel is ready for triage",
        "",
        `<script>alert("x")</script> & ${CHILD}'s plan`,
        "",
        "Act by 12:00 Fri 4 Jun 2027 (rule NSO-4).",
        "Triage within two working days of submission.",
        "",
        "--",
        "This is an automatic message from Carepanel; please do not reply. Reference: referral-42.submitted"
      ].join("\n")
    )
    expect(email.html).toContain("<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Robin Testwood&#39;s plan</p>")
    expect(email.html).not.toContain("<script>")
    expect(email.html).toContain("<strong>Act by 12:00 Fri 4 Jun 2027</strong>")
  })

  it("uses the kind's renderer, the default for other kinds, and ignores inherited keys", () => {
    const renderers = { "sitting.moved": () => ({ text: "moved", html: "<p>moved</p>" }) }
    expect(renderEmail(notification({ kind: "sitting.moved" }), renderers).text).toBe("moved")
    expect(renderEmail(notification({ kind: "something.new" }), renderers).text).toContain("ready for triage")
    expect(renderEmail(notification({ kind: "toString" }), renderers).text).toContain("ready for triage")
  })
})
