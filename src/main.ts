/** Entry point: the command line run with the app's layers; the outcome becomes the exit code. */
import { homedir } from "node:os"
import * as NodePath from "@effect/platform-node/NodePath"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as NodeTerminal from "@effect/platform-node/NodeTerminal"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { cli } from "./cli/commands.js"
import { teardown } from "./cli/exit.js"
import { interruptOnSignals } from "./cli/signals.js"
import { AgentBackendSettings } from "./layers/AgentBackendSettings.js"
import { FileSystemNode } from "./layers/FileSystemNode.js"
import { OutputNode } from "./layers/OutputNode.js"
import { SettingsFiles } from "./layers/SettingsFiles.js"
import { StdinNode } from "./layers/StdinNode.js"
import { Workspace } from "./services/Workspace.js"

// NodeContext.layer would also build a worker manager and a command executor (~5 ms of start-up).
const platformLayer = Layer.mergeAll(FileSystemNode, NodePath.layer, NodeTerminal.layer)
const baseLayer = Layer.mergeAll(platformLayer, Layer.sync(Workspace, () => ({ projectDir: process.cwd(), homeDir: homedir() })), StdinNode, OutputNode)
const settingsLayer = SettingsFiles.pipe(Layer.provide(baseLayer))
const appLayer = Layer.mergeAll(baseLayer, settingsLayer, AgentBackendSettings.pipe(Layer.provide(Layer.merge(baseLayer, settingsLayer))))

cli(process.argv).pipe(
  Effect.provide(appLayer),
  interruptOnSignals,
  NodeRuntime.runMain({ disableErrorReporting: true, disablePrettyLogger: true, teardown: teardown(process.argv.slice(2)) })
)
