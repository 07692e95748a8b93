import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { failure, fieldsOf } from "./support/expect-error.ts";
import { callerFor, makeUser, TEST_PASSWORD } from "./support/factories.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;
const serverDir = fileURLToPath(new URL("../", import.meta.url));

/** Passwords the attacker got accepted, and their kin: each must be refused with its reason. */
const WEAK = [
  ["            ", "caractères répétés"],
  ["aaaaaaaaaaaa", "caractères répétés"],
  ["motdepasse123", "trop facile à deviner"],
  ["azertyuiop12", "touches voisines"],
  ["password1234", "trop courant"],
] as const;

describe("passwords easy to guess are refused wherever a password is set (issue 13, item 7)", () => {
  it.each(WEAK)(
    "admin.createUser refuses %j on the password field, saying why in French and English",
    async (password, why) => {
      const admin = await callerFor(db(), await makeUser(db(), { isInstanceAdmin: true }));
      const email = `faible.${Math.random().toString(36).slice(2)}@example.fr`;
      const refused = await failure(admin.admin.createUser({ email, name: "Compte faible", password }));
      expect(refused.code).toBe("BAD_REQUEST");
      expect(fieldsOf(refused.payload)).toEqual(["password"]);
      expect(refused.payload.fields[0]?.message.fr).toContain(why);
      expect(refused.payload.fields[0]?.message.en).toMatch(/\w/);
      expect(await db().selectFrom("users").select("id").where("email", "=", email).executeTakeFirst()).toBeUndefined();
    },
  );

  it("admin.createUser refuses a password built on the new account's own e-mail", async () => {
    const admin = await callerFor(db(), await makeUser(db(), { isInstanceAdmin: true }));
    const refused = await failure(
      admin.admin.createUser({ email: "claire.martin@lyon.fr", name: "Claire Martin", password: "claire.martin1" }),
    );
    expect(refused.payload.fields[0]).toEqual({
      field: "password",
      message: expect.objectContaining({ en: expect.stringContaining("name or e-mail") }),
    });
  });

  it("auth.changePassword refuses a weak new password (the old one keeps working) and one built on the user's name", async () => {
    const user = await makeUser(db());
    const caller = await callerFor(db(), user);
    for (const [password] of WEAK) {
      const refused = await failure(
        caller.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: password }),
      );
      expect(refused.code).toBe("BAD_REQUEST");
      expect(fieldsOf(refused.payload)).toEqual(["newPassword"]);
    }
    const ownEmail = `${user.email.split("@")[0]}1`;
    const personal = await failure(
      caller.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: ownEmail }),
    );
    expect(personal.payload.fields[0]?.message.fr).toContain("nom ou l'adresse e-mail");
    const anonymous = await callerFor(db(), null, "10.13.7.1");
    await expect(anonymous.auth.login({ email: user.email, password: TEST_PASSWORD })).resolves.toBeTruthy();
    await caller.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "Rivière-Lente-Hibou-42" });
    await expect(anonymous.auth.login({ email: user.email, password: "Rivière-Lente-Hibou-42" })).resolves.toBeTruthy();
  });

  it("pnpm trame create-admin refuses a weak TRAME_ADMIN_PASSWORD and creates nothing", async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), "trame-weak-admin-")), "pglite");
    try {
      const { DATABASE_URL: _url, ...inherited } = process.env;
      const child = spawn(
        process.execPath,
        ["--import", "tsx", "src/cli.ts", "create-admin", "--email", "chef@example.fr", "--name", "Chef"],
        {
          cwd: serverDir,
          env: { ...inherited, TRAME_DATA_DIR: dataDir, TRAME_ADMIN_PASSWORD: "aaaaaaaaaaaa" },
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
      expect(code).not.toBe(0);
      expect(output).toContain("password: Mot de passe fait de caractères répétés");
      expect(output).toContain("This password repeats characters");
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      await rm(join(dataDir, ".."), { recursive: true, force: true });
    }
  }, 60_000);
});
