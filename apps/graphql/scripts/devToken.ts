import { parseArgs } from "node:util"
import { Role } from "@carepanel/core"
import { dataDirOf, isProduction, policiesFromEnv } from "@carepanel/app-kit"
import { loadDevKeys, signDevToken } from "../src/auth/devKeys.js"

const usage = `npm run -w @carepanel/graphql dev-token -- [--role <role>]... [--authority <id>] [--name <name>] [--person <id>] [--scope <scope>]... [--expires 12h]

Prints a development token (refused when NODE_ENV=production), signed with the development key in the data directory
(CAREPANEL_DATA_DIR, default ./data), which the API on the same directory accepts.
  --role       one of ${Role.literals.join(", ")}; repeat for several (default panel_administrator)
  --authority  the authority's id (default the first policy's: CAREPANEL_POLICIES, else the fictional Wexcombe)
  --name, --person  the person's name and id (default Dana Whitlock (development), dev-dana-whitlock)
  --scope      an extra scope; repeat for several
  --expires    how long it lasts, e.g. 30m, 12h, 7d (default 12h)`

const refuse = (message: string): never => {
  console.error(`${message}\n(npm run -w @carepanel/graphql dev-token -- --help lists the options)`)
  process.exit(1)
}

/** Prints a development token: `npm run -w @carepanel/graphql dev-token -- --role panel_administrator [--role ...]`. */
const parsed = (() => {
  try {
    return parseArgs({
      options: {
        role: { type: "string", multiple: true, default: ["panel_administrator"] },
        authority: { type: "string" },
        name: { type: "string" },
        person: { type: "string" },
        scope: { type: "string", multiple: true, default: [] },
        expires: { type: "string", default: "12h" },
        help: { type: "boolean", short: "h" }
      }
    })
  } catch (error) {
    return refuse((error as Error).message)
  }
})()
const { values } = parsed
if (values.help === true) {
  console.log(usage)
  process.exit(0)
}

if (isProduction()) {
  console.error("Development tokens are refused when NODE_ENV=production.")
  process.exit(1)
}
const unknown = (values.role ?? []).filter((role) => !(Role.literals as ReadonlyArray<string>).includes(role))
if (unknown.length > 0) {
  refuse(`Unknown role ${unknown.join(", ")}: use one of ${Role.literals.join(", ")}.`)
}
const authorities = policiesFromEnv().map((policy) => policy.authority.id as string)
const authorityId = values.authority ?? authorities[0]!
if (!authorities.includes(authorityId)) refuse(`Unknown authority ${authorityId}: the API's policies are for ${authorities.join(", ")}.`)
if (!/^\d+[smhd]$/.test(values.expires ?? "")) refuse(`--expires ${values.expires}: give a number and a unit, e.g. 30m, 12h or 7d.`)
const keys = await loadDevKeys(dataDirOf())
console.log(
  await signDevToken(keys, {
    authorityId,
    roles: values.role ?? [],
    scopes: values.scope ?? [],
    expiresIn: values.expires ?? "12h",
    ...(values.name === undefined ? {} : { name: values.name }),
    ...(values.person === undefined ? {} : { personId: values.person })
  })
)
