/**
 * The hooks engine: finds the commands of an event, runs them all at once, reads what each
 * said (exit code, stderr, JSON on stdout) and folds it into one verdict. SessionEnd hooks run
 * when the layer's scope closes, if the session started.
 */
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import { DEFAULT_HOOK_TIMEOUT_S, type HookCommand, type HookEvent, HookOutput, type HooksSettings, matchingHooks } from "../domain/hooks.js"
import { type HookRun, type HookVerdict, Hooks, NO_VERDICT } from "../services/Hooks.js"
import { runHookCommand, type CommandResult } from "./hooks/runCommand.js"
import { toolEnvironment } from "./shellNode/toolEnvironment.js"

export interface HooksConfig {
  /** Hooks in precedence order (user, project, local), already filtered by the project's trust. */
  readonly sources: ReadonlyArray<HooksSettings>
  readonly projectDir: string
  /** `startup` or `resume`: SessionStart's `source` and matcher target. */
  readonly sessionSource: string
  /** Where each run is reported (stream-json line, stderr note, TUI notice). */
  readonly report: (run: HookRun) => Effect.Effect<void>
  /** Interactive mode (Notification hooks run when the user is asked). */
  readonly interactive: boolean
}

/** SessionEnd hooks at exit get at most this long: leaving must not hang on them. */
const SESSION_END_LIMIT_MS = 10_000

/** What one command said. */
interface Said {
  readonly run: HookRun
  readonly verdict: HookVerdict
}

const decodeOutput = Schema.decodeUnknownEither(Schema.parseJson(HookOutput))

const interpret = (event: HookEvent, hook: HookCommand, result: CommandResult, durationMs: number): Said => {
  const base = { event, command: hook.command, exitCode: result.exitCode, durationMs }
  const stderr = result.stderr.trim()
  if (result.spawnError !== undefined) {
    return { run: { ...base, outcome: "error", message: `could not start: ${result.spawnError}` }, verdict: NO_VERDICT }
  }
  if (result.timedOut) {
    const seconds = hook.timeout ?? DEFAULT_HOOK_TIMEOUT_S
    return { run: { ...base, outcome: "timeout", message: `timed out after ${seconds} s and was killed` }, verdict: NO_VERDICT }
  }
  if (result.exitCode === 2) {
    const reason = stderr.length > 0 ? stderr : `blocked by hook: ${hook.command}`
    return { run: { ...base, outcome: "blocked", message: reason }, verdict: { ...NO_VERDICT, block: true, reason } }
  }
  if (result.exitCode !== 0) {
    const why = result.exitCode === null ? "was killed" : `exited with ${result.exitCode}`
    return { run: { ...base, outcome: "error", message: `${why}${stderr.length > 0 ? `: ${stderr}` : ""}` }, verdict: NO_VERDICT }
  }
  const stdout = result.stdout.trim()
  // Plain stdout is context only where Claude Code adds it (a prompt's, a session's start).
  const plain: HookVerdict = { ...NO_VERDICT, context: event === "UserPromptSubmit" || event === "SessionStart" ? stdout : "" }
  if (!stdout.startsWith("{")) return { run: { ...base, outcome: "success", message: undefined }, verdict: plain }
  const decoded = decodeOutput(stdout)
  if (decoded._tag === "Left") {
    // JSON that does not parse is plain text; JSON of the wrong shape is the hook's mistake.
    try {
      JSON.parse(stdout)
    } catch {
      return { run: { ...base, outcome: "success", message: undefined }, verdict: plain }
    }
    return { run: { ...base, outcome: "error", message: `printed JSON letta does not understand: ${decoded.left.message}` }, verdict: NO_VERDICT }
  }
  const out = decoded.right
  const specific = out.hookSpecificOutput
  const permission =
    specific?.permissionDecision ??
    (out.decision === "approve" || out.decision === "allow" ? "allow" : out.decision === "deny" ? "deny" : out.decision === "ask" ? "ask" : undefined)
  const block = out.continue === false || out.decision === "block" || out.decision === "deny" || permission === "deny"
  const reason = (out.continue === false ? out.stopReason : undefined) ?? specific?.permissionDecisionReason ?? out.reason ?? ""
  const verdict: HookVerdict = { block, permission, reason, context: specific?.additionalContext ?? "" }
  const message = out.systemMessage ?? (block ? reason : undefined)
  return { run: { ...base, outcome: block ? "blocked" : "success", message }, verdict }
}

/** All hooks of an event together: any block blocks; deny beats ask beats allow. */
const fold = (verdicts: ReadonlyArray<HookVerdict>): HookVerdict => {
  const permissions = verdicts.map((v) => v.permission)
  const permission = permissions.includes("deny") ? "deny" : permissions.includes("ask") ? "ask" : permissions.includes("allow") ? "allow" : undefined
  const join = (texts: ReadonlyArray<string>) => texts.filter((text) => text.length > 0).join("\n")
  const block = verdicts.some((v) => v.block)
  return {
    block,
    permission,
    reason: join(verdicts.filter((v) => v.block || v.permission === permission).map((v) => v.reason)),
    context: join(verdicts.map((v) => v.context))
  }
}

export const HooksCommands = (config: HooksConfig): Layer.Layer<Hooks> =>
  Layer.scoped(
    Hooks,
    Effect.gen(function* () {
      let sessionId: string | undefined
      let started = false
      // Hooks get what the Bash tool gets (no letta secrets), and where the project is.
      const env: NodeJS.ProcessEnv = { ...toolEnvironment(), CLAUDE_PROJECT_DIR: config.projectDir, LETTA_PROJECT_DIR: config.projectDir }

      const runOne = (event: HookEvent, hook: HookCommand, stdin: string) =>
        Effect.gen(function* () {
          const began = Date.now()
          const timeoutMs = (hook.timeout ?? DEFAULT_HOOK_TIMEOUT_S) * 1000
          const result = yield* runHookCommand(hook.command, stdin, { cwd: config.projectDir, env, timeoutMs })
          const said = interpret(event, hook, result, Date.now() - began)
          yield* config.report(said.run)
          return said.verdict
        })

      const run = (event: HookEvent, target: string | undefined, input: Readonly<Record<string, unknown>>) =>
        Effect.suspend(() => {
          const commands = config.sources.flatMap((hooks) => matchingHooks(hooks, event, target))
          if (commands.length === 0) return Effect.succeed(NO_VERDICT)
          const stdin = JSON.stringify({
            session_id: sessionId ?? null,
            agent_id: sessionId ?? null,
            transcript_path: null,
            cwd: config.projectDir,
            hook_event_name: event,
            ...input
          })
          // The same command listed twice (user and project files) runs once, as in Claude Code.
          const unique = [...new Map(commands.map((hook) => [hook.command, hook])).values()]
          return Effect.map(Effect.forEach(unique, (hook) => runOne(event, hook, stdin), { concurrency: "unbounded" }), fold)
        })

      const has = (event: HookEvent) => config.sources.some((hooks) => (hooks[event] ?? []).length > 0)

      yield* Effect.addFinalizer(() =>
        started && has("SessionEnd")
          ? run("SessionEnd", "other", { reason: "other" }).pipe(Effect.timeout(SESSION_END_LIMIT_MS), Effect.ignore)
          : Effect.void
      )

      return {
        run,
        has,
        interactive: config.interactive,
        setSession: (agentId: string) => Effect.sync(() => void (sessionId = agentId)),
        startSession: Effect.suspend(() => {
          if (started) return Effect.succeed(NO_VERDICT)
          started = true
          return run("SessionStart", config.sessionSource, { source: config.sessionSource })
        })
      }
    })
  )
