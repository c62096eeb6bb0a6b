// After `npm install`: says plainly what to do when better-sqlite3 (the embedded store) was not built, instead of
// leaving the first `npm start` to fail with a stack trace. It never fails the install: PostgreSQL needs no SQLite.
import { createRequire } from "node:module"

const require = createRequire(new URL("../packages/store-sql/package.json", import.meta.url))
try {
  const Database = require("better-sqlite3")
  new Database(":memory:").close()
} catch (error) {
  console.warn(`
better-sqlite3, the embedded SQLite store, is not usable: ${String(error?.message ?? error).split("\n")[0]}
It compiles from source when no prebuilt binary can be downloaded, which needs python3, make, g++ and Node's
headers. Where node-gyp cannot download the headers (no access to nodejs.org), point it at the ones installed with
Node (the directory holding include/node/node.h, often /usr or /usr/local) and rebuild:

  npm_config_nodedir=/usr npm rebuild better-sqlite3

Or set DATABASE_URL to use PostgreSQL instead (see packages/store-sql/README.md).
`)
}
