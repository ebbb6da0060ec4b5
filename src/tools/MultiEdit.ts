/** MultiEdit: several replacements in one file, applied in order, all or nothing. */
import * as Schema from "effect/Schema"
import { defineTool, expected, optionalParam, param } from "./defineTool.js"
import { editFile, replacementsText } from "./editing.js"

const EditItem = Schema.Struct({
  old_string: param(Schema.String, "The exact text to replace."),
  new_string: param(Schema.String, "The text to put in its place."),
  replace_all: optionalParam(Schema.Boolean, "Replace every occurrence instead of exactly one (default false).")
})

export const MultiEditParameters = Schema.Struct({
  file_path: param(Schema.String, "Path of the file to change: absolute, or relative to the project directory."),
  edits: param(
    Schema.Array(EditItem)
      .annotations({ message: expected("an array of edits") })
      .pipe(Schema.minItems(1, { message: expected("at least one edit") })),
    "The replacements, applied one after the other: each sees the result of the previous ones."
  )
})
export type MultiEditParameters = typeof MultiEditParameters.Type

const DESCRIPTION = [
  "Makes several replacements in one file, in the given order, and writes the file once.",
  "",
  "- All or nothing: if any edit fails, the file is left unchanged and the error names the failing edit (1-based) and why.",
  "- Each edit works like Edit: `old_string` must match exactly and occur exactly once in the text as the previous edits left it, unless its `replace_all` is true.",
  "- The file must have been read with Read in this session and not changed on disk since.",
  "- If the file does not exist and the first edit's `old_string` is empty, the file is created with that edit's `new_string`, and the remaining edits apply to it."
].join("\n")

export const MultiEdit = defineTool({
  name: "MultiEdit",
  description: DESCRIPTION,
  parameters: MultiEditParameters,
  readOnly: false,
  run: (args) =>
    editFile({
      filePath: args.file_path,
      edits: args.edits,
      failure: (index, reason) => {
        const later = index > 0 && reason.startsWith("old_string was not found")
          ? " Edits apply in order, so an earlier edit may have changed this text."
          : ""
        return `Edit ${index + 1} of ${args.edits.length} failed: ${reason}${later} No changes were made to the file.`
      },
      describeResult: ({ filePath, created, applied }) => {
        const total = applied.reduce((sum, edit) => sum + edit.replacements, 0)
        const lines = applied.map((edit, index) =>
          created && index === 0 ? "  1. created the file" : `  ${index + 1}. ${replacementsText(edit.replacements)}`
        )
        const head = created
          ? `Created ${filePath} with ${applied.length} edits`
          : `Applied ${applied.length} edits to ${filePath} (${replacementsText(total)} in all)`
        return `${head}:\n${lines.join("\n")}`
      }
    })
})
