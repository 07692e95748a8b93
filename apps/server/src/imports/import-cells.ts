import {
  type CellValue,
  cellText,
  type ImportField,
  type ImportMessageKey,
  type ImportMessageParams,
  type Label,
  matchTerritory,
  type TerritoryCandidate,
  translateImport,
  type ValueResult,
} from "@trame/core";

export interface RowProblem {
  /** 1-based column in the sheet, or null for a rule that spans the row. */
  column: number | null;
  header: string;
  field: string | null;
  message: Label;
}

/** One row's cells read through the mapping, collecting every problem rather than stopping at the first. */
export class RowReader {
  readonly problems: RowProblem[] = [];

  constructor(
    private readonly cells: readonly CellValue[],
    private readonly columnOf: Map<string, number>,
    private readonly headers: readonly string[],
    private readonly fields: readonly ImportField[],
  ) {}

  has(field: string): boolean {
    return this.columnOf.has(field);
  }

  raw(field: string): CellValue {
    const column = this.columnOf.get(field);
    return column === undefined ? null : (this.cells[column] ?? null);
  }

  text(field: string): string {
    return cellText(this.raw(field));
  }

  problem(field: string | null, key: ImportMessageKey, params: ImportMessageParams = {}): void {
    const column = field === null ? undefined : this.columnOf.get(field);
    const label = this.fields.find((f) => f.key === field)?.label;
    this.problems.push({
      column: column === undefined ? null : column + 1,
      header: column === undefined ? (label?.fr ?? "") : (this.headers[column] ?? ""),
      field,
      message: translateImport(key, params),
    });
  }

  /** A value read by a core rule; its refusal becomes a problem on that cell. */
  read<T>(field: string, parse: (cell: CellValue) => ValueResult<T>, fallback: T): T {
    const cell = this.raw(field);
    if (typeof cell === "string" && /^#(?:REF|VALUE|DIV\/0|N\/A|NAME\?|NUM|NULL)!?$/.test(cell.trim())) {
      this.problem(field, "import.formulaError", { value: cell.trim() });
      return fallback;
    }
    const result = parse(cell);
    if (result.ok) return result.value;
    this.problem(field, result.reason, result.params);
    return fallback;
  }

  required(field: string): string {
    const value = this.text(field);
    if (value === "") this.problem(field, "import.required");
    return value;
  }

  textUpTo(field: string, max: number): string {
    const value = this.text(field);
    if (value.length > max) this.problem(field, "import.tooLong", { max });
    return value.slice(0, max);
  }

  /** One territory by SIREN or name; unknown and ambiguous names are problems, never guesses. */
  territory(field: string, value: string, territories: readonly TerritoryCandidate[]): TerritoryCandidate | null {
    const match = matchTerritory(value, territories);
    if (match.status === "found") return match.territory;
    if (match.status === "unknown") this.problem(field, "import.territory.unknown", { value });
    else {
      const candidates = match.candidates.map((t) => `${t.name} (${t.siren ?? "—"})`).join(", ");
      this.problem(field, "import.territory.ambiguous", { value, candidates });
    }
    return null;
  }
}
