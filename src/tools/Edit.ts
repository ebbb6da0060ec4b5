/** Edit: replaces one exact, unique piece of a file (or every occurrence with replace_all). */
import * as Schema from "effect/Schema"
import { defineTool, optionalParam, param } from "./defineTool.js"
import { editFile, occurrencesText, snippetAround } from "./editing.js"

export const EditParameters = Schema.Struct({
  file_path: param(Schema.String, "Path of the file to change: absolute, or relative to the project directory."),
  old_string: param(Schema.String, "The exact text to replace, as it appears in the file (without Read's line-number prefixes)."),
  new_string: param(Schema.String, "The text to put in its place (must differ from old_string)."),
  replace_all: optionalParam(Schema.Boolean, "Replace every occurrence of old_string instead of exactly one (default false).")
})
export type EditParameters = typeof EditParameters.Type

const DESCRIPTION = [
  "Replaces text in a file: `old_string` becomes `new_string`.",
  "",
  "- The file must have been read with Read in this session and not changed on disk since; otherwise the edit is refused and you are asked to Read it first.",
  "- `old_string` must match the file exactly (whitespace and indentation included) and occur exactly once, unless `replace_all` is true. Otherwise nothing is changed and the error says how many times it occurs.",
  "- If the file has CRLF line breaks, `\\n` in old_string and new_string is matched and written as CRLF.",
  "- With an empty `old_string`, a file that does not exist yet is created with `new_string` as its content.",
  "- The file is written in one step. The answer shows the changed lines with their line numbers.",
  "- For several changes to one file, use MultiEdit."
].join("\n")

export const Edit = defineTool({
  name: "Edit",
  description: DESCRIPTION,
  parameters: EditParameters,
  readOnly: false,
  run: (args) =>
    editFile({
      filePath: args.file_path,
      edits: [args],
      failure: (_index, reason) => reason,
      describeResult: ({ filePath, created, content, applied }) => {
        const edit = applied[0]
        if (created || edit === undefined) return `Created ${filePath}.`
        const count = edit.replacements > 1 ? `${occurrencesText(edit.replacements)} (the first is shown)` : "1 occurrence"
        return `Edited ${filePath}: replaced ${count}.\n\n${snippetAround(content, edit.firstIndex, edit.inserted.length)}`
      }
    })
})
