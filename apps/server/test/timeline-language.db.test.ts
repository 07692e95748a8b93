import { parse } from "csv-parse/sync";
import type { FastifyInstance } from "fastify";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/http/app.ts";
import { cooperationWorld } from "./support/cooperation-fixtures.ts";
import { cookieFor } from "./support/export-fixtures.ts";
import { callerFor, makeUser, type TestUser } from "./support/factories.ts";
import { useTestDb } from "./support/test-db.ts";

/**
 * Issue 15, items 3 and 4: titles are worded at read time in the reader's language, from the facts
 * stored with each entry, in the API, the CSV and the calendar; same-day entries keep the order in
 * which they were written; an action's notes and an engagement-form change fill the « Détail ».
 */
const testDb = useTestDb();
const db = () => testDb().db;
let app: FastifyInstance;

type CsvRow = Record<string, string>;
const readCsv = (body: string): CsvRow[] => parse(body, { bom: true, delimiter: ";", columns: true });
const get = (url: string, cookie?: string) => app.inject({ url, headers: cookie ? { cookie } : {} });

/** Sentences the server used to store in French: none may reach an English reader. */
const FRENCH =
  /rejoint la coopération|quitte la coopération|Nouvelle forme d'engagement|récit commun|demande (accordée|déposée)/;

let world: Awaited<ReturnType<typeof cooperationWorld<"leadAdmin">>>;
let cooperationId: string;
let english: TestUser;
let french: TestUser;

beforeAll(async () => {
  app = await buildApp({ db: db(), logLevel: "silent" });
  world = await cooperationWorld(db(), ["leadAdmin"]);
  const created = await world.createWithNeighbour();
  cooperationId = created.id;
  const admin = world.as.leadAdmin;
  const withForm = await admin.cooperation.changeEngagementForm({
    id: created.id,
    version: created.version,
    engagementForm: "syndicat_mixte",
    changedOn: "2023-01-01",
    note: "Création du syndicat",
  });
  await admin.cooperation.update({
    id: withForm.id,
    version: withForm.version,
    narrativeText: "Nourrir la métropole avec la vallée.",
    narrativeAdoptedOn: "2023-06-15",
  });
  // Three actions the same day, written in this order.
  for (const title of ["Premier : comité technique", "Deuxième : atelier", "Troisième : visite"]) {
    await admin.action.create({
      cooperationId,
      occurredOn: "2024-05-02",
      kind: "meeting",
      title,
      notes: `Compte rendu de « ${title} »`,
    });
  }
  english = await makeUser(db(), { memberships: [{ territoryId: world.lead.id, role: "viewer" }] });
  await (await callerFor(db(), english)).auth.setLocale({ locale: "en" });
  french = await makeUser(db(), { memberships: [{ territoryId: world.lead.id, role: "viewer" }] });
});
afterAll(() => app?.close());

describe("les titres de la frise dans la langue du lecteur", () => {
  it("l'API donne des titres anglais à un lecteur anglais, français à un lecteur français", async () => {
    const titles = async (user: TestUser) =>
      (await (await callerFor(db(), user)).timeline.cooperation({ cooperationId })).items
        .filter((i) => i.occurredOn !== "2024-05-02")
        .map((i) => [i.kind, i.title]);
    const neighbour = world.neighbour.name;
    expect(await titles(english)).toEqual([
      ["narrative_adopted", "Shared narrative adopted"],
      ["engagement_form_changed", "New engagement form: Joint syndicate"],
      ["member_joined", `${neighbour} joins the cooperation`],
    ]);
    expect(await titles(french)).toEqual([
      ["narrative_adopted", "Adoption du récit commun"],
      ["engagement_form_changed", "Nouvelle forme d'engagement : Syndicat mixte"],
      ["member_joined", `${neighbour} rejoint la coopération`],
    ]);
  });

  it("les entrées d'un même jour gardent l'ordre où elles ont été écrites (la plus récente en haut)", async () => {
    const page = await (await callerFor(db(), french)).timeline.cooperation({
      cooperationId,
      from: "2024-05-02",
      to: "2024-05-02",
    });
    expect(page.items.map((i) => i.title)).toEqual([
      "Troisième : visite",
      "Deuxième : atelier",
      "Premier : comité technique",
    ]);
  });

  it("le CSV suit son paramètre lang : en-têtes, types, titres et détails en anglais ; français par défaut", async () => {
    const url = `/api/exports/timeline.csv?cooperationId=${cooperationId}`;
    const en = await get(`${url}&lang=en`, await cookieFor(db(), english));
    expect(en.statusCode).toBe(200);
    expect(en.body).toMatch(/^\uFEFFDate;Type;Title;Detail;Cooperation;Project;Territories\r\n/);
    expect(en.body).not.toMatch(FRENCH);
    const rows = readCsv(en.body);
    expect(rows.find((r) => r.Type === "Engagement form changed")).toMatchObject({
      Title: "New engagement form: Joint syndicate",
      Detail: "Reciprocity contract → Joint syndicate — Création du syndicat",
    });
    expect(rows.filter((r) => r.Type === "Meeting").map((r) => r.Title)).toEqual([
      "Troisième : visite",
      "Deuxième : atelier",
      "Premier : comité technique",
    ]);

    const fr = readCsv((await get(url, await cookieFor(db(), english))).body);
    expect(fr.find((r) => r.Type === "Changement de forme")).toMatchObject({
      Titre: "Nouvelle forme d'engagement : Syndicat mixte",
      Détail: "Contrat de réciprocité → Syndicat mixte — Création du syndicat",
    });
    // An action's notes fill the « Détail » column, and follow an edit.
    expect(fr.find((r) => r.Titre === "Deuxième : atelier")?.Détail).toBe("Compte rendu de « Deuxième : atelier »");
    expect((await get(`${url}&lang=de`, await cookieFor(db(), english))).statusCode).toBe(400);
  });

  it("une note modifiée remplace le détail de l'entrée", async () => {
    const admin = world.as.leadAdmin;
    const actions = await admin.action.list({ cooperationId });
    const first = actions.items.find((a) => a.title === "Premier : comité technique");
    if (!first) throw new Error("action missing");
    await admin.action.update({ id: first.id, version: first.version, notes: "Relevé de décisions" });
    const page = await (await callerFor(db(), french)).timeline.cooperation({ cooperationId, from: "2024-05-02" });
    expect(page.items.find((i) => i.actionId === first.id)?.detail).toMatchObject({ notes: "Relevé de décisions" });
  });

  it("l'agenda parle la langue de son propriétaire, ou celle que demande son adresse", async () => {
    const feed = await (await callerFor(db(), english)).calendar.create({ territoryId: world.lead.id });
    const summaries = async (path: string) => {
      const response = await get(path);
      expect(response.statusCode).toBe(200);
      const calendar = new ICAL.Component(ICAL.parse(response.body));
      return calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v).summary);
    };
    const en = await summaries(feed.path);
    expect(en).toContain("Meeting: Deuxième : atelier");
    expect(en.join("\n")).not.toMatch(/Réunion|Coopération/);
    const fr = await summaries(`${feed.path}?lang=fr`);
    expect(fr).toContain("Réunion : Deuxième : atelier");
  });
});
