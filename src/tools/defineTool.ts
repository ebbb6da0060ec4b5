/**
 * What a client tool is: a name, an accurate description, an Effect Schema of its arguments
 * (from which the JSON Schema in `client_tools` is generated) and an implementation that turns
 * every failure into an error ToolOutput.
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as JSONSchema from "effect/JSONSchema"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as SchemaAST from "effect/SchemaAST"
import type { ClientToolSpec } from "../domain/letta.js"
import { type ALL_TOOL_NAMES, type ToolOutput, toolError } from "../domain/tools.js"
import { bakedToolSpec } from "../platform/toolSpecs.js"
import { isRecord } from "../domain/records.js"

export type ToolName = (typeof ALL_TOOL_NAMES)[number]

export type ToolArgs = Readonly<Record<string, unknown>>

export interface ToolDefinition<A extends ToolArgs, I, R> {
  readonly name: ToolName
  readonly description: string
  /** A `Schema.Struct`; every field carries a `description` annotation (see `param`). */
  readonly parameters: Schema.Schema<A, I, never>
  /** Only reads: such calls may run concurrently with each other. */
  readonly readOnly: boolean
  readonly run: (args: A) => Effect.Effect<ToolOutput, never, R>
}

/** A tool with its argument type erased, as the registry holds it. */
export interface Tool<R> {
  readonly name: ToolName
  readonly readOnly: boolean
  readonly spec: ClientToolSpec
  /** Decodes parsed JSON arguments; Left is a concise description of what is wrong. */
  readonly decode: (input: unknown) => Either.Either<ToolArgs, string>
  /** Runs with arguments returned by `decode` (others are validated first). */
  readonly execute: (args: ToolArgs) => Effect.Effect<ToolOutput, never, R>
}

/** A required parameter with its description (shown to the model). */
export const param = <A, I>(schema: Schema.Schema<A, I, never>, description: string) =>
  schema.annotations({ description })

/** An optional parameter: may be left out, but not sent as `null`. */
export const optionalParam = <A, I>(schema: Schema.Schema<A, I, never>, description: string) =>
  Schema.optionalWith(schema.annotations({ description }), { exact: true })

/** Whole numbers at or above `min`, without the `$ref` that `Schema.Int` brings along. */
export const integerAtLeast = (min: number) =>
  Schema.Number.pipe(
    Schema.filter((n) => Number.isInteger(n) && n >= min, {
      message: (issue) => `Expected an integer >= ${min}, actual ${String(issue.actual)}`,
      jsonSchema: { type: "integer", minimum: min }
    })
  )

const showActual = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

/**
 * A `message` annotation "Expected <what>, actual <value>". Schemas with a `description` (see
 * `param`) otherwise report "expected <the description>" for arrays and refinements.
 */
export const expected =
  (what: string) =>
  (issue: ParseResult.ParseIssue): string =>
    `Expected ${what}, actual ${"actual" in issue ? showActual(issue.actual) : "nothing"}`

const resolveRef = (ref: string, defs: Record<string, unknown>): unknown => {
  const prefix = "#/$defs/"
  return ref.startsWith(prefix) ? defs[ref.slice(prefix.length)] : undefined
}

/** Inlines `$ref`s to `$defs` and drops generated `title`s, which only add noise for the model. */
const clean = (node: unknown, defs: Record<string, unknown>, depth = 0): unknown => {
  if (depth > 32) return node
  if (Array.isArray(node)) return node.map((item) => clean(item, defs, depth + 1))
  if (!isRecord(node)) return node
  let source: Record<string, unknown> = node
  const ref = node["$ref"]
  if (typeof ref === "string") {
    const target = resolveRef(ref, defs)
    if (isRecord(target)) {
      const { $ref: _ignored, ...rest } = node
      source = { ...target, ...rest }
    }
  }
  const result: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(source)) {
    if (key === "$schema" || key === "$defs" || key === "title") continue
    // Property names are data, not keywords: keep a parameter called "title".
    result[key] =
      key === "properties" && isRecord(value)
        ? Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, clean(sub, defs, depth + 1)]))
        : clean(value, defs, depth + 1)
  }
  return result
}

/**
 * The `description` annotations of a Struct's fields. A refinement with its own `jsonSchema`
 * annotation (see `integerAtLeast`) loses its description in `JSONSchema.make`; this restores it.
 */
const fieldDescriptions = (ast: SchemaAST.AST): Map<string, string> => {
  const descriptions = new Map<string, string>()
  if (ast._tag !== "TypeLiteral") return descriptions
  for (const field of ast.propertySignatures) {
    if (typeof field.name !== "string") continue
    const description = Option.orElse(SchemaAST.getDescriptionAnnotation(field), () =>
      SchemaAST.getDescriptionAnnotation(field.type)
    )
    if (Option.isSome(description)) descriptions.set(field.name, description.value)
  }
  return descriptions
}

/** The JSON Schema sent in `client_tools`: a closed object, no `$schema`/`$defs`/`$ref`. */
export const parametersJsonSchema = <A, I>(schema: Schema.Schema<A, I, never>): Readonly<Record<string, unknown>> => {
  const root = JSONSchema.make(schema)
  const defs: Record<string, unknown> = isRecord(root.$defs) ? root.$defs : {}
  const cleaned = clean(root, defs)
  const object = isRecord(cleaned) ? cleaned : {}
  const generated = isRecord(object["properties"]) ? object["properties"] : {}
  const descriptions = fieldDescriptions(schema.ast)
  const properties = Object.fromEntries(
    Object.entries(generated).map(([name, property]) => {
      const description = descriptions.get(name)
      return isRecord(property) && property["description"] === undefined && description !== undefined
        ? [name, { ...property, description }]
        : [name, property]
    })
  )
  return { ...object, type: "object", properties, additionalProperties: false }
}

export const toClientToolSpec = <A extends ToolArgs, I, R>(definition: ToolDefinition<A, I, R>): ClientToolSpec => ({
  name: definition.name,
  description: definition.description,
  parameters: parametersJsonSchema(definition.parameters)
})

const pathText = (path: ReadonlyArray<PropertyKey>): string => path.map(String).join(".")

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1)

/**
 * The problems, joined by "; ", e.g. `file_path is missing`, `timeout: expected number, actual "5"`.
 * `parameterNames` are listed when an unknown parameter was sent.
 */
export const formatIssues = (error: ParseResult.ParseError, parameterNames: ReadonlyArray<string>): string => {
  const lines: Array<string> = []
  // Missing parameters first, unknown ones last: the likely fix reads first.
  const rank = (tag: string): number => (tag === "Missing" ? 0 : tag === "Unexpected" ? 2 : 1)
  const issues = ParseResult.ArrayFormatter.formatErrorSync(error).sort((a, b) => rank(a._tag) - rank(b._tag))
  // A value that fits none of a union's members (e.g. literals) reads as one issue.
  const alternatives = new Map<string, { readonly expected: Array<string>; readonly actual: string; readonly index: number }>()
  for (const issue of issues) {
    const where = pathText(issue.path)
    let line: string
    if (where === "") line = "the arguments must be a JSON object"
    else if (issue._tag === "Missing") line = `${where} is missing`
    else if (issue._tag === "Unexpected") line = `${where} is not a parameter (expected: ${parameterNames.join(", ")})`
    else {
      const parts = /^Expected (.+), actual (.+)$/s.exec(issue.message)
      const union = parts === null ? undefined : alternatives.get(`${where}\u0000${parts[2]}`)
      if (parts !== null && union !== undefined) {
        if (!union.expected.includes(parts[1] ?? "")) union.expected.push(parts[1] ?? "")
        lines[union.index] = `${where}: expected ${union.expected.join(" or ")}, actual ${union.actual}`
        continue
      }
      if (parts !== null) {
        alternatives.set(`${where}\u0000${parts[2]}`, { expected: [parts[1] ?? ""], actual: parts[2] ?? "", index: lines.length })
      }
      line = `${where}: ${lowerFirst(issue.message)}`
    }
    if (!lines.includes(line)) lines.push(line)
  }
  return lines.join("; ")
}

export const defineTool = <A extends ToolArgs, I, R>(definition: ToolDefinition<A, I, R>): Tool<R> => {
  // Compiled on first use: most runs call few of the tools, and every start-up defines them all.
  const strict = { onExcessProperty: "error", errors: "all" } as const
  let decoder: ((input: unknown) => Either.Either<A, ParseResult.ParseError>) | undefined
  let validator: ((input: unknown) => Either.Either<A, ParseResult.ParseError>) | undefined
  const decodeArgs = (input: unknown) => (decoder ??= Schema.decodeUnknownEither(definition.parameters, strict))(input)
  const validateArgs = (input: unknown) => (validator ??= Schema.validateEither(definition.parameters, strict))(input)
  // What `decode` returned, by identity, so `execute` gets the typed value without re-decoding.
  const decoded = new WeakMap<object, A>()
  const spec = bakedToolSpec(definition.name) ?? toClientToolSpec(definition)
  const properties = spec.parameters["properties"]
  const parameterNames = isRecord(properties) ? Object.keys(properties) : []
  return {
    name: definition.name,
    readOnly: definition.readOnly,
    spec,
    decode: (input) =>
      Either.match(decodeArgs(input), {
        onLeft: (error) => Either.left(formatIssues(error, parameterNames)),
        onRight: (args) => {
          decoded.set(args, args)
          return Either.right(args)
        }
      }),
    execute: (args) => {
      const known = decoded.get(args)
      if (known !== undefined) return definition.run(known)
      return Either.match(validateArgs(args), {
        onLeft: (error) =>
          Effect.succeed(toolError(`Invalid arguments for ${definition.name}: ${formatIssues(error, parameterNames)}`)),
        onRight: (valid) => definition.run(valid)
      })
    }
  }
}
