import { findProConnectFlow, insertAccessRequest, insertProConnectFlow, setProConnectFlowIdentity } from "@trame/db";
import { describe, expect, it } from "vitest";
import { matchAgent, sirenOfSiret } from "../src/auth/proconnect-match.ts";
import { failure } from "./support/expect-error.ts";
import { callerFor, makeTerritory, makeUser, uniqueSiren } from "./support/factories.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;

async function makeCommune(territoryId: string, siren: string) {
  const insee = String(Math.floor(10_000 + Math.random() * 89_999));
  await db()
    .insertInto("communes")
    .values({ insee, name: `Commune ${insee}`, population: 1200, territory_id: territoryId, siren })
    .execute();
}

describe("ProConnect : qui est l'agent pour Trame", () => {
  it("un compte au même e-mail (casse ignorée) est reconnu, avant tout SIRET", async () => {
    const territory = await makeTerritory(db());
    const user = await makeUser(db());
    const match = await matchAgent(db(), { email: user.email.toUpperCase(), siret: `${territory.siren}00017` });
    expect(match).toEqual({ kind: "account", userId: user.id });
  });

  it("un compte désactivé n'est pas reconnu", async () => {
    const user = await makeUser(db());
    await db().updateTable("users").set({ disabled_at: new Date().toISOString() }).where("id", "=", user.id).execute();
    expect((await matchAgent(db(), { email: user.email, siret: "" })).kind).toBe("unknown");
  });

  it("sans compte, le SIREN d'un EPCI mène à lui ; celui d'une commune membre, à son EPCI", async () => {
    const epci = await makeTerritory(db());
    const direct = await matchAgent(db(), { email: "agent.epci@example.fr", siret: `${epci.siren}00025` });
    expect(direct).toEqual({
      kind: "territory",
      territory: { id: epci.id, name: epci.name, via: "territory", communeName: null },
    });
    const communeSiren = uniqueSiren();
    await makeCommune(epci.id, communeSiren);
    const viaCommune = await matchAgent(db(), { email: "agent.commune@example.fr", siret: `${communeSiren}00013` });
    expect(viaCommune.kind === "territory" && viaCommune.territory).toMatchObject({ id: epci.id, via: "commune" });
  });

  it("un SIRET inconnu, mal formé ou d'un territoire archivé ne mène nulle part", async () => {
    const archived = await makeTerritory(db());
    await db()
      .updateTable("territories")
      .set({ archived_at: new Date().toISOString() })
      .where("id", "=", archived.id)
      .execute();
    for (const siret of [`${uniqueSiren()}00011`, "123", "", `${archived.siren}00011`, "abcdefghijklmn"]) {
      expect((await matchAgent(db(), { email: "inconnu@example.fr", siret })).kind).toBe("unknown");
    }
    expect(sirenOfSiret("213 300 635 00017")).toBe("213300635");
  });

  it("le parcours en cours expire après 15 minutes", async () => {
    await insertProConnectFlow(db(), { idHash: "h-fresh", state: "s", nonce: "n", codeVerifier: "v" });
    await setProConnectFlowIdentity(db(), "h-fresh", {
      sub: "x",
      email: "a@example.fr",
      givenName: "A",
      usualName: "B",
      siret: "1",
      logoutUrl: null,
    });
    expect((await findProConnectFlow(db(), "h-fresh"))?.identity?.email).toBe("a@example.fr");
    await db()
      .updateTable("proconnect_flows")
      .set({ created_at: new Date(Date.now() - 16 * 60_000).toISOString() })
      .execute();
    expect(await findProConnectFlow(db(), "h-fresh")).toBeUndefined();
  });
});

describe("demandes d'accès", () => {
  it("une demande renvoyée n'en crée pas une seconde ; l'admin du territoire accepte avec un rôle, le compte naît", async () => {
    const territory = await makeTerritory(db());
    const request = {
      territoryId: territory.id,
      email: "nouvelle.agente@example.fr",
      name: "Nouvelle Agente",
      siret: `${territory.siren}00011`,
    };
    const first = await insertAccessRequest(db(), request);
    const again = await insertAccessRequest(db(), request);
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });

    const admin = await callerFor(
      db(),
      await makeUser(db(), { memberships: [{ territoryId: territory.id, role: "admin" }] }),
    );
    const otherAdmin = await callerFor(
      db(),
      await makeUser(db(), { memberships: [{ territoryId: (await makeTerritory(db())).id, role: "admin" }] }),
    );
    const editor = await callerFor(
      db(),
      await makeUser(db(), { memberships: [{ territoryId: territory.id, role: "editor" }] }),
    );
    expect((await admin.accessRequest.pending()).map((r) => r.id)).toEqual([first.id]);
    expect(await otherAdmin.accessRequest.pending()).toEqual([]);
    expect((await failure(editor.accessRequest.pending())).code).toBe("FORBIDDEN");
    // Another territory's admin cannot decide it, nor learn it exists.
    expect((await failure(otherAdmin.accessRequest.decide({ id: first.id, decision: "refuse" }))).code).toBe(
      "NOT_FOUND",
    );

    const accepted = await admin.accessRequest.decide({ id: first.id, decision: "accept", role: "editor" });
    expect(accepted).toMatchObject({ status: "accepted", role: "editor" });
    // A retry of the same decision writes nothing more; a different one is refused.
    const audits = async () =>
      (await db().selectFrom("audit_log").select("id").where("entity_id", "=", first.id).execute()).length;
    expect(await audits()).toBe(1);
    expect(await admin.accessRequest.decide({ id: first.id, decision: "accept", role: "editor" })).toEqual(accepted);
    expect(await audits()).toBe(1);
    expect((await failure(admin.accessRequest.decide({ id: first.id, decision: "refuse" }))).code).toBe("CONFLICT");

    const match = await matchAgent(db(), { email: request.email, siret: request.siret });
    expect(match).toEqual({ kind: "account", userId: accepted.userId });
    const membership = await db()
      .selectFrom("memberships")
      .select("role")
      .where("user_id", "=", accepted.userId as string)
      .where("territory_id", "=", territory.id)
      .executeTakeFirst();
    expect(membership?.role).toBe("editor");
    expect(await admin.accessRequest.pending()).toEqual([]);
  });

  it("un refus ferme la demande sans créer de compte ; l'agent peut redemander ensuite", async () => {
    const territory = await makeTerritory(db());
    const request = {
      territoryId: territory.id,
      email: "refusee@example.fr",
      name: "Refusée",
      siret: `${territory.siren}00011`,
    };
    const { id } = await insertAccessRequest(db(), request);
    const instanceAdmin = await callerFor(db(), await makeUser(db(), { isInstanceAdmin: true }));
    expect(await instanceAdmin.accessRequest.decide({ id, decision: "refuse" })).toMatchObject({
      status: "refused",
      userId: null,
    });
    expect((await matchAgent(db(), request)).kind).toBe("territory");
    expect((await insertAccessRequest(db(), request)).created).toBe(true);
  });

  it("accepter sans rôle est refusé avec le champ en cause", async () => {
    const admin = await callerFor(db(), await makeUser(db(), { isInstanceAdmin: true }));
    const refused = await failure(
      admin.accessRequest.decide({ id: "0b6f1c1e-4a7d-4f6e-9a55-3f1d2c8e7b10", decision: "accept" } as never),
    );
    expect(refused.code).toBe("BAD_REQUEST");
  });
});
