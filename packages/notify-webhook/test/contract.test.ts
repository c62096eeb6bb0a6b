import { runNotifierContract } from "@carepanel/notify-contract"
import { webhookHarness } from "./contractHarness.js"

runNotifierContract("Standard Webhooks", () => webhookHarness, { retryAfter: true })
