import { describe, expect, it } from "vitest";
import { sampleFiles, useDocumentApp } from "./support/document-fixtures.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const env = useDocumentApp(testDb);

interface Entry {
  kind: string;
  title: string;
  detail: Record<string, unknown>;
  project: { id: string } | null;
}

async function territoryTimeline(cookie: string, territoryId: string): Promise<Entry[]> {
  const input = encodeURIComponent(JSON.stringify({ territoryId }));
  const response = await env.app.inject({ url: `/trpc/timeline.territory?input=${input}`, headers: { cookie } });
  expect(response.statusCode).toBe(200);
  return response.json().result.data.items;
}

const documentEntries = async (cookie: string, territoryId: string) =>
  (await territoryTimeline(cookie, territoryId)).filter((entry) => entry.kind === "document_added");

async function upload(owner: { projectId: string } | { actionId: string }, name: string): Promise<string> {
  const response = await env.http.uploadFile(env.world.as.leadEditor, owner, { name, content: sampleFiles.pdf() });
  expect(response.statusCode).toBe(201);
  return response.json().id;
}

async function timelineCsv(cookie: string, lang: "fr" | "en"): Promise<string> {
  const url = `/api/exports/timeline.csv?cooperationId=${env.world.cooperationId}&lang=${lang}`;
  const response = await env.app.inject({ url, headers: { cookie } });
  expect(response.statusCode).toBe(200);
  return response.body;
}

describe("les documents joints figurent dans la frise", () => {
  it("un document joint à une action apparaît sur la frise de chaque territoire de l'action, dans la langue du lecteur", async () => {
    const id = await upload({ actionId: env.world.ids.networkActionId }, "Compte rendu du copil.pdf");
    for (const territory of [env.world.territories.lead, env.world.territories.partner]) {
      const entries = await documentEntries(env.world.as.partnerViewer, territory.id);
      const entry = entries.find((e) => (e.detail.document as { id: string }).id === id);
      expect(entry?.title.replace(/\s/g, " ")).toBe("Document ajouté : Compte rendu du copil.pdf");
      expect(entry?.project?.id).toBe(env.world.ids.networkProjectId);
    }
    const english = await timelineCsv(env.world.as.partnerViewer, "en");
    expect(english).toContain("Document added: Compte rendu du copil.pdf");
    expect(english).toContain("Attached to the action “Comité de pilotage”");
    const french = (await timelineCsv(env.world.as.partnerViewer, "fr")).replace(/\s/g, " ");
    expect(french).toContain("Document ajouté : Compte rendu du copil.pdf");
    expect(french).toContain("Joint à l'action « Comité de pilotage »");
  });

  it("un document du projet restreint reste caché à qui ne voit pas le projet", async () => {
    const id = await upload({ projectId: env.world.ids.restrictedProjectId }, "Budget confidentiel.pdf");
    const seen = (entries: Entry[]) => entries.some((e) => (e.detail.document as { id: string }).id === id);
    expect(seen(await documentEntries(env.world.as.partnerViewer, env.world.territories.partner.id))).toBe(true);
    expect(seen(await documentEntries(env.world.as.outsiderViewer, env.world.territories.partner.id))).toBe(false);
    expect(await timelineCsv(env.world.as.outsiderViewer, "fr")).not.toContain("Budget confidentiel");
  });

  it("un document retiré quitte la frise, et ceux d'une action retirée aussi", async () => {
    const removed = await upload({ projectId: env.world.ids.networkProjectId }, "Version périmée.pdf");
    const kept = await upload({ projectId: env.world.ids.networkProjectId }, "Version signée.pdf");
    const onAction = await upload({ actionId: env.world.ids.cooperationActionId }, "Feuille d'émargement.pdf");
    const ids = async () =>
      (await documentEntries(env.world.as.leadEditor, env.world.territories.lead.id)).map(
        (e) => (e.detail.document as { id: string }).id,
      );
    expect(await ids()).toEqual(expect.arrayContaining([removed, kept, onAction]));

    const removal = await env.app.inject({
      method: "DELETE",
      url: `/api/documents/${removed}`,
      headers: { cookie: env.world.as.leadEditor },
    });
    expect(removal.statusCode).toBe(204);
    const action = await testDb()
      .db.selectFrom("actions")
      .select("version")
      .where("id", "=", env.world.ids.cooperationActionId)
      .executeTakeFirstOrThrow();
    const actionRemoval = await env.app.inject({
      method: "POST",
      url: "/trpc/action.remove",
      headers: { "content-type": "application/json", cookie: env.world.as.leadEditor },
      payload: JSON.stringify({ id: env.world.ids.cooperationActionId, version: action.version }),
    });
    expect(actionRemoval.statusCode).toBe(200);

    const after = await ids();
    expect(after).toContain(kept);
    expect(after).not.toContain(removed);
    expect(after).not.toContain(onAction);
  });

  it("une action renommée emporte ses documents : la frise dit son nouveau nom", async () => {
    const id = await upload({ actionId: env.world.ids.networkActionId }, "Feuille de présence.pdf");
    const action = await testDb()
      .db.selectFrom("actions")
      .select("version")
      .where("id", "=", env.world.ids.networkActionId)
      .executeTakeFirstOrThrow();
    const renamed = await env.app.inject({
      method: "POST",
      url: "/trpc/action.update",
      headers: { "content-type": "application/json", cookie: env.world.as.leadEditor },
      payload: JSON.stringify({ id: env.world.ids.networkActionId, version: action.version, title: "Copil mobilité" }),
    });
    expect(renamed.statusCode).toBe(200);
    const entries = await documentEntries(env.world.as.partnerViewer, env.world.territories.partner.id);
    const entry = entries.find((e) => (e.detail.document as { id: string }).id === id);
    expect(entry?.detail.action).toEqual({ id: env.world.ids.networkActionId, title: "Copil mobilité" });
    expect(await timelineCsv(env.world.as.partnerViewer, "fr")).toContain("Joint à l'action « Copil mobilité »");
  });
});
