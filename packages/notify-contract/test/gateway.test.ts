import { Effect, Redacted } from "effect"
import { runNotifierContract } from "../src/index.js"
import { makeGatewayNotifier } from "./support/gatewayNotifier.js"
import { closedPort, gatewayReceiver } from "./support/gatewayReceiver.js"

const token = Redacted.make("gateway-test-token")

// The notifier docs/notifiers.md sketches, proved against a gateway API on a loopback port.
runNotifierContract(
  "secure-email gateway",
  () =>
    Effect.gen(function* () {
      const gateway = yield* gatewayReceiver
      const port = yield* closedPort
      return {
        notifier: makeGatewayNotifier({ url: gateway.url, token }),
        receiver: gateway.probe,
        unreachable: makeGatewayNotifier({ url: `http://127.0.0.1:${port}/v1/messages`, token })
      }
    }),
  { retryAfter: true }
)
