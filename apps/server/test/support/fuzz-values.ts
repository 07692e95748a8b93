import fc from "fast-check";

/** One mebibyte of text: beyond every bound of the schemas, and half the server's body limit. */
const MEBIBYTE = 1 << 20;

/**
 * Strings that broke other systems: SQL, LIKE and template metacharacters, markup, lone UTF-16
 * surrogates (not encodable in UTF-8), NUL (refused by PostgreSQL in text), bidirectional
 * overrides, zero-width joiner sequences, stacked combining marks, line and paragraph separators.
 */
export const HOSTILE_STRINGS = [
  "",
  " ",
  "\u202Egpj.exe\u202C",
  "\u200F\u202Bمتروبول\u202C",
  "👩‍👩‍👧‍👦",
  "🏳️‍🌈",
  "e\u0301\u0301\u0301\u0301\u0301",
  "Z\u0364\u0354\u0367\u0311\u0313a\u0356\u036D",
  "\uFEFFbom",
  "ligne\u2028paragraphe\u2029",
  "\t\r\n\v\f",
  "'; drop table users; --",
  "' or '1'='1",
  "%",
  "_",
  "\\",
  "\\%_",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "{{7*7}}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
  "${7*7}",
  "__proto__",
  "constructor",
  "null",
  "0",
  "-1",
  "1e309",
  "9".repeat(400),
  "../../../etc/passwd",
  "𝕿𝖗𝖆𝖒𝖊",
];

/** What the database or the UTF-8 encoder cannot take as is: the likeliest 500s, so drawn often. */
const UNENCODABLE_STRINGS = ["\u0000", "avant\u0000après", "\uD800", "fin\uDFFF", "\uDC00\uD800", "a\u0000\uD800"];

/** Built once: generating megabytes per run would make the generator the slowest part. */
const HUGE_STRINGS = [
  "a".repeat(MEBIBYTE),
  "é".repeat(MEBIBYTE / 2),
  "😀".repeat(MEBIBYTE / 4),
  " ".repeat(MEBIBYTE),
  "\u0000".repeat(MEBIBYTE),
];

/** Nesting built iteratively: a recursive builder would itself overflow the stack. */
function nested(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = "fond";
  for (let i = 0; i < depth; i++) value = wrap(value);
  return value;
}

const DEEP_VALUES = [
  nested(10_000, (inner) => ({ a: inner })),
  nested(10_000, (inner) => [inner]),
  nested(10_000, (inner) => ({ id: inner, name: [inner] })),
];

/** How a counterexample is printed: never a megabyte, never 10,000 levels (fast-check recurses). */
export function summarise(value: unknown, depth = 0): string {
  if (typeof value === "string") {
    const shown = JSON.stringify(value.slice(0, 60));
    return value.length > 60 ? `${shown}…(${value.length} chars)` : shown;
  }
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value !== "object" || value === null) return String(value);
  if (depth >= 4) return Array.isArray(value) ? "[…]" : "{…}";
  if (Array.isArray(value)) {
    return `[${value
      .slice(0, 8)
      .map((item) => summarise(item, depth + 1))
      .join(", ")}${value.length > 8 ? ", …" : ""}]`;
  }
  const entries = Object.entries(value).slice(0, 12);
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}: ${summarise(item, depth + 1)}`).join(", ")}}`;
}

/** An input as the property sees it, printed by `summarise` when it is a counterexample. */
export interface Sample {
  value: unknown;
}

export function sample(value: unknown): Sample {
  const printable = { value, [fc.toStringMethod]: () => summarise(value) };
  return printable;
}

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...UNENCODABLE_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.string({ maxLength: 20 }),
        fc.constantFrom(...HOSTILE_STRINGS, ...UNENCODABLE_STRINGS),
        fc.string({ maxLength: 20 }),
      )
      .map((parts) => parts.join("")),
  },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE_STRINGS) },
);

/** Numbers a JSON parser or a driver mishandles. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, -1, 1.5, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, Number.NaN, Number.POSITIVE_INFINITY),
  fc.integer(),
  fc.double(),
);

export const deepValue: fc.Arbitrary<unknown> = fc.constantFrom(...DEEP_VALUES);
export const hugeString: fc.Arbitrary<string> = fc.constantFrom(...HUGE_STRINGS);

/** Whatever a caller might pass: arbitrary JSON, then the values JSON cannot even carry. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue() },
  {
    weight: 2,
    arbitrary: fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
    }),
  },
  { weight: 1, arbitrary: hostileString },
  { weight: 1, arbitrary: hostileNumber },
  { weight: 1, arbitrary: deepValue },
);
