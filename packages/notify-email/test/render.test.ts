import { describe, expect, it } from "vitest"
import { renderEmail } from "../src/render/renderEmail.js"
import { CHILD, notification } from "./fixtures.js"

describe("rendering", () => {
  it("prefixes the headline and never puts the body or facts in the subject", () => {
    const email = renderEmail(notification(), {
      "referral.awaiting_approval": (n) => ({ text: n.body.join("\n"), html: `<p>${n.body.join("</p><p>")}</p>` })
    })
    expect(email.subject).toBe("[Carepanel] Panel request for child wx-child-42 (an edge-of-care resource) is waiting for the team manager's approval (NSO-2)")
    expect(email.subject).not.toContain(CHILD)
    expect(email.text).toContain(CHILD)
  })

  it("keeps the subject on one line", () => {
    expect(renderEmail(notification({ headline: "Panel moved\r\nBcc: someone@example.com" })).subject).toBe(
      "[Carepanel] Panel moved Bcc: someone@example.com"
    )
  })

  it("writes what happened, what to do, by when (London time) with the rules, the details and a reference; HTML escaped", () => {
    const email = renderEmail(notification({ body: [`<script>alert("x")</script> & ${CHILD}'s plan`] }))
    expect(email.text).toBe(
      [
        "Panel request for child wx-child-42 (an edge-of-care resource) is waiting for the team manager's approval (NSO-2)",
        "",
        "What happened",
        "Panel request ref_42 was submitted and is waiting for the team manager's approval.",
        "",
        "What to do",
        "Open the request in Carepanel, check it, then approve it or return it to the social worker with what must change.",
        "",
        "By when",
        "Act by 12:00 Fri 4 Jun 2027 (rule NSO-3).",
        "Requests reach the panel by 12:00 on the Friday before the sitting",
        "Rules: NSO-3, NSO-2.",
        "",
        "Details",
        `<script>alert("x")</script> & ${CHILD}'s plan`,
        "",
        "--",
        "This is an automatic message from Carepanel; please do not reply. Reference: ref_42:approval:2027-06-01T08:00:00.000Z:0:team_manager"
      ].join("\n")
    )
    expect(email.html).toContain("<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Robin Testwood&#39;s plan</p>")
    expect(email.html).not.toContain("<script>")
    expect(email.html).toContain("<strong>Act by 12:00 Fri 4 Jun 2027 (rule NSO-3).</strong>")
  })

  it("says when there is no deadline, and leaves out the rule line when no rule is cited", () => {
    const { actBy: _, ...cancelled } = notification({
      kind: "sitting.cancelled",
      headline: "The Care and Resource Panel on Wed 9 Jun 2027 is cancelled",
      body: ["Cancelled by Dev Ingleby."],
      facts: { sittingId: "sit_1", date: "2027-06-09" }
    })
    const email = renderEmail(cancelled)
    expect(email.text).toContain("Sitting sit_1 on Wed 9 Jun 2027 is cancelled and will not take place.")
    expect(email.text).toContain("By when\nThere is no deadline for this.\n\nDetails")
  })

  it("uses your renderer for a kind, the built-in body otherwise, the common layout for unknown kinds, and ignores inherited keys", () => {
    const renderers = { "sitting.cancelled": () => ({ text: "cancelled", html: "<p>cancelled</p>" }) }
    expect(renderEmail(notification({ kind: "sitting.cancelled" }), renderers).text).toBe("cancelled")
    expect(renderEmail(notification(), renderers).text).toContain("What happened\nPanel request ref_42 was submitted")
    const unknown = renderEmail(notification({ kind: "something.new" }), renderers).text
    expect(unknown).toContain("What happened\nPanel request for child wx-child-42 (an edge-of-care resource) is waiting for the team manager's approval (NSO-2).")
    expect(unknown).toContain("What to do\nRead the details below and open Carepanel to act on them.")
    expect(renderEmail(notification({ kind: "toString" }), renderers).text).toContain("Read the details below")
  })
})
