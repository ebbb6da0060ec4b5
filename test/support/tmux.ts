/**
 * Drives the BUILT binary in a real terminal: a tmux server of its own (private socket, no
 * user config), one session per test, keys in with send-keys, the screen out with
 * capture-pane. Every wait polls with a deadline; `stop` kills the session and the server.
 */
import { execFile, execFileSync } from "node:child_process"
import { randomUUID } from "node:crypto"
import { promisify } from "node:util"
import { LETTA_BIN, type Sandbox } from "./e2e.js"

const run = promisify(execFile)

export const hasTmux = (): boolean => {
  try {
    execFileSync("tmux", ["-V"], { stdio: "ignore" })
    return true
  } catch {
    return false
  }
}

const quote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`

export interface TerminalOptions {
  readonly sandbox: Sandbox
  /** The fake Letta server; none runs `letta` on the local backend. */
  readonly serverUrl?: string
  readonly args?: ReadonlyArray<string>
  readonly width?: number
  readonly height?: number
  /** Added to the clean environment; `undefined` removes a default (e.g. NO_COLOR). */
  readonly env?: Readonly<Record<string, string | undefined>>
}

export class Terminal {
  private constructor(
    private readonly socket: string,
    readonly name: string
  ) {}

  /** Starts `letta` in a fresh terminal; when it exits the pane shows `[exit N]` and stays. */
  static async start(options: TerminalOptions): Promise<Terminal> {
    const socket = `letta-e2e-${process.pid}-${randomUUID().slice(0, 8)}`
    const name = "letta"
    const env: Record<string, string | undefined> = {
      HOME: options.sandbox.home,
      ...(options.serverUrl === undefined ? {} : { LETTA_BASE_URL: options.serverUrl }),
      NO_COLOR: "1",
      TERM: "xterm-256color",
      PATH: process.env["PATH"] ?? "/usr/bin:/bin",
      ...options.env
    }
    const assignments = Object.entries(env).flatMap(([key, value]) => (value === undefined ? [] : [`${key}=${quote(value)}`]))
    const command = [
      "cd",
      quote(options.sandbox.project),
      "&&",
      // A clean environment: no CI, no LETTA_* from the machine running the tests.
      "env -i",
      ...assignments,
      quote(process.execPath),
      quote(LETTA_BIN),
      ...(options.args ?? []).map(quote),
      '; echo "[exit $?]"; sleep 600'
    ].join(" ")
    await run("tmux", ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", String(options.width ?? 100), "-y", String(options.height ?? 30), "-s", name, command])
    return new Terminal(socket, name)
  }

  private tmux(...args: ReadonlyArray<string>) {
    return run("tmux", ["-L", this.socket, ...args])
  }

  /** Named keys (Enter, Escape, Up, C-c, BTab, …). */
  async keys(...keys: ReadonlyArray<string>): Promise<void> {
    for (const key of keys) await this.tmux("send-keys", "-t", this.name, key)
  }

  /** Literal text. */
  async type(text: string): Promise<void> {
    await this.tmux("send-keys", "-t", this.name, "-l", text)
  }

  /** Bracketed paste, as a terminal sends it when text is pasted. */
  async paste(text: string): Promise<void> {
    await this.tmux("set-buffer", "-b", "e2e", text)
    await this.tmux("paste-buffer", "-p", "-d", "-b", "e2e", "-t", this.name)
  }

  /** Resizes the terminal, as dragging its window does (the program gets SIGWINCH). */
  async resize(width: number, height: number): Promise<void> {
    await this.tmux("resize-window", "-t", this.name, "-x", String(width), "-y", String(height))
  }

  /** The visible screen; with `escapes`, colours and attributes as escape sequences. */
  async screen(escapes = false): Promise<string> {
    const { stdout } = await this.tmux("capture-pane", "-p", ...(escapes ? ["-e"] : []), "-t", this.name)
    return stdout
  }

  /** The screen and the scrollback. */
  async history(): Promise<string> {
    const { stdout } = await this.tmux("capture-pane", "-p", "-S", "-", "-t", this.name)
    return stdout
  }

  /** Polls the screen until `check` holds; fails with the last screen after `timeoutMs`. */
  async waitFor(check: string | RegExp | ((screen: string) => boolean), timeoutMs = 20_000, scrollback = false): Promise<string> {
    const test = typeof check === "function" ? check : (screen: string) => (typeof check === "string" ? screen.includes(check) : check.test(screen))
    const deadline = Date.now() + timeoutMs
    let last = ""
    while (Date.now() < deadline) {
      last = scrollback ? await this.history() : await this.screen()
      if (test(last)) return last
      await new Promise((resolve) => setTimeout(resolve, 40))
    }
    throw new Error(`Timed out after ${timeoutMs} ms waiting for ${String(check)}. Screen:\n${last}`)
  }

  /** From now on, everything the program writes (escape sequences included) is appended to `file`. */
  async recordOutput(file: string): Promise<void> {
    await this.tmux("pipe-pane", "-o", "-t", this.name, `cat >> ${quote(file)}`)
  }

  /** The pid of the process in the pane (the shell that runs letta). */
  async panePid(): Promise<number> {
    const { stdout } = await this.tmux("list-panes", "-t", this.name, "-F", "#{pane_pid}")
    return Number(stdout.trim())
  }

  async stop(): Promise<void> {
    await this.tmux("kill-server").catch(() => undefined)
  }
}
