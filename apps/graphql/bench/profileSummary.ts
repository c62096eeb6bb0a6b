import { readFileSync } from "node:fs"

/**
 * Reads a V8 `.cpuprofile` (node --cpu-prof) and says where the CPU time went, by part of the stack: each sample is
 * charged to the frame it stopped in, and a frame of node's own internals or of a native function (a SQLite
 * statement, a signature) to the nearest caller that is ours or a package's.
 */
interface CallFrame {
  readonly functionName: string
  readonly url: string
  readonly lineNumber: number
}
interface ProfileNode {
  readonly id: number
  readonly callFrame: CallFrame
  readonly children?: ReadonlyArray<number>
}
interface CpuProfile {
  readonly nodes: ReadonlyArray<ProfileNode>
  readonly samples: ReadonlyArray<number>
  readonly timeDeltas: ReadonlyArray<number>
}

const parts: ReadonlyArray<readonly [RegExp, string]> = [
  [/node_modules\/(@effect\/sql-sqlite-node|better-sqlite3)\//, "SQLite (driver, statements, fsync)"],
  [/node_modules\/@effect\/sql\//, "@effect/sql (queries, transactions)"],
  [/node_modules\/effect\//, "Effect runtime and Schema"],
  [/node_modules\/(graphql-yoga|@graphql-yoga|@whatwg-node|@envelop|@escape\.tech|@graphql-tools)\//, "yoga, envelop, armor, fetch API"],
  [/node_modules\/graphql\//, "graphql-js (parse, validate, execute)"],
  [/node_modules\/@pothos\//, "Pothos plugins"],
  [/node_modules\/jose\//, "token verification (jose)"],
  [/packages\/store-sql\/src\/chain\//, "store integrity chain (hash, sign)"],
  [/packages\/store-sql\//, "store-sql adapter"],
  [/packages\/core\//, "core domain"],
  [/apps\/graphql\/src\/graphql\/accessLogPlugin|apps\/graphql\/src\/graphql\/accessTracker/, "access log (API side)"],
  [/apps\/graphql\/src\/auth\//, "token verification (jose)"],
  [/apps\/graphql\//, "API code (server, schema, runner)"],
  [/node:(_http|net|internal\/(http|streams|stream_base|child_process))/, "node http, net, streams"],
  [/node_modules\/tsx\//, "tsx loader"],
  [/node_modules\//, "other packages"]
]

const nativeParts: Readonly<Record<string, string>> = {
  "(garbage collector)": "garbage collection",
  "(program)": "V8 and native, unattributed",
  "(idle)": "idle (waiting: the event loop had nothing to do)",
  parse: "JSON",
  stringify: "JSON"
}

const partOfFrame = (frame: CallFrame): string | undefined => {
  if (frame.url === "" || (frame.url.startsWith("node:") && !/node:(_http|net|internal\/(http|streams|stream_base))/.test(frame.url))) {
    return frame.url === "" ? nativeParts[frame.functionName] : undefined
  }
  return parts.find(([pattern]) => pattern.test(frame.url))?.[1] ?? "other"
}

export interface ProfileSummary {
  /** Milliseconds of CPU by part, from the first request handled to the end of the profile. */
  readonly byPart: ReadonlyMap<string, number>
  readonly topFunctions: ReadonlyArray<readonly [string, number]>
  readonly busyMs: number
  readonly idleMs: number
}

/** Where the time went after `startMarker` first appears on a stack (start-up and module loading left out). */
export const summariseProfile = (file: string, startMarker = "src/http/server.ts"): ProfileSummary => {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const partCache = new Map<number, string>()
  const partOf = (id: number): string => {
    const cached = partCache.get(id)
    if (cached !== undefined) return cached
    const own = partOfFrame(byId.get(id)!.callFrame)
    const up = parent.get(id)
    const part = own ?? (up === undefined ? "node internals" : partOf(up))
    partCache.set(id, part)
    return part
  }
  const onStack = (id: number, marker: string): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) if (byId.get(at)!.callFrame.url.includes(marker)) return true
    return false
  }
  const byPart = new Map<string, number>()
  const byFunction = new Map<string, number>()
  let started = false
  let busyMs = 0
  let idleMs = 0
  profile.samples.forEach((id, i) => {
    started ||= onStack(id, startMarker)
    if (!started) return
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000
    const part = partOf(id)
    if (part.startsWith("idle")) {
      idleMs += ms
      return
    }
    busyMs += ms
    byPart.set(part, (byPart.get(part) ?? 0) + ms)
    const frame = byId.get(id)!.callFrame
    const name = `${frame.functionName || "(anonymous)"} ${frame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/(apps|packages)\//, "$1/")}:${frame.lineNumber + 1}`
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms)
  })
  const topFunctions = [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 12)
  return { byPart: new Map([...byPart].sort((a, b) => b[1] - a[1])), topFunctions, busyMs, idleMs }
}
