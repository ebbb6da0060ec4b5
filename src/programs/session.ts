/**
 * Which agent this run talks to: an explicit `--agent`, `--continue`, or by
 * default (and with `--new`) a new agent attaching the shared memory blocks. An agent we already
 * know costs one request (its lookup, which also reveals a pending approval) — none in headless
 * text/json mode, which trusts `--continue`'s stored id (`trustedAgent`); a new one costs the
 * block checks (concurrent) and its creation.
 */
import { basename } from "node:path"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { AgentChoice } from "../domain/config.js"
import { AgentNotFound, type ApiError, ConfigError, isUnknownId, NoAgentToContinue, type NoModelAvailable, type SettingsError, type UnknownModel } from "../domain/errors.js"
import { type AgentInfo, agentModel, type PendingToolCall } from "../domain/letta.js"
import { AGENT_TAG, SERVER_TOOLS, SYSTEM_PROMPT } from "../domain/memory.js"
import { type AllSettings, lastAgentFor, serverKey, withLastAgent } from "../domain/settings.js"
import { LettaApi } from "../services/LettaApi.js"
import { Output } from "../services/Output.js"
import { Settings } from "../services/Settings.js"
import { Workspace } from "../services/Workspace.js"
import { awaitOtherSessions } from "./agentLease.js"
import { ensureSharedBlocks } from "./memoryBlocks.js"
import { withAnnouncedRetries } from "./turn/retry.js"
import { pendingCallsOf } from "./turn/turn.js"

export interface Session {
  readonly agentId: string
  readonly model: string | undefined
  readonly created: boolean
  /** Calls the agent was left waiting on by an earlier session. */
  readonly pendingCalls: ReadonlyArray<PendingToolCall>
}

export type SessionError = ApiError | ConfigError | SettingsError | AgentNotFound | NoAgentToContinue | UnknownModel | NoModelAvailable
type SessionServices = LettaApi | Settings | Output | Workspace

/** Checks a model handle against the server's list. */
/** Checks a model handle with the backend; the handle as it spells it (an Ollama `x` is `x:latest`). */
const validateModel = (model: string) => Effect.flatMap(LettaApi, (api) => api.checkModel(model))

/** Creating the agent is retried like a message send, each retry announced on stderr. */
const retried = <A, R>(request: Effect.Effect<A, ApiError, R>) =>
  Effect.flatMap(Output, (output) => withAnnouncedRetries(request, output.stderr))

const lookUp = (agentId: string) =>
  Effect.flatMap(LettaApi, (api) => api.retrieveAgent(agentId, { includePendingApproval: true }))

const existingSession = (agent: AgentInfo, modelFlag: Option.Option<string>) =>
  Effect.gen(function* () {
    const api = yield* LettaApi
    let model = agentModel(agent)
    if (Option.isSome(modelFlag) && modelFlag.value !== model) {
      const handle = yield* validateModel(modelFlag.value)
      model = agentModel(yield* api.updateAgentModel(agent.id, handle)) ?? handle
    }
    const session: Session = {
      agentId: agent.id,
      model,
      created: false,
      pendingCalls: agent.pending_approval ? pendingCallsOf(agent.pending_approval) : []
    }
    return session
  })

/** The tag a new agent gets naming its project directory, so `--resume` can list the project's agents. */
export const projectTag = (projectDir: string): string => `project:${projectDir}`

/** A readable agent name from the project directory, within the server's `^[\w '-]+$`. */
export const agentName = (projectDir: string) => {
  const project = basename(projectDir).replace(/[^\w '-]+/g, "-").replace(/^-+|-+$/g, "")
  return project.length > 0 ? `letta-${project}`.slice(0, 60) : "letta"
}

const newSession = (settings: AllSettings, modelFlag: Option.Option<string>) =>
  Effect.gen(function* () {
    const api = yield* LettaApi
    const workspace = yield* Workspace
    const chosen = Option.getOrUndefined(Option.orElse(modelFlag, () => Option.fromNullable(settings.user.model)))
    // A read-only home or a lock that cannot be taken fails here, before anything exists on the
    // server that no settings file would record (blocks, the agent).
    yield* Effect.flatMap(Settings, (store) => store.checkWritable)
    const [blocks, model] = yield* Effect.all(
      [ensureSharedBlocks(settings), chosen === undefined ? api.defaultModel : validateModel(chosen)],
      { concurrency: "unbounded" }
    )
    const create = retried(api.createAgent({
      name: agentName(workspace.projectDir),
      system: SYSTEM_PROMPT,
      ...(model === undefined ? {} : { model }),
      block_ids: [blocks.persona, blocks.human, blocks.project],
      tools: SERVER_TOOLS,
      tags: [AGENT_TAG, projectTag(workspace.projectDir)]
    }))
    // A fresh self-hosted server may not have its built-in tools yet: install them, try once more.
    const agent = yield* create.pipe(
      Effect.catchIf(
        (error) => error.kind === "http" && error.status === 400 && (error.detail ?? "").includes("Tools not found"),
        () => Effect.zipRight(api.addBaseTools, create)
      )
    )
    const session: Session = { agentId: agent.id, model: agentModel(agent) ?? model, created: true, pendingCalls: [] }
    return session
  })

export const resolveSession = (
  choice: AgentChoice,
  modelFlag: Option.Option<string>,
  settings: AllSettings
): Effect.Effect<Session, SessionError, SessionServices> =>
  Effect.gen(function* () {
    const api = yield* LettaApi
    const server = serverKey(api.baseUrl)
    let session: Session
    switch (choice._tag) {
      case "Explicit": {
        const agent = yield* lookUp(choice.agentId).pipe(
          Effect.catchIf(isUnknownId, () => new AgentNotFound({ agentId: choice.agentId, source: "flag" }))
        )
        session = yield* existingSession(agent, modelFlag)
        break
      }
      case "Continue": {
        const agentId = lastAgentFor(settings.local, server) ?? lastAgentFor(settings.user, server)
        if (agentId === undefined) return yield* new NoAgentToContinue({ server: api.displayName })
        const agent = yield* lookUp(agentId).pipe(
          Effect.catchIf(isUnknownId, () => new AgentNotFound({ agentId, source: "continue" }))
        )
        session = yield* existingSession(agent, modelFlag)
        break
      }
      // The picker (interactive) turns "Pick" into one of the others; with none chosen, a new agent.
      case "Pick":
      case "New":
        session = yield* newSession(settings, modelFlag)
        break
    }
    const store = yield* Settings
    yield* store.holdAgent(session.agentId)
    if (session.pendingCalls.length > 0) {
      // Calls another live session is handling are not ours to answer.
      const ours = yield* awaitOtherSessions(session.agentId, session.pendingCalls)
      if (Option.isNone(ours)) {
        return yield* new ConfigError({
          message: `Agent ${session.agentId} is busy: another letta process is handling the tool calls it waits on.`,
          hint: "Try again when that process has finished, or stop it."
        })
      }
      session = { ...session, pendingCalls: ours.value }
    }
    yield* rememberAgent(settings, server, session.agentId)
    return session
  })

/**
 * The stored agent of `--continue`, to be messaged without looking it up first, when nothing
 * needs checking first (`--model` does: the agent's current model). The message request itself
 * proves it: a 404 means it is gone, a 409 that an approval is pending (the turn recovers from
 * that). Undefined when it must be resolved the ordinary way.
 */
export const trustedAgent = (
  choice: AgentChoice,
  modelFlag: Option.Option<string>,
  settings: AllSettings,
  baseUrl: string
): string | undefined => {
  if (choice._tag !== "Continue" || Option.isSome(modelFlag)) return undefined
  const server = serverKey(baseUrl)
  return lastAgentFor(settings.local, server) ?? lastAgentFor(settings.user, server)
}

/** `lastAgent` in both files; skipped when already current (no write on the warm path). */
export const rememberAgent = (settings: AllSettings, server: string, agentId: string) =>
  Effect.gen(function* () {
    const store = yield* Settings
    // This process works with the agent now: others must not answer its calls (agentLease.ts).
    yield* store.holdAgent(agentId)
    const updates: Array<Effect.Effect<unknown, SettingsError>> = []
    if (settings.user.lastAgentByServer?.[server] !== agentId || settings.user.lastAgent !== agentId) {
      updates.push(store.updateUser((user) => withLastAgent(user, server, agentId)))
    }
    if (settings.local.lastAgentByServer?.[server] !== agentId || settings.local.lastAgent !== agentId) {
      updates.push(store.updateLocal((local) => withLastAgent(local, server, agentId)))
    }
    yield* Effect.all(updates, { concurrency: "unbounded", discard: true })
  })
