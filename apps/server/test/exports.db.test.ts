import { createHash } from "node:crypto";
import { addDays, todayInFrance } from "@trame/core";
import { deleteMembership } from "@trame/db";
import { parse } from "csv-parse/sync";
import type { FastifyInstance } from "fastify";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSessionToken } from "../src/auth/session-token.ts";
import { buildApp } from "../src/http/app.ts";
import { failure } from "./support/expect-error.ts";
import { exportWorld } from "./support/export-fixtures.ts";
import { callerFor, makeTerritory, makeUser, type TestUser } from "./support/factories.ts";
import { makeApplication, makeProgramme } from "./support/funding-fixtures.ts";
import { strictIcsProblems } from "./support/ics-strict.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;
let app: FastifyInstance;

const get = (url: string, cookie?: string) => app.inject({ url, headers: cookie ? { cookie } : {} });

type CsvRow = Record<string, string>;
/** csv-parse, not our code, reads the file back: what a spreadsheet would see. */
function readCsv(body: string): CsvRow[] {
  return parse(body, { bom: true, delimiter: ";", columns: true });
}

let world: Awaited<ReturnType<typeof exportWorld>>;
beforeAll(async () => {
  app = await buildApp({ db: db(), logLevel: "silent" });
  world = await exportWorld(db());
});
afterAll(() => app?.close());

describe("export CSV de la frise", () => {
  it("s'ouvre dans un tableur français : BOM, point-virgule, CRLF, dates françaises, accents intacts", async () => {
    const response = await get(
      `/api/exports/timeline.csv?territoryId=${world.territories.orleans.id}`,
      world.partnerCookie,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers["content-disposition"]).toMatch(
      /^attachment; filename="frise-orleans-metropole-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(response.body).toMatch(/^\uFEFFDate;Type;Titre;Détail;Coopération;Projet;Territoires\r\n/);
    const rows = readCsv(response.body);
    expect(rows.map((r) => r.Date)).toEqual(["01/06/2024", "02/05/2024", "20/04/2024", "01/04/2024", "12/03/2024"]);
    const launch = rows.at(-1);
    expect(launch).toMatchObject({ Type: "Réunion", Titre: "Réunion de lancement à Orléans", Projet: "" });
    for (const name of ["Orléans", "Réunion", "Hérault"]) expect(launch?.Territoires).toContain(name);
    expect(rows.find((r) => r.Titre === "Atelier ; eau\npotable")?.Projet).toBe(world.open.title);
  });

  it("neutralise les formules : une cellule commençant par = est préfixée d'une apostrophe", async () => {
    const rows = readCsv(
      (await get(`/api/exports/timeline.csv?territoryId=${world.territories.orleans.id}`, world.partnerCookie)).body,
    );
    const formula = rows.find((r) => r.Titre?.includes("HYPERLINK"));
    expect(formula?.Titre).toBe(`'=HYPERLINK("http://exemple.invalid";"clic")`);
  });

  it("montre les entrées d'un projet réservé à ses partenaires, et à eux seuls", async () => {
    const url = `/api/exports/timeline.csv?territoryId=${world.territories.orleans.id}`;
    const partnerRows = readCsv((await get(url, world.partnerCookie)).body);
    expect(partnerRows.find((r) => r.Projet === world.restricted.title)).toMatchObject({
      Type: "Étape de projet",
      Détail: "Idée → Programmé — Délibération du conseil",
    });
    const outsiderBody = (await get(url, world.outsiderCookie)).body;
    expect(readCsv(outsiderBody)).toHaveLength(4);
    expect(outsiderBody).not.toContain(world.restricted.title);
    const hidden = await get(`/api/exports/timeline.csv?projectId=${world.restricted.id}`, world.outsiderCookie);
    expect(hidden.statusCode).toBe(404);
  });

  it("applique les filtres de la frise (types, période)", async () => {
    const url = `/api/exports/timeline.csv?cooperationId=${world.cooperation.id}&kinds=meeting,workshop&from=2024-04-01&to=2024-04-30`;
    const rows = readCsv((await get(url, world.partnerCookie)).body);
    expect(rows.map((r) => r.Date)).toEqual(["20/04/2024", "01/04/2024"]);
  });

  it("répond 400 en nommant les champs fautifs, et 401 sans session", async () => {
    const bad = await get(
      `/api/exports/timeline.csv?territoryId=nope&kinds=meeting,bogus&from=2024-13-01`,
      world.partnerCookie,
    );
    expect(bad.statusCode).toBe(400);
    const trame = bad.json().error.trame;
    expect(trame.code).toBe("BAD_REQUEST");
    expect(trame.fields.map((f: { field: string }) => f.field).sort()).toEqual(["from", "kinds.1", "territoryId"]);
    const noScope = (await get("/api/exports/timeline.csv", world.partnerCookie)).json().error.trame;
    expect(noScope.fields).toEqual([
      { field: "territoryId", message: expect.objectContaining({ fr: expect.stringContaining("exactement un") }) },
    ]);
    const anonymous = await get(`/api/exports/timeline.csv?territoryId=${world.territories.orleans.id}`);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.trame.code).toBe("UNAUTHORIZED");
  });
});

describe("export CSV des projets", () => {
  it("liste les projets en conventions françaises, sans les projets réservés pour un non-partenaire", async () => {
    const url = `/api/exports/projects.csv?cooperationId=${world.cooperation.id}`;
    const response = await get(url, world.partnerCookie);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-disposition"]).toMatch(/^attachment; filename="projets-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = readCsv(response.body);
    expect(rows.map((r) => r.Projet).sort()).toEqual([world.open.title, world.restricted.title].sort());
    expect(rows.find((r) => r.Projet === world.open.title)).toMatchObject({
      Coopération: world.cooperation.name,
      "Chef de file": world.territories.orleans.name,
      Statut: "En cours",
      Thèmes: "Eau, Alimentation",
      Début: "15/03/2021",
      "Budget (€)": "1234,50",
      Partenaires: "2",
      Archivé: "Non",
    });
    const outsiderRows = readCsv((await get(url, world.outsiderCookie)).body);
    expect(outsiderRows.map((r) => r.Projet)).toEqual([world.open.title]);
  });

  it("refuse un filtre invalide (400) et un visiteur anonyme (401)", async () => {
    const bad = await get("/api/exports/projects.csv?status=fini&includeArchived=peut-etre", world.partnerCookie);
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.trame.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(["includeArchived", "status"]);
    expect((await get("/api/exports/projects.csv")).statusCode).toBe(401);
  });
});

describe("agenda iCalendar d'un territoire", () => {
  const feedFor = async (user: TestUser) =>
    (await callerFor(db(), user)).calendar.create({ territoryId: world.territories.orleans.id });
  const events = async (path: string) => {
    const response = await get(path);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    const calendar = new ICAL.Component(ICAL.parse(response.body));
    return {
      lines: response.body.split("\r\n"),
      calendar,
      events: calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)),
    };
  };

  it("est lu par ical.js : un événement d'une journée par action ou étape de projet, UID stable, accents intacts", async () => {
    const feed = await feedFor(world.partner);
    expect(feed.path).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const { calendar, events: found, lines } = await events(feed.path);
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(calendar.getFirstPropertyValue("prodid")).toBe("-//Trame//FR");
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toContain(world.territories.orleans.name);
    const { launch, formula, workshop, secret } = world.entries;
    expect(found.map((e) => e.uid).sort()).toEqual(
      [launch, formula, workshop, secret].map((id) => `${id}@trame`).sort(),
    );
    const first = found.find((e) => e.uid === `${launch}@trame`);
    expect(first?.summary).toBe("Réunion : Réunion de lancement à Orléans");
    expect(first?.startDate.isDate).toBe(true);
    expect(first?.startDate.toString()).toBe("2024-03-12");
    expect(first?.description).toContain("Hérault");
    const again = await events(feed.path);
    expect(again.events.map((e) => e.uid)).toEqual(found.map((e) => e.uid));
  });

  it("est du RFC 5545 à la lettre : chaque ligne, la dernière comprise, finit par CRLF, octet par octet", async () => {
    const feed = await feedFor(world.partner);
    const bytes = (await get(feed.path)).rawPayload;
    expect([...bytes.subarray(-2)]).toEqual([0x0d, 0x0a]);
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0x0a) expect(bytes[i - 1], `LF at byte ${i}`).toBe(0x0d);
      if (bytes[i] === 0x0d) expect(bytes[i + 1], `CR at byte ${i}`).toBe(0x0a);
    }
    const { problems, calendar } = strictIcsProblems(bytes);
    expect(problems).toEqual([]);
    expect(calendar?.components.filter((c) => c.name === "VEVENT")).toHaveLength(4);
  });

  it("le lecteur strict signale un flux sans CRLF final ou mal plié", () => {
    const valid = Buffer.from(
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//T//FR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20261204T100000Z\r\nDTSTART;VALUE=DATE:20261204\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    );
    expect(strictIcsProblems(valid).problems).toEqual([]);
    expect(strictIcsProblems(valid.subarray(0, -2)).problems).toContain("the stream does not end with CRLF");
    const long = Buffer.from(valid.toString().replace("UID:a", `UID:${"a".repeat(80)}`));
    expect(strictIcsProblems(long).problems).toContain("line 5: longer than 75 octets");
  });

  it("suit les droits actuels de son créateur : sans partenariat, l'étape réservée disparaît", async () => {
    const outsiderFeed = await feedFor(world.outsider);
    expect((await events(outsiderFeed.path)).events).toHaveLength(3);
    // Still a member elsewhere: an account that belongs nowhere is refused everything (issue 13).
    const elsewhere = await makeTerritory(db());
    const leaving = await makeUser(db(), {
      memberships: [
        { territoryId: world.territories.herault.id, role: "viewer" },
        { territoryId: elsewhere.id, role: "viewer" },
      ],
    });
    const feed = await feedFor(leaving);
    expect((await events(feed.path)).events).toHaveLength(4);
    await deleteMembership(db(), leaving.id, world.territories.herault.id);
    const after = await events(feed.path);
    expect(after.events.map((e) => e.uid)).not.toContain(`${world.entries.secret}@trame`);
  });

  it("ne garde que l'empreinte du jeton, et un lien révoqué répond 404", async () => {
    const caller = await callerFor(db(), world.partner);
    const feed = await caller.calendar.create({ territoryId: world.territories.orleans.id });
    const token = feed.path.slice("/api/calendar/".length, -".ics".length);
    const stored = await db()
      .selectFrom("calendar_feeds")
      .selectAll()
      .where("id", "=", feed.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(stored)).not.toContain(token);
    const listed = await caller.calendar.list();
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(listed.find((f) => f.id === feed.id)).toMatchObject({
      revokedAt: null,
      territory: { id: world.territories.orleans.id },
    });

    const other = await callerFor(db(), world.outsider);
    expect((await failure(other.calendar.revoke({ id: feed.id }))).code).toBe("FORBIDDEN");
    const revoked = await caller.calendar.revoke({ id: feed.id });
    expect(revoked.revokedAt).not.toBeNull();
    expect((await get(feed.path)).statusCode).toBe(404);
    const audit = await db()
      .selectFrom("audit_log")
      .select("action")
      .where("entity_type", "=", "calendar_feed")
      .where("entity_id", "=", feed.id)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["created", "revoked"]);
  });

  it("porte les échéances ouvertes du territoire en journées entières, sans celles d'un projet réservé hors partenaires", async () => {
    const own = await exportWorld(db());
    const dsil = await makeProgramme(db(), { name: "DSIL", funderName: "Préfecture du Loiret", funderKind: "state" });
    const today = todayInFrance();
    const base = { applicantTerritoryId: own.territories.orleans.id, programmeId: dsil.id };
    const draft = await makeApplication(db(), {
      ...base,
      projectId: own.open.id,
      status: "draft",
      requestedCents: 100,
      submissionDeadline: addDays(today, 10),
    });
    const granted = await makeApplication(db(), {
      ...base,
      projectId: own.restricted.id,
      status: "granted",
      requestedCents: 100,
      grantedCents: 100,
      spendingDeadline: addDays(today, 40),
    });
    await makeApplication(db(), {
      ...base,
      projectId: own.open.id,
      status: "submitted",
      requestedCents: 100,
      submissionDeadline: addDays(today, 5),
    });
    const create = async (user: TestUser) =>
      (await callerFor(db(), user)).calendar.create({ territoryId: own.territories.orleans.id });

    const partnerEvents = (await events((await create(own.partner)).path)).events;
    const deadlines = partnerEvents.filter((e) => e.uid.startsWith("deadline-"));
    expect(deadlines.map((e) => e.uid).sort()).toEqual(
      [`deadline-${draft}-submission@trame`, `deadline-${granted}-spending@trame`].sort(),
    );
    expect(partnerEvents).toHaveLength(4 + 2);
    const filing = deadlines.find((e) => e.uid === `deadline-${draft}-submission@trame`);
    expect(filing?.startDate.isDate).toBe(true);
    expect(filing?.startDate.toString()).toBe(addDays(today, 10));
    expect(filing?.summary).toBe(`Date limite de dépôt : ${dsil.name}`);
    expect(filing?.description).toContain(`Projet : ${own.open.title}`);
    expect(filing?.description).toContain(`Demandeur : ${own.territories.orleans.name}`);

    const outsiderEvents = (await events((await create(own.outsider)).path)).events;
    expect(outsiderEvents.map((e) => e.uid)).toContain(`deadline-${draft}-submission@trame`);
    expect(outsiderEvents.map((e) => e.uid)).not.toContain(`deadline-${granted}-spending@trame`);
  });

  it("répond 404 à un jeton inconnu ou mal formé, sans session demandée", async () => {
    expect((await get(`/api/calendar/${newSessionToken()}.ics`)).statusCode).toBe(404);
    expect((await get("/api/calendar/court.ics")).statusCode).toBe(404);
    expect((await get(`/api/calendar/${newSessionToken()}`)).statusCode).toBe(404);
  });
});
