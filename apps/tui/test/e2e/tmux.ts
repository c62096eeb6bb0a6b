import { execFileSync, spawnSync } from "node:child_process"

const fail = (why: string): never => {
  throw new Error(`The end-to-end test needs tmux: ${why}`)
}

/** tmux from Debian's packages, installed with apt-get when missing (as the PostgreSQL tests install PostgreSQL). */
export const ensureTmux = (): void => {
  if (spawnSync("tmux", ["-V"]).status === 0) return
  if (process.getuid?.() !== 0) fail("it is missing and only root can apt-get install tmux")
  for (const args of [["update"], ["install", "-y", "--no-install-recommends", "tmux"]]) {
    const result = spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } })
    if (result.status !== 0) fail(`apt-get ${args.join(" ")} exited with ${result.status ?? result.signal}`)
  }
}

/**
 * The environment of a person's terminal, not of the CI job running this test: Ink (through is-in-ci) writes only
 * the last frame, at exit, when it sees CI, CONTINUOUS_INTEGRATION or any CI_* variable, so the TUI would look blank.
 */
const terminalEnv = (): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== "CI" && key !== "CONTINUOUS_INTEGRATION" && !key.startsWith("CI_")))

/** One tmux server of the test's own (its own socket), one window of a fixed size, a real pseudo-terminal. */
export const tmuxSession = (name: string, columns: number, rows: number) => {
  const tmux = (...args: ReadonlyArray<string>) => execFileSync("tmux", ["-L", name, ...args], { encoding: "utf8", env: terminalEnv() })
  return {
    /** The pane stays when the command exits, so a program that fails to start leaves its error on the screen. */
    start: (command: string, cwd: string, env: Readonly<Record<string, string>>) =>
      tmux(
        ...["start-server", ";", "set-option", "-g", "remain-on-exit", "on", ";"],
        ...["new-session", "-d", "-s", name, "-c", cwd, "-x", String(columns), "-y", String(rows)],
        ...Object.entries(env).flatMap(([key, value]) => ["-e", `${key}=${value}`]),
        command
      ),
    /** What the terminal shows; throws with it once the program has exited, so a test does not wait for a dead one. */
    screen: () => {
      const shown = tmux("capture-pane", "-p", "-t", name)
      if (tmux("display-message", "-p", "-t", name, "#{pane_dead}").trim() === "1") throw new Error(`The program has exited; the terminal shows:\n${shown}`)
      return shown
    },
    /** The pane's title, as an OSC 0/2 sequence written to the terminal would set it. */
    title: () => tmux("display-message", "-p", "-t", name, "#{pane_title}").trim(),
    /** Named keys (Enter, Escape, Up, Down, Right) or literal text with `{ text }`, each read on its own as a person types. */
    keys: async (...keys: ReadonlyArray<string | { readonly text: string }>) => {
      for (const key of keys) {
        typeof key === "string" ? tmux("send-keys", "-t", name, key) : tmux("send-keys", "-t", name, "-l", key.text)
        await new Promise((resolve) => setTimeout(resolve, 80))
      }
    },
    stop: () => {
      spawnSync("tmux", ["-L", name, "kill-server"])
    }
  }
}

/** Polls the screen until it shows what is expected; returns it and how long it took. */
export const screenShows = async (screen: () => string, expected: string | RegExp, timeoutMs: number): Promise<{ readonly text: string; readonly ms: number }> => {
  const started = Date.now()
  for (;;) {
    const text = screen()
    if (typeof expected === "string" ? text.includes(expected) : expected.test(text)) return { text, ms: Date.now() - started }
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${String(expected)}; the terminal shows:\n${text}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
