/**
 * Which agent this run talks to (PRODUCT.md §3): an explicit `--agent`, `--continue`, `--new`,
 * or by default the project's last agent. An agent we already know costs one request (its
 * lookup, which also reveals a pending approval) — none in headless mode, which trusts the
 * stored id (`trustedAgent`); a new one costs the block checks (concurrent) and its creation.
 */
import { basename } from "node:path"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { AgentChoice } from "../domain/config.js"
import { AgentNotFound, type ApiError, isUnknownId, NoAgentToContinue, type SettingsError, UnknownModel } from "../domain/errors.js"
import { type AgentInfo, agentModel, modelHandle, type PendingToolCall } from "../domain/letta.js"
import { AGENT_TAG, SERVER_TOOLS, SYSTEM_PROMPT } from "../domain/memory.js"
import { type AllSettings, lastAgentFor, serverKey, withLastAgent } from "../domain/settings.js"
import { LettaApi } from "../services/LettaApi.js"
import { Output } from "../services/Output.js"
import { Settings } from "../services/Settings.js"
import { Workspace } from "../services/Workspace.js"
import { ensureSharedBlocks } from "./memoryBlocks.js"
import { pendingCallsOf } from "./turn.js"

export interface Session {
  readonly agentId: string
  readonly model: string | undefined
  readonly created: boolean
  /** Calls the agent was left waiting on by an earlier session. */
  readonly pendingCalls: ReadonlyArray<PendingToolCall>
}

export type SessionError = ApiError | SettingsError | AgentNotFound | NoAgentToContinue | UnknownModel
type SessionServices = LettaApi | Settings | Output | Workspace

/** Said when the project's stored agent is gone from the server and a new one takes its place. */
export const projectAgentGoneNotice = (agentId: string): string =>
  `letta: this project's last agent (${agentId}) no longer exists; starting a new one.\n`

/** Checks a model handle against the server's list. */
const validateModel = (model: string) =>
  Effect.gen(function* () {
    const api = yield* LettaApi
    const handles = (yield* api.listModels).flatMap((m) => {
      const handle = modelHandle(m)
      return handle === undefined ? [] : [handle]
    })
    if (!handles.includes(model)) return yield* new UnknownModel({ model, available: handles })
  })

const lookUp = (agentId: string) =>
  Effect.flatMap(LettaApi, (api) => api.retrieveAgent(agentId, { includePendingApproval: true }))

const existingSession = (agent: AgentInfo, modelFlag: Option.Option<string>) =>
  Effect.gen(function* () {
    const api = yield* LettaApi
    let model = agentModel(agent)
    if (Option.isSome(modelFlag) && modelFlag.value !== model) {
      yield* validateModel(modelFlag.value)
      model = agentModel(yield* api.updateAgentModel(agent.id, modelFlag.value)) ?? modelFlag.value
    }
    const session: Session = {
      agentId: agent.id,
      model,
      created: false,
      pendingCalls: agent.pending_approval ? pendingCallsOf(agent.pending_approval) : []
    }
    return session
  })

/** A readable agent name from the project directory, within the server's `^[\w '-]+$`. */
const agentName = (projectDir: string) => {
  const project = basename(projectDir).replace(/[^\w '-]+/g, "-").replace(/^-+|-+$/g, "")
  return project.length > 0 ? `letta-${project}`.slice(0, 60) : "letta"
}

const newSession = (settings: AllSettings, modelFlag: Option.Option<string>) =>
  Effect.gen(function* () {
    const api = yield* LettaApi
    const workspace = yield* Workspace
    const model = Option.getOrUndefined(Option.orElse(modelFlag, () => Option.fromNullable(settings.user.model)))
    const [blocks] = yield* Effect.all(
      [ensureSharedBlocks(settings), model === undefined ? Effect.void : validateModel(model)],
      { concurrency: "unbounded" }
    )
    const create = api.createAgent({
      name: agentName(workspace.projectDir),
      system: SYSTEM_PROMPT,
      ...(model === undefined ? {} : { model }),
      block_ids: [blocks.persona, blocks.human, blocks.project],
      tools: SERVER_TOOLS,
      tags: [AGENT_TAG]
    })
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
    const output = yield* Output
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
        if (agentId === undefined) return yield* new NoAgentToContinue({ server: api.baseUrl })
        const agent = yield* lookUp(agentId).pipe(
          Effect.catchIf(isUnknownId, () => new AgentNotFound({ agentId, source: "continue" }))
        )
        session = yield* existingSession(agent, modelFlag)
        break
      }
      case "ProjectDefault": {
        const agentId = lastAgentFor(settings.local, server)
        const agent =
          agentId === undefined
            ? undefined
            : yield* lookUp(agentId).pipe(
                Effect.catchIf(isUnknownId, () =>
                  output
                    .stderr(projectAgentGoneNotice(agentId))
                    .pipe(Effect.as(undefined))
                )
              )
        session = agent === undefined ? yield* newSession(settings, modelFlag) : yield* existingSession(agent, modelFlag)
        break
      }
      case "New":
        session = yield* newSession(settings, modelFlag)
        break
    }
    yield* rememberAgent(settings, server, session.agentId)
    return session
  })

/** An agent a headless run may message without looking it up first. */
export interface TrustedAgent {
  readonly agentId: string
  /** Where its id came from, for what to do when the server no longer has it. */
  readonly source: "continue" | "project"
}

/**
 * The stored agent of `--continue` or of the project default, when nothing needs checking
 * first (`--model` does: the agent's current model). The message request itself proves it: a
 * 404 means it is gone, a 409 that an approval is pending (the turn recovers from that).
 */
export const trustedAgent = (
  choice: AgentChoice,
  modelFlag: Option.Option<string>,
  settings: AllSettings,
  baseUrl: string
): TrustedAgent | undefined => {
  if (Option.isSome(modelFlag)) return undefined
  const server = serverKey(baseUrl)
  const local = lastAgentFor(settings.local, server)
  switch (choice._tag) {
    case "ProjectDefault":
      return local === undefined ? undefined : { agentId: local, source: "project" }
    case "Continue": {
      const agentId = local ?? lastAgentFor(settings.user, server)
      return agentId === undefined ? undefined : { agentId, source: "continue" }
    }
    default:
      return undefined
  }
}

/** `lastAgent` in both files; skipped when already current (no write on the warm path). */
export const rememberAgent = (settings: AllSettings, server: string, agentId: string) =>
  Effect.gen(function* () {
    const store = yield* Settings
    const updates: Array<Effect.Effect<unknown, SettingsError>> = []
    if (settings.user.lastAgentByServer?.[server] !== agentId || settings.user.lastAgent !== agentId) {
      updates.push(store.updateUser((user) => withLastAgent(user, server, agentId)))
    }
    if (settings.local.lastAgentByServer?.[server] !== agentId || settings.local.lastAgent !== agentId) {
      updates.push(store.updateLocal((local) => withLastAgent(local, server, agentId)))
    }
    yield* Effect.all(updates, { concurrency: "unbounded", discard: true })
  })
