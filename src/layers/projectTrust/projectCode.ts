/**
 * What code the project itself provides: `.mcp.json` servers and the `hooks` and `mcpServers`
 * of its two settings files (project and local, both inside the project and so possibly from
 * its repository). Only a stat when none of them exists.
 */
import { readFileSync, statSync } from "node:fs"
import { join, relative } from "node:path"
import { listHooks } from "../../domain/hooks.js"
import type { AllSettings } from "../../domain/settings.js"
import type { ProjectCode } from "../../services/ProjectTrust.js"

const serverNames = (value: unknown): ReadonlyArray<string> =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? Object.keys(value) : []

const shown = (projectDir: string, file: string) => {
  const path = relative(projectDir, file)
  return path.length > 0 && !path.startsWith("..") ? path : file
}

export const projectCode = (
  projectDir: string,
  settings: AllSettings,
  paths: { readonly project: string; readonly local: string }
): ReadonlyArray<ProjectCode> => {
  const code: Array<ProjectCode> = []
  const mcpJson = join(projectDir, ".mcp.json")
  let exists = false
  try {
    exists = statSync(mcpJson).isFile()
  } catch {
    exists = false
  }
  if (exists) {
    let names: ReadonlyArray<string> = []
    try {
      names = serverNames((JSON.parse(readFileSync(mcpJson, "utf8")) as { mcpServers?: unknown })?.mcpServers)
    } catch {
      // Unreadable: the MCP client reports the problem; the file still counts as project code.
    }
    const source = ".mcp.json"
    if (names.length === 0) code.push({ kind: "mcp", name: "(servers of .mcp.json)", source })
    for (const name of names) code.push({ kind: "mcp", name, source })
  }
  const files = [
    { file: paths.project, values: settings.project },
    { file: paths.local, values: settings.local }
  ]
  for (const { file, values } of files) {
    const source = shown(projectDir, file)
    for (const hook of listHooks(values.hooks)) code.push({ kind: "hook", name: `${hook.event}: ${hook.command}`, source })
    for (const name of serverNames((values as Record<string, unknown>)["mcpServers"])) code.push({ kind: "mcp", name, source })
  }
  return code
}

export const describeCode = (item: ProjectCode): string =>
  `${item.kind === "mcp" ? "MCP server" : "hook"} ${item.name} (${item.source})`
