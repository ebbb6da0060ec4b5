/**
 * What the approval dialog shows for a call: the command for Bash, a unified diff of the file
 * for Write/Edit/MultiEdit (computed from the file as it is now and the proposed change, with
 * the same replacement rules the Edit tool applies), the path or pattern for reads.
 */
import * as FileSystem from "@effect/platform/FileSystem"
import { structuredPatch } from "diff"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type { ApprovalPreview, DiffLine } from "../../domain/dialogs.js"
import { absolutePath, isInside } from "../../domain/paths.js"
import { applyEdit, type EditSpec } from "../../tools/editing.js"
import { relative } from "node:path"

type Args = Readonly<Record<string, unknown>>

/** Files larger than this are not diffed (the dialog says so). */
const MAX_DIFF_BYTES = 2_000_000
/** jsdiff gives up on changes that would take longer (a rewrite of a huge file). */
const DIFF_TIMEOUT_MS = 300

const str = (args: Args | undefined, key: string): string | undefined => {
  const value = args?.[key]
  return typeof value === "string" ? value : undefined
}

const shown = (path: string, projectDir: string): string => {
  const absolute = absolutePath(projectDir, path)
  return isInside(projectDir, absolute) ? relative(projectDir, absolute) || "." : absolute
}

/** Unified diff lines (3 lines of context) and the counts of added and removed lines. */
export const diffLines = (path: string, before: string, after: string): { lines: ReadonlyArray<DiffLine>; added: number; removed: number } | undefined => {
  const patch = structuredPatch(path, path, before, after, undefined, undefined, { context: 3, timeout: DIFF_TIMEOUT_MS })
  if (patch === undefined) return undefined
  const lines: Array<DiffLine> = []
  let added = 0
  let removed = 0
  for (const hunk of patch.hunks) {
    lines.push({ kind: "hunk", text: `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@` })
    for (const line of hunk.lines) {
      const mark = line[0]
      const text = line.slice(1)
      if (mark === "+") {
        added += 1
        lines.push({ kind: "add", text })
      } else if (mark === "-") {
        removed += 1
        lines.push({ kind: "remove", text })
      } else if (mark === " ") {
        lines.push({ kind: "context", text })
      }
    }
  }
  return { lines, added, removed }
}

const editSpecs = (toolName: string, args: Args | undefined): ReadonlyArray<EditSpec> => {
  if (toolName === "Edit") {
    const oldString = str(args, "old_string")
    const newString = str(args, "new_string")
    if (oldString === undefined || newString === undefined) return []
    return [{ old_string: oldString, new_string: newString, replace_all: args?.["replace_all"] === true }]
  }
  const edits = args?.["edits"]
  if (!Array.isArray(edits)) return []
  const specs: Array<EditSpec> = []
  for (const edit of edits) {
    if (typeof edit !== "object" || edit === null) continue
    const oldString: unknown = "old_string" in edit ? edit.old_string : undefined
    const newString: unknown = "new_string" in edit ? edit.new_string : undefined
    const replaceAll: unknown = "replace_all" in edit ? edit.replace_all : undefined
    if (typeof oldString === "string" && typeof newString === "string") {
      specs.push({ old_string: oldString, new_string: newString, replace_all: replaceAll === true })
    }
  }
  return specs
}

/** The file's current text: "" when it does not exist; undefined when it cannot be diffed. */
const currentText = (file: string) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const info = yield* fs.stat(file).pipe(Effect.option)
    if (info._tag === "None") return { text: "", exists: false }
    if (info.value.type !== "File" || Number(info.value.size) > MAX_DIFF_BYTES) return undefined
    const text = yield* fs.readFileString(file).pipe(Effect.option)
    return text._tag === "Some" ? { text: text.value, exists: true } : undefined
  })

const editPreview = (toolName: string, args: Args | undefined, projectDir: string) =>
  Effect.gen(function* () {
    const filePath = str(args, "file_path") ?? ""
    const path = shown(filePath, projectDir)
    const current = yield* currentText(absolutePath(projectDir, filePath))
    let after: string | undefined
    let before = current?.text ?? ""
    let note: string | undefined
    if (current === undefined) {
      note = "The file is too large or not a regular file; no diff is shown."
    } else if (toolName === "Write") {
      after = str(args, "content") ?? ""
      if (!current.exists) note = "New file."
    } else {
      let content = current.text
      for (const [index, edit] of editSpecs(toolName, args).entries()) {
        if (!current.exists && index === 0 && edit.old_string === "") {
          content = edit.new_string
          note = "New file."
          continue
        }
        const applied = applyEdit(content, edit)
        if (Either.isLeft(applied)) {
          // Show what was asked for; the tool will refuse it with the same reason.
          note = `${toolName === "MultiEdit" ? `Edit ${index + 1}: ` : ""}${applied.left}`
          before = edit.old_string
          content = edit.new_string
          break
        }
        content = applied.right.content
      }
      after = content
    }
    const diff = after === undefined ? undefined : diffLines(path, before, after)
    const preview: ApprovalPreview = {
      _tag: "Diff",
      path,
      lines: diff?.lines ?? [],
      added: diff?.added ?? 0,
      removed: diff?.removed ?? 0,
      note: diff === undefined && after !== undefined ? "The change is too large to diff quickly." : note
    }
    return preview
  })

const FIELD_LABELS: Readonly<Record<string, string>> = {
  file_path: "File",
  path: "Path",
  pattern: "Pattern",
  glob: "Files",
  type: "Type",
  output_mode: "Output",
  offset: "From line",
  limit: "Lines",
  ignore: "Ignoring",
  bash_id: "Shell",
  shell_id: "Shell",
  filter: "Filter"
}

const fieldValue = (value: unknown): string => {
  const text = typeof value === "string" ? value : JSON.stringify(value) ?? String(value)
  return text.length > 400 ? `${text.slice(0, 399)}…` : text
}

export const buildPreview = (
  toolName: string,
  args: Args | undefined,
  projectDir: string
): Effect.Effect<ApprovalPreview, never, FileSystem.FileSystem> => {
  if (toolName === "Bash") {
    return Effect.succeed({ _tag: "Command", command: str(args, "command") ?? "", description: str(args, "description") })
  }
  if (toolName === "Write" || toolName === "Edit" || toolName === "MultiEdit") return editPreview(toolName, args, projectDir)
  const fields = Object.entries(args ?? {}).map(([key, value]) => ({
    label: FIELD_LABELS[key] ?? key,
    value: key === "file_path" || key === "path" ? (typeof value === "string" ? shown(value, projectDir) : fieldValue(value)) : fieldValue(value)
  }))
  return Effect.succeed({ _tag: "Fields", fields })
}
