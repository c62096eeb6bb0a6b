import type { ServerResponse } from "node:http"
import { sendText } from "./respond.js"

/**
 * GraphiQL (development only) with every script and style served by this server, never a CDN: council networks and
 * content security policies block them. The files come from @graphql-yoga/render-graphiql (the same GraphiQL yoga
 * shows), loaded on first use; the page runs no inline script. A banner says how to get and send a bearer token.
 */
const title = "Carepanel API (development)"
const tokenCommand = "npm run -w @carepanel/graphql dev-token -- --role panel_administrator"

const options = {
  title,
  endpoint: "/graphql",
  headers: JSON.stringify({ Authorization: "Bearer <paste the token from dev-token here>" }, null, 2),
  defaultEditorToolsVisibility: "headers",
  defaultQuery: `# Every request needs a bearer token. In a terminal:\n#   ${tokenCommand}\n# (or --role social_worker, team_manager, panel_chair, ...), then paste it in the Headers tab below.\n{\n  viewer { name roles authority { name } }\n}\n`
}

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="icon" href="/graphiql/favicon.ico">
<link rel="stylesheet" href="/graphiql/graphiql.css">
<link rel="stylesheet" href="/graphiql/carepanel.css">
</head>
<body id="body" class="no-focus-outline">
<p id="carepanel-token">Every request needs a bearer token: run <code>${tokenCommand}</code> (or another role) and paste it in the
<b>Headers</b> tab as <code>{"Authorization": "Bearer &lt;token&gt;"}</code>.</p>
<div id="root">Loading GraphiQL...</div>
<script type="application/json" id="graphiql-options">${JSON.stringify(options).replaceAll("<", "\\u003c")}</script>
<script src="/graphiql/start.js"></script>
<script src="/graphiql/yoga-graphiql.js"></script>
</body>
</html>
`

const start = `self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: (_moduleId, label) => "/graphiql/" + ({ json: "json", graphql: "graphql" }[label] || "editor") + ".worker.js"
}
window.addEventListener("DOMContentLoaded", () => {
  const options = JSON.parse(document.getElementById("graphiql-options").textContent)
  YogaGraphiQL.renderYogaGraphiQL(document.getElementById("root"), options)
})
`

const banner = `#carepanel-token { margin: 0; padding: 6px 12px; font: 14px/1.4 sans-serif; background: #fff4cc; border-bottom: 1px solid #e0c96b; }
#root { height: calc(100vh - 34px); }
`

const javascript = "text/javascript; charset=utf-8"
const stylesheet = "text/css; charset=utf-8"

let assets: Promise<ReadonlyMap<string, readonly [string, string | Buffer]>> | undefined

const loadAssets = async () => {
  const graphiql = await import("@graphql-yoga/render-graphiql/graphiql")
  return new Map<string, readonly [string, string | Buffer]>([
    ["/graphiql/start.js", [javascript, start]],
    ["/graphiql/yoga-graphiql.js", [javascript, graphiql.js]],
    ["/graphiql/editor.worker.js", [javascript, graphiql.editorWorkerService]],
    ["/graphiql/json.worker.js", [javascript, graphiql.jsonWorker]],
    ["/graphiql/graphql.worker.js", [javascript, graphiql.graphqlWorker]],
    ["/graphiql/graphiql.css", [stylesheet, graphiql.css]],
    ["/graphiql/carepanel.css", [stylesheet, banner]],
    ["/graphiql/favicon.ico", ["image/x-icon", Buffer.from(graphiql.favicon.replace(/^data:[^,]*,/, ""), "base64")]]
  ])
}

export const sendGraphiQLPage = (res: ServerResponse): void => sendText(res, 200, "text/html; charset=utf-8", page)

/** One of the page's files, or false when the path is not one. */
export const sendGraphiQLAsset = async (res: ServerResponse, pathname: string): Promise<boolean> => {
  assets ??= loadAssets()
  const asset = (await assets).get(pathname)
  if (asset === undefined) return false
  sendText(res, 200, asset[0], asset[1])
  return true
}
