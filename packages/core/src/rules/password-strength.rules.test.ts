import { describe, expect, it } from "vitest";
import { fieldErrorsFromZod } from "../errors/zod-issues.ts";
import { changePasswordInputSchema, createUserInputSchema } from "../schemas/auth.input.ts";
import { judgePassword } from "./password-strength.rules.ts";

const user = { email: "claire.martin@lyon.fr", name: "Claire Martin", isInstanceAdmin: false };

async function refusal(password: string) {
  const parsed = await createUserInputSchema.safeParseAsync({ ...user, password });
  return parsed.success ? null : fieldErrorsFromZod(parsed.error);
}

describe("password strength (zxcvbn, French and common dictionaries)", () => {
  it.each([
    ["twelve spaces", "            ", "password.repeated"],
    ["one letter repeated", "aaaaaaaaaaaa", "password.repeated"],
    ["a common French password", "motdepasse123", "password.weak"],
    ["a keyboard row", "azertyuiop12", "password.keyboard"],
    ["a common password", "password1234", "password.common"],
    ["a sequence", "0123456789ab", "password.sequence"],
    ["a French word and a year", "soleil123456", "password.weak"],
    ["the account's own name", "claire.martin1", "password.personal"],
  ])("refuses %s with its reason", async (_label, password, reason) => {
    const verdict = await judgePassword(password, [user.email, user.name]);
    expect(verdict.acceptable).toBe(false);
    expect(verdict.score).toBeLessThan(3);
    expect(verdict.reason).toBe(reason);
  });

  it.each(["Rivière-Lente-Hibou-42", "correct horse battery staple", "Vf8#kq2!Lm9z"])(
    "accepts %s",
    async (password) => {
      const verdict = await judgePassword(password, [user.email, user.name]);
      expect(verdict).toMatchObject({ acceptable: true, reason: null });
      expect(verdict.score).toBeGreaterThanOrEqual(3);
    },
  );

  it("estimates a 200-character password in bounded time (only its first 50 characters)", async () => {
    await judgePassword("warm-up the dictionaries");
    const random = Array.from({ length: 200 }, (_, i) => String.fromCharCode(33 + ((i * 7919) % 90))).join("");
    const started = performance.now();
    await judgePassword(random);
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it("account creation refuses a guessable password on the password field, in French and English", async () => {
    expect(await refusal("aaaaaaaaaaaa")).toEqual([
      {
        field: "password",
        message: {
          fr: expect.stringContaining("caractères répétés"),
          en: expect.stringContaining("repeats characters"),
        },
      },
    ]);
    expect(await refusal("claire.martin@lyon.fr")).toEqual([
      { field: "password", message: expect.objectContaining({ en: expect.stringContaining("name or e-mail") }) },
    ]);
    expect(await refusal("Rivière-Lente-Hibou-42")).toBeNull();
  });

  it("a too-short password gets the length reason alone", async () => {
    expect((await refusal("abc"))?.map((e) => e.message.en)).toEqual([
      "The password must be at least 12 characters long",
    ]);
  });

  it("the new password of a password change is judged too", async () => {
    const parsed = await changePasswordInputSchema.safeParseAsync({
      currentPassword: "anything",
      newPassword: "motdepasse123",
    });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(fieldErrorsFromZod(parsed.error)[0]?.field).toBe("newPassword");
  });
});
