import { parseArgs } from "node:util"
import { Role } from "@carepanel/core"
import { dataDirOf, isProduction, policiesFromEnv } from "@carepanel/app-kit"
import { loadDevKeys, signDevToken } from "../src/auth/devKeys.js"

/** Prints a development token: `npm run -w @carepanel/graphql dev-token -- --role panel_administrator [--role ...]`. */
const { values } = parseArgs({
  options: {
    role: { type: "string", multiple: true, default: ["panel_administrator"] },
    authority: { type: "string" },
    name: { type: "string" },
    person: { type: "string" },
    scope: { type: "string", multiple: true, default: [] },
    expires: { type: "string", default: "12h" }
  }
})

if (isProduction()) {
  console.error("Development tokens are refused when NODE_ENV=production.")
  process.exit(1)
}
const unknown = (values.role ?? []).filter((role) => !(Role.literals as ReadonlyArray<string>).includes(role))
if (unknown.length > 0) {
  console.error(`Unknown role ${unknown.join(", ")}: use one of ${Role.literals.join(", ")}.`)
  process.exit(1)
}
const authorityId = values.authority ?? policiesFromEnv()[0]!.authority.id
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
