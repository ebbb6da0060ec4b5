/**
 * A type guard compiled from a Schema, for checks on the hot path of every streamed token.
 * `Schema.is` walks Effect's general parser and allocates an Either per field; on a 100 000-event
 * stream that was ~15% of the time and most of the garbage. This compiles the plain parts of a
 * schema (structs, unions, arrays, primitives, literals) into closures with the same answer as
 * `Schema.is`, and hands any other part (refinements, transformations, declarations…) to
 * `Schema.is` itself. test/domain/schemaGuard.test.ts checks the two agree.
 */
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as SchemaAST from "effect/SchemaAST"

type Guard = (value: unknown) => boolean

const hasOwn = (value: object, key: PropertyKey): boolean => Object.prototype.hasOwnProperty.call(value, key)

const compile = (ast: SchemaAST.AST): Guard => {
  switch (ast._tag) {
    case "StringKeyword":
      return (value) => typeof value === "string"
    case "NumberKeyword":
      return (value) => typeof value === "number"
    case "BooleanKeyword":
      return (value) => typeof value === "boolean"
    case "UndefinedKeyword":
      return (value) => value === undefined
    case "UnknownKeyword":
    case "AnyKeyword":
      return () => true
    case "Literal": {
      const literal = ast.literal
      return (value) => value === literal
    }
    case "Union": {
      const members = ast.types.map(compile)
      return (value) => members.some((member) => member(value))
    }
    case "TupleType": {
      // Schema.Array: no fixed elements, one rest type.
      if (ast.elements.length !== 0 || ast.rest.length !== 1) break
      const item = compile(ast.rest[0]!.type)
      return (value) => Array.isArray(value) && value.every(item)
    }
    case "TypeLiteral": {
      if (ast.indexSignatures.length !== 0 || ast.propertySignatures.length === 0) break
      const fields = ast.propertySignatures.map((signature) => ({
        name: signature.name,
        optional: signature.isOptional,
        check: compile(signature.type)
      }))
      return (value) => {
        if (typeof value !== "object" || value === null || Array.isArray(value)) return false
        for (const field of fields) {
          if (!hasOwn(value, field.name)) {
            if (field.optional) continue
            return false
          }
          if (!field.check((value as Record<PropertyKey, unknown>)[field.name])) return false
        }
        return true
      }
    }
    default:
      break
  }
  return ParseResult.is(Schema.make(ast))
}

/** The same answers as `Schema.is(schema)`, faster for plain data schemas. */
export const compileGuard = <A, I, R>(schema: Schema.Schema<A, I, R>): ((value: unknown) => value is A) =>
  compile(SchemaAST.typeAST(schema.ast)) as (value: unknown) => value is A
