import { type Database, insertSession, type Kysely, sql, upsertMembership } from "@trame/db";
import { hashSessionToken, newSessionToken } from "@trame/server/src/auth/session-token.ts";

export interface SimulatedUser {
  token: string;
  territoryId: string;
  projectId: string;
}

/**
 * Simulated users, two per project so that their edits really collide: each an editor of the
 * project's lead territory, with a live session.
 */
export async function simulatedUsers(
  db: Kysely<Database>,
  count: number,
  passwordHash: string,
): Promise<SimulatedUser[]> {
  const projects = await sql<{ project_id: string; territory_id: string }>`
    select pp.project_id, pp.territory_id from project_partners pp join projects p on p.id = pp.project_id
    where pp.role = 'lead' and p.archived_at is null order by pp.project_id limit ${Math.ceil(count / 2)}`.execute(db);
  const users: SimulatedUser[] = [];
  for (let i = 0; i < count; i++) {
    const project = projects.rows[Math.floor(i / 2) % projects.rows.length];
    if (!project) throw new Error("the dataset has no project");
    const { id } = await db
      .insertInto("users")
      .values({
        email: `load-${i}-${Date.now()}@bench.trame.fr`,
        name: `Utilisateur simulé ${i}`,
        password_hash: passwordHash,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await upsertMembership(db, { userId: id, territoryId: project.territory_id, role: "editor" });
    const token = newSessionToken();
    await insertSession(db, {
      tokenHash: hashSessionToken(token),
      userId: id,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    users.push({ token, territoryId: project.territory_id, projectId: project.project_id });
  }
  return users;
}
