import { describe, expect, it } from "vitest";
import { multipart, sampleFiles, trameError, useDocumentApp } from "./support/document-fixtures.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const env = useDocumentApp(testDb);

/** Who may attach, read and remove: always decided from the stored partners and members. */
describe("documents joints : droits", () => {
  it("sans session : 401 au dépôt, au téléchargement et à la suppression", async () => {
    const created = await env.http.uploadFile(
      env.world.as.leadEditor,
      { projectId: env.world.ids.networkProjectId },
      { name: "a.pdf", content: sampleFiles.pdf() },
    );
    const id = created.json().id;
    const anonymous = await env.http.uploadFile(
      null,
      { projectId: env.world.ids.networkProjectId },
      { name: "a.pdf", content: sampleFiles.pdf() },
    );
    expect(anonymous.statusCode).toBe(401);
    expect(trameError(anonymous).code).toBe("UNAUTHORIZED");
    expect((await env.http.download(null, id)).statusCode).toBe(401);
    expect((await env.app.inject({ method: "DELETE", url: `/api/documents/${id}` })).statusCode).toBe(401);
  });

  it("un éditeur d'un autre territoire ne peut pas joindre de document au projet ni à ses actions", async () => {
    const file = { name: "a.pdf", content: sampleFiles.pdf() };
    const onProject = await env.http.uploadFile(
      env.world.as.outsiderEditor,
      { projectId: env.world.ids.networkProjectId },
      file,
    );
    expect(onProject.statusCode).toBe(403);
    expect(trameError(onProject).code).toBe("FORBIDDEN");
    expect(
      (await env.http.uploadFile(env.world.as.outsiderEditor, { actionId: env.world.ids.networkActionId }, file))
        .statusCode,
    ).toBe(403);
    expect(
      (await env.http.uploadFile(env.world.as.outsiderEditor, { actionId: env.world.ids.cooperationActionId }, file))
        .statusCode,
    ).toBe(403);
    expect(
      (await env.http.uploadFile(env.world.as.partnerViewer, { projectId: env.world.ids.networkProjectId }, file))
        .statusCode,
    ).toBe(403);
    // A restricted project does not exist for outsiders, even to say "forbidden".
    expect(
      (await env.http.uploadFile(env.world.as.outsiderEditor, { projectId: env.world.ids.restrictedProjectId }, file))
        .statusCode,
    ).toBe(404);
    expect(
      (await env.http.uploadFile(env.world.as.partnerEditor, { actionId: env.world.ids.cooperationActionId }, file))
        .statusCode,
    ).toBe(201);
  });

  it("un lecteur d'un autre territoire ne voit ni ne télécharge les documents d'un projet réservé", async () => {
    const created = await env.http.uploadFile(
      env.world.as.leadEditor,
      { projectId: env.world.ids.restrictedProjectId },
      { name: "Confidentiel.pdf", content: sampleFiles.pdf() },
    );
    const id = created.json().id;
    const refused = await env.http.download(env.world.as.outsiderViewer, id);
    expect(refused.statusCode).toBe(404);
    expect(refused.body).not.toContain("%PDF");
    expect(
      (await env.http.list(env.world.as.outsiderViewer, { projectId: env.world.ids.restrictedProjectId })).statusCode,
    ).toBe(404);
    expect((await env.http.download(env.world.as.partnerViewer, id)).statusCode).toBe(200);
    expect(
      (await env.http.download(env.world.as.partnerViewer, "00000000-0000-4000-8000-000000000000")).statusCode,
    ).toBe(404);
    expect((await env.http.download(env.world.as.partnerViewer, "pas-un-id")).statusCode).toBe(404);
  });

  it("refuse un dépôt ou une suppression venant d'une autre origine", async () => {
    const body = await multipart([
      ["projectId", env.world.ids.networkProjectId],
      ["file", { name: "a.pdf", content: sampleFiles.pdf() }],
    ]);
    const crossSite = await env.http.upload(env.world.as.leadEditor, body, { origin: "https://evil.example" });
    expect(crossSite.statusCode).toBe(403);
    expect(trameError(crossSite).message.fr).toContain("ne vient pas de Trame");
    expect((await env.http.upload(env.world.as.leadEditor, body, { origin: "null" })).statusCode).toBe(403);
    const sameOrigin = await env.http.upload(env.world.as.leadEditor, body, { origin: "http://localhost:80" });
    expect(sameOrigin.statusCode).toBe(201);
    const removal = await env.app.inject({
      method: "DELETE",
      url: `/api/documents/${sameOrigin.json().id}`,
      headers: { cookie: env.world.as.leadEditor, origin: "https://evil.example" },
    });
    expect(removal.statusCode).toBe(403);
  });

  it("un éditeur partenaire retire un document : il disparaît, la ligne et l'historique restent", async () => {
    const created = await env.http.uploadFile(
      env.world.as.leadEditor,
      { actionId: env.world.ids.restrictedActionId },
      { name: "a.pdf", content: sampleFiles.pdf() },
    );
    const id = created.json().id;
    const remove = (cookie: string) =>
      env.app.inject({ method: "DELETE", url: `/api/documents/${id}`, headers: { cookie } });
    expect((await remove(env.world.as.outsiderEditor)).statusCode).toBe(404);
    expect((await remove(env.world.as.partnerViewer)).statusCode).toBe(403);
    expect((await remove(env.world.as.partnerEditor)).statusCode).toBe(204);
    expect((await remove(env.world.as.partnerEditor)).statusCode).toBe(404);
    expect((await env.http.download(env.world.as.partnerViewer, id)).statusCode).toBe(404);
    const listed = await env.http.list(env.world.as.partnerViewer, { actionId: env.world.ids.restrictedActionId });
    expect((listed.json().result.data as Array<{ id: string }>).map((d) => d.id)).not.toContain(id);
    const row = await testDb()
      .db.selectFrom("documents")
      .select("removed_at")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.removed_at).not.toBeNull();
    const actions = await testDb()
      .db.selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", id)
      .orderBy("id")
      .execute();
    expect(actions.map((a) => a.action)).toEqual(["uploaded", "removed"]);
  });
});
