// Interactive mode, measured in a real terminal (tmux) against the fake server:
//   - keystroke-to-screen latency (median and p90 of 20, on an idle prompt, typed 150 ms apart):
//     from `tmux send-keys` of one character until letta's redraw reaches the terminal (pane
//     output piped to a file), and until `capture-pane` shows it (polling; the floor is one
//     capture-pane round trip, included in every sample);
//   - memory: RSS of the letta process after the first turn and after 200 scripted turns in one
//     session (each: reasoning, ~1 KB of Markdown, one auto-allowed Bash call, a closing line).
// Usage: npm run build && node bench/interactive.mjs [turns]
import { execFileSync } from "node:child_process"
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

const TURNS = Number(process.argv[2] ?? 200)
const root = new URL("..", import.meta.url).pathname
const { FakeLettaServer } = await import(join(root, "dist/fake-server-lib.mjs"))

const markdown = (n) =>
  [`## Turn ${n}`, "", "Here is **what I found** in `src/`:", "", ...Array.from({ length: 8 }, (_, i) => `- item ${i}: ${"detail ".repeat(8)}`), "", "```ts", "const answer = 42", "```"].join("\n")

const server = await FakeLettaServer.start({
  defaultTurn: ({ userText }) => {
    const n = /turn (\d+)/.exec(userText)?.[1] ?? "?"
    return [
      { reasoning: `Thinking about turn ${n}.`, text: markdown(n), toolCalls: [{ name: "Bash", arguments: { command: `echo tool-${n}` } }] },
      { text: `Finished turn ${n}.` }
    ]
  }
})

const sandbox = mkdtempSync(join(tmpdir(), "letta-bench-tui-"))
const home = join(sandbox, "home")
const project = join(sandbox, "project")
mkdirSync(home)
mkdirSync(project)
const socket = `letta-bench-${process.pid}`
const tmux = (...args) => execFileSync("tmux", ["-L", socket, ...args], { encoding: "utf8" })
const screen = () => tmux("capture-pane", "-p", "-t", "bench")
const waitFor = async (text, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (screen().includes(text)) return
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  throw new Error(`timed out waiting for ${text}:\n${screen()}`)
}
const rssMiB = () => {
  const shell = tmux("list-panes", "-t", "bench", "-F", "#{pane_pid}").trim()
  const pid = execFileSync("pgrep", ["-P", shell, "node"], { encoding: "utf8" }).trim().split("\n")[0]
  const status = readFileSync(`/proc/${pid}/status`, "utf8")
  const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
  return { rss: kb("VmRSS") / 1024, hwm: kb("VmHWM") / 1024 }
}

const command = `cd ${project} && env -i HOME=${home} LETTA_BASE_URL=${server.url} TERM=xterm-256color PATH=${process.env.PATH} ${process.execPath} ${join(root, "dist/letta.js")} --allowedTools Bash; sleep 600`
try {
  tmux("-f", "/dev/null", "new-session", "-d", "-x", "100", "-y", "30", "-s", "bench", command)
  await waitFor("Type a message")

  // Latency: one character at a time on an idle prompt, at typing speed (150 ms apart). Two
  // clocks: until letta's redraw reaches the terminal (its output is piped to a file, watched
  // with stat, microseconds), and until capture-pane shows the character (polling, ~10 ms steps).
  const output = join(sandbox, "pane-output")
  tmux("pipe-pane", "-o", "-t", "bench", `cat >> ${output}`)
  await new Promise((resolve) => setTimeout(resolve, 300))
  const sizeOf = () => {
    try {
      return statSync(output).size
    } catch {
      return 0
    }
  }
  const samples = []
  const written = []
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 150))
    const char = "abcdefghijklmnopqrst"[i]
    const before = sizeOf()
    const started = performance.now()
    tmux("send-keys", "-t", "bench", "-l", char)
    while (sizeOf() === before) {
      if (performance.now() - started > 5_000) throw new Error("no redraw")
    }
    written.push(performance.now() - started)
    const typed = "abcdefghijklmnopqrst".slice(0, i + 1)
    while (!screen().includes(`> ${typed}`)) {
      if (performance.now() - started > 5_000) throw new Error("keystroke never appeared")
    }
    samples.push(performance.now() - started)
  }
  tmux("pipe-pane", "-t", "bench")
  samples.sort((a, b) => a - b)
  written.sort((a, b) => a - b)
  // The floor: one capture-pane round trip, which every sample includes.
  const floor = []
  for (let i = 0; i < 20; i++) {
    const started = performance.now()
    screen()
    floor.push(performance.now() - started)
  }
  floor.sort((a, b) => a - b)
  tmux("send-keys", "-t", "bench", "C-u")

  const turn = async (n) => {
    tmux("send-keys", "-t", "bench", "-l", `turn ${n}`)
    tmux("send-keys", "-t", "bench", "Enter")
    await waitFor(`Finished turn ${n}.`)
  }
  const started = performance.now()
  await turn(1)
  const first = rssMiB()
  for (let n = 2; n <= TURNS; n++) await turn(n)
  const elapsed = performance.now() - started
  const last = rssMiB()
  const median = (values) => values[Math.floor(values.length / 2)]
  console.log(
    JSON.stringify(
      {
        keystroke_to_redraw_written_ms: { median: +median(written).toFixed(1), p90: +written[Math.floor(written.length * 0.9)].toFixed(1) },
        keystroke_to_capture_pane_ms: { median: +median(samples).toFixed(1), p90: +samples[Math.floor(samples.length * 0.9)].toFixed(1), capture_pane_floor_median: +median(floor).toFixed(1) },
        turns: TURNS,
        seconds_for_turns: +(elapsed / 1000).toFixed(1),
        rss_mib_after_first_turn: +first.rss.toFixed(1),
        rss_mib_after_all_turns: +last.rss.toFixed(1),
        peak_rss_mib: +last.hwm.toFixed(1)
      },
      null,
      2
    )
  )
} finally {
  try {
    tmux("kill-server")
  } catch {}
  await server.close()
  rmSync(sandbox, { recursive: true, force: true })
}
