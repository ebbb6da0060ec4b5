/** What each slash command does (`/exit` never gets here: the screen exits at once). */
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { RunConfig } from "../../domain/config.js"
import type { ApiError, SettingsError } from "../../domain/errors.js"
import type { ExtraSettings } from "../../domain/settings.js"
import { agentModel, modelHandle, type ModelInfo } from "../../domain/letta.js"
import { LettaApi } from "../../services/LettaApi.js"
import { PermissionPolicy } from "../../services/PermissionPolicy.js"
import { Settings } from "../../services/Settings.js"
import { forgetSkillsSent } from "../turn/skillsReminder.js"
import { skillsCommand } from "./skillsPanel.js"
import { mcpPanel } from "../../mcp/mcpPanel.js"
import type { RunStats } from "../render/runStats.js"
import { agentLines, helpLines, memoryLines, permissionLines, statusLines } from "./panels.js"
import { sessionStatus } from "./sessionStatus.js"
import type { SelectOption, UiStore } from "./store.js"
import { beforeCompact } from "../turn/hooks.js"

export interface SessionState {
  /** Changes with /resume. */
  agentId: string
  model: string | undefined
  streamTokens: boolean
  readonly stats: RunStats
  readonly startedAt: number
}

export interface CommandContext {
  readonly ui: UiStore
  readonly state: SessionState
  readonly config: RunConfig
  /** `--settings <file>`, when given. */
  readonly extraSettings?: ExtraSettings | undefined
  /** What follows the command's name (`/skills accept run-tests`: "accept run-tests"). */
  readonly args?: string | undefined
}

type CommandServices = LettaApi | PermissionPolicy | Settings

const contextSize = (tokens: number): string =>
  tokens >= 1_000_000 ? `${Number((tokens / 1_000_000).toFixed(1))}M` : `${Math.round(tokens / 1000)}k`

/**
 * The /model picker's rows: the handle, then (as a hint) a display name that says more than the
 * handle already does, and the context window. Models that cannot be used yet (the local
 * backend's catalogue without a key) are not offered.
 */
export const modelOptions = (models: ReadonlyArray<ModelInfo>): ReadonlyArray<SelectOption> =>
  models.flatMap((m) => {
    const handle = modelHandle(m)
    if (handle === undefined || m.available === false) return []
    const bare = handle.slice(handle.indexOf("/") + 1).toLowerCase()
    const name = m.display_name ?? m.name ?? undefined
    const repeats = name === undefined || [handle.toLowerCase(), bare, (m.model ?? "").toLowerCase()].includes(name.toLowerCase())
    const context = typeof m.context_window === "number" && m.context_window > 0 ? `${contextSize(m.context_window)} context` : undefined
    const hint = [repeats ? undefined : name, context].filter((part) => part !== undefined).join(" · ")
    return [{ value: handle, label: handle, ...(hint.length > 0 ? { hint } : {}) }]
  })

/** The context window the model list gives for a handle, where it says. */
export const contextWindowOf = (models: ReadonlyArray<ModelInfo>, handle: string | undefined): number | undefined => {
  if (handle === undefined) return undefined
  const found = models.find((m) => modelHandle(m) === handle || m.model === handle)
  return typeof found?.context_window === "number" && found.context_window > 0 ? found.context_window : undefined
}

/** `/compact`: the backend summarises the older history now; the agent is busy meanwhile. */
const compact = (ctx: CommandContext) =>
  Effect.gen(function* () {
    const api = yield* LettaApi
    ctx.ui.setBusy(true)
    yield* beforeCompact("manual")
    const result = yield* api.compact(ctx.state.agentId).pipe(Effect.ensuring(Effect.sync(() => ctx.ui.setBusy(false))))
    // The summary may have dropped the skills list: the next message carries it again.
    forgetSkillsSent(ctx.state.agentId)
    const { messagesBefore: before, messagesAfter: after } = result
    if (before === 0 && after === 0) {
      ctx.ui.addNotice("Nothing to compact yet: there is no history since the last summary.", "dim")
      return
    }
    // The size is known again after the next reply.
    sessionStatus(ctx.ui).update({ contextTokens: undefined })
    ctx.ui.addNotice(
      before === undefined || after === undefined
        ? "Conversation compacted: the older history is summarised (the messages are kept, and searchable)."
        : `Conversation compacted: ${before} messages in the context → ${after} (the older ones summarised; all are kept, and searchable).`,
      "success"
    )
  })

const model = (ctx: CommandContext) =>
  Effect.gen(function* () {
    const api = yield* LettaApi
    const options = modelOptions(yield* api.listModels)
    if (options.length === 0) {
      ctx.ui.addNotice("The server lists no models.", "warning")
      return
    }
    const chosen = yield* ctx.ui.choose("Switch the agent's model", options, ctx.state.model)
    if (Option.isNone(chosen)) {
      ctx.ui.addNotice("Model unchanged.", "dim")
      return
    }
    if (chosen.value === ctx.state.model) {
      ctx.ui.addNotice(`Already using ${chosen.value}.`, "dim")
      return
    }
    const agent = yield* api.updateAgentModel(ctx.state.agentId, chosen.value)
    ctx.state.model = agentModel(agent) ?? chosen.value
    const window = contextWindowOf(yield* api.listModels.pipe(Effect.orElseSucceed(() => [])), ctx.state.model)
    sessionStatus(ctx.ui).update({ model: ctx.state.model, contextWindow: window })
    ctx.ui.addNotice(`Model set to ${ctx.state.model}`, "success")
  })

export const runCommand = (name: string, ctx: CommandContext): Effect.Effect<void, ApiError | SettingsError, CommandServices> =>
  Effect.gen(function* () {
    const api = yield* LettaApi
    switch (name) {
      case "help":
        ctx.ui.addPanel(helpLines())
        return
      case "agent": {
        const agent = yield* api.retrieveAgent(ctx.state.agentId).pipe(Effect.option)
        ctx.ui.addPanel(agentLines(ctx.state.agentId, Option.getOrUndefined(agent)?.name ?? undefined, ctx.state.model, api.isCloud, api.displayName))
        return
      }
      case "model":
        return yield* model(ctx)
      case "memory": {
        const agent = yield* api.retrieveAgent(ctx.state.agentId, { includeBlocks: true })
        ctx.ui.addPanel(memoryLines(agent.blocks ?? []))
        return
      }
      case "compact":
        return yield* compact(ctx)
      case "skills": {
        const reply = yield* skillsCommand(ctx.args ?? "")
        if (reply._tag === "Panel") ctx.ui.addPanel(reply.lines)
        else ctx.ui.addNotice(reply.text, reply.tone)
        return
      }
      case "mcp":
        ctx.ui.addPanel(yield* mcpPanel)
        return
      case "status":
      case "cost": {
        const policy = yield* PermissionPolicy
        const agent = yield* api.retrieveAgent(ctx.state.agentId).pipe(Effect.option)
        ctx.ui.addPanel(
          statusLines({
            agentId: ctx.state.agentId,
            agentName: Option.getOrUndefined(agent)?.name ?? undefined,
            backend: api.backend,
            serverUrl: api.displayName,
            mode: yield* policy.mode,
            status: sessionStatus(ctx.ui).getSnapshot(),
            stats: ctx.state.stats,
            wallMs: Date.now() - ctx.state.startedAt
          })
        )
        return
      }
      case "clear":
        yield* api.resetMessages(ctx.state.agentId)
        forgetSkillsSent(ctx.state.agentId)
        sessionStatus(ctx.ui).update({ contextTokens: undefined })
        // As in Claude Code, the screen starts afresh too.
        ctx.ui.clearScreen()
        ctx.ui.addNotice("Conversation cleared. The agent's memory blocks are kept.", "success")
        return
      case "permissions": {
        const policy = yield* PermissionPolicy
        const settings = yield* Settings
        // Read the files again: rules saved during this session are in them now.
        const current = yield* settings.load
        ctx.ui.addPanel(
          permissionLines({
            mode: yield* policy.mode,
            settings: current,
            paths: settings.paths,
            allowedTools: ctx.config.allowedTools,
            disallowedTools: ctx.config.disallowedTools,
            extra: ctx.extraSettings === undefined ? undefined : { path: ctx.extraSettings.path, permissions: ctx.extraSettings.settings.permissions },
            added: ctx.ui.addedRules
          })
        )
        return
      }
      case "stream": {
        const settings = yield* Settings
        const next = !ctx.state.streamTokens
        yield* settings.updateUser((user) => ({ ...user, tokenStreaming: next }))
        ctx.state.streamTokens = next
        ctx.ui.addNotice(
          next ? "Token streaming on: text appears as the model writes it (saved)." : "Token streaming off: each message appears when it is complete (saved).",
          "success"
        )
        return
      }
      default:
        ctx.ui.addNotice(`Unknown command: /${name} · /help lists the commands`, "error")
    }
  })
