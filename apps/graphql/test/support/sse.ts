import { expect } from "vitest"

/** Opens an SSE subscription at `url` and resolves with the first `next` event's data that `wanted` accepts. */
export const firstEvent = async (url: string, token: string, query: string, wanted: (event: any) => boolean = () => true) => {
  const controller = new AbortController()
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, accept: "text/event-stream", "content-type": "application/json" },
    body: JSON.stringify({ query }),
    signal: controller.signal
  })
  expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/)
  const reader = response.body!.getReader()
  const next = (async () => {
    let text = ""
    for (;;) {
      const { value, done } = await reader.read()
      if (done) throw new Error(`stream ended: ${text}`)
      text += new TextDecoder().decode(value)
      const events = [...text.matchAll(/event: next\ndata: (.*)\n/g)].map((match) => JSON.parse(match[1]!))
      const found = events.find(wanted)
      if (found) return found
    }
  })()
  return { next, close: () => controller.abort() }
}
