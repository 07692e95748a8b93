import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { type Database, type Kysely, sql } from "@trame/db";

/** The fields of `@etalab/decoupage-administratif` 6.0.0 this import reads. */
interface EtalabDepartement {
  code: string;
  nom: string;
  region: string;
}
interface EtalabRegion {
  code: string;
  nom: string;
}

/**
 * Fills `departements` (with each one's région) from the official list, so a programme limited to a
 * région can be matched against the départements of a project's partners. 109 rows, upserted in one
 * statement: re-running changes nothing unless the list did (a renamed région, a new collectivity).
 */
export async function importDepartements(db: Kysely<Database>): Promise<number> {
  const require = createRequire(import.meta.url);
  const read = async (file: string): Promise<unknown> =>
    JSON.parse(await readFile(require.resolve(`@etalab/decoupage-administratif/data/${file}`), "utf8"));
  const [departementData, regionData] = await Promise.all([read("departements.json"), read("regions.json")]);
  const departements = assertShape<EtalabDepartement>(departementData, "departements.json", ["code", "nom", "region"]);
  const regions = new Map(
    assertShape<EtalabRegion>(regionData, "regions.json", ["code", "nom"]).map((r) => [r.code, r.nom]),
  );
  const rows = departements.map((d) => {
    const regionName = regions.get(d.region);
    if (!regionName) throw new Error(`département ${d.code}: unknown région ${d.region}`);
    return { code: d.code, name: d.nom, region_code: d.region, region_name: regionName };
  });
  await sql`
    insert into departements (code, name, region_code, region_name)
    select r.code, r.name, r.region_code, r.region_name
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(code text, name text, region_code text, region_name text)
    on conflict (code) do update set
      name = excluded.name, region_code = excluded.region_code, region_name = excluded.region_name
    where (departements.name, departements.region_code, departements.region_name)
      is distinct from (excluded.name, excluded.region_code, excluded.region_name)
  `.execute(db);
  return rows.length;
}

/** A cheap guard against a package upgrade that renames fields: fail loudly before writing anything. */
function assertShape<T>(data: unknown, file: string, fields: string[]): T[] {
  const first: unknown = Array.isArray(data) ? data[0] : undefined;
  const ok = typeof first === "object" && first !== null && fields.every((field) => field in first);
  if (!ok) throw new Error(`@etalab/decoupage-administratif ${file}: unexpected format (fields ${fields.join(", ")})`);
  return data as T[];
}
