import { parseArgs } from "node:util"
import { Redacted } from "effect"
import { devSourcesFile } from "../config/config.js"
import { loadSources } from "../config/sources.js"
import { send } from "./send.js"

const usage = `carepanel-webhooks send [--example <type> | --file <event.json> | --mosaic <form.json>] [--url <url>] [--secret <whsec_...>] [--id <webhook-id>] [--help]

Signs one event as a Standard Webhook and posts it, for integrators testing their side.
  --example   an example event by type (default request.submitted, from examples/mosaic-form.json; a wrong type lists them)
  --file      a JSON file holding one event
  --mosaic    a Mosaic-style form export, mapped to request.submitted
  --url       default http://127.0.0.1:<CAREPANEL_WEBHOOKS_PORT, else 4100>/webhooks/wexcombe/mosaic (the development receiver)
  --secret    default CAREPANEL_WEBHOOK_SECRET, else the development sources file's secret
  --id        the webhook-id (default a new one); send the same id twice to see the repeat answered alike`

const devSecret = () => Redacted.value(loadSources(devSourcesFile).authorities["wexcombe" as never]!.sources.mosaic!.secrets[0])

const main = async () => {
  const [command, ...rest] = process.argv.slice(2)
  if (command !== "send") {
    console.error(usage)
    process.exit(command === "--help" || command === "help" ? 0 : 2)
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      example: { type: "string" },
      file: { type: "string" },
      mosaic: { type: "string" },
      url: { type: "string" },
      secret: { type: "string" },
      id: { type: "string" },
      help: { type: "boolean", short: "h" }
    }
  })
  if (values.help === true) {
    console.log(usage)
    process.exit(0)
  }
  const given = values.secret ?? (process.env.CAREPANEL_WEBHOOK_SECRET || undefined)
  const answer = await send({ ...values, url: values.url ?? `http://127.0.0.1:${process.env.CAREPANEL_WEBHOOKS_PORT || 4100}/webhooks/wexcombe/mosaic`, secret: given ?? devSecret() })
  console.log(`${answer.status} (webhook-id ${answer.id})\n${answer.text}`)
  if (answer.status === 401 && given === undefined) {
    console.error("carepanel-webhooks: signed with the development sources file's secret, as neither --secret nor CAREPANEL_WEBHOOK_SECRET was given: give your source's")
  }
  process.exit(answer.status < 300 ? 0 : 1)
}

main().catch((error: unknown) => {
  console.error(`carepanel-webhooks: ${(error as Error).message}\n(carepanel-webhooks send --help lists the options)`)
  process.exit(1)
})
