import { runNotifierContract } from "@carepanel/notify-contract"
import { emailHarness } from "./contractHarness.js"

// SMTP has no reply that says when to come back, so the Retry-After test does not apply.
runNotifierContract("email over SMTP", () => emailHarness)
