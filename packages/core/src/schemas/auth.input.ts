import { z } from "zod";
import { LOCALES } from "../enums/label.ts";
import { membershipRoleSchema } from "../enums/membership-role.ts";
import { judgePassword } from "../rules/password-strength.rules.ts";
import { emailSchema, idSchema, paginationSchema, requiredText, text } from "./common.ts";

/** Passwords are bounded above too: scrypt on a megabyte string is a cheap denial of service. */
export const passwordSchema = z.string().min(12, "password.tooShort").max(200);

const inBounds = (password: string) => password.length >= 12 && password.length <= 200;

/**
 * Refuses a password that is easy to guess (zxcvbn score below 3, with French and common-password
 * dictionaries), saying why. `userInputs`: the account's e-mail and name.
 * Asynchronous (the dictionaries load on first use): parse with `parseAsync` / `safeParseAsync`.
 */
export async function refuseGuessable(password: string, userInputs: string[], ctx: z.RefinementCtx, path: string[]) {
  if (!inBounds(password)) return; // the length rule already said why
  const verdict = await judgePassword(password, userInputs);
  if (!verdict.acceptable) ctx.addIssue({ code: "custom", path, message: verdict.reason ?? "password.weak" });
}

export const loginInputSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "text.blank").max(200),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

/** The server checks the new password against the account's name and e-mail too (auth.changePassword). */
export const changePasswordInputSchema = z.object({
  currentPassword: z.string().min(1, "text.blank").max(200),
  newPassword: passwordSchema.superRefine((password, ctx) => refuseGuessable(password, [], ctx, [])),
});

/** Forgotten password: the address only; the answer never says whether it has an account. */
export const requestPasswordResetInputSchema = z.object({ email: emailSchema });

/**
 * The link's secret (43 characters of base64url as issued; bounded anyway) and the new password,
 * judged alone here; the server judges it again against the account's name and e-mail.
 */
export const resetPasswordInputSchema = z.object({
  token: z.string().trim().min(20, "link.invalid").max(200, "link.invalid"),
  password: passwordSchema.superRefine((password, ctx) => refuseGuessable(password, [], ctx, [])),
});
export type ResetPasswordInput = z.infer<typeof resetPasswordInputSchema>;

export const setLocaleInputSchema = z.object({ locale: z.enum(LOCALES) });

export const createUserInputSchema = z
  .object({
    email: emailSchema,
    name: requiredText(120),
    password: passwordSchema,
    isInstanceAdmin: z.boolean().default(false),
  })
  .superRefine((input, ctx) => refuseGuessable(input.password, [input.email, input.name], ctx, ["password"]));
export type CreateUserInput = z.infer<typeof createUserInputSchema>;

/** The account list of the administration screens, filtered by a part of the name or of the e-mail. */
export const listUsersInputSchema = paginationSchema.extend({ query: text(120).default("") });
export type ListUsersInput = z.infer<typeof listUsersInputSchema>;

export const setMembershipInputSchema = z.object({
  userId: idSchema,
  territoryId: idSchema,
  role: membershipRoleSchema,
});
export type SetMembershipInput = z.infer<typeof setMembershipInputSchema>;

export const removeMembershipInputSchema = z.object({ userId: idSchema, territoryId: idSchema });

/** An account an administrator acts on (disable, enable, end sessions, require a new password). */
export const accountInputSchema = z.object({ userId: idSchema });
export type AccountInput = z.infer<typeof accountInputSchema>;

/** One of the user's own sessions, by its public id. */
export const sessionIdInputSchema = z.object({ id: idSchema });

/** One message of the mail outbox, read by an instance administrator. */
export const mailMessageInputSchema = z.object({ id: idSchema });
