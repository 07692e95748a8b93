import { z } from "zod";
import { LOCALES } from "../enums/label.ts";
import { membershipRoleSchema } from "../enums/membership-role.ts";
import { emailSchema, idSchema, paginationSchema, requiredText, text } from "./common.ts";

/** Passwords are bounded above too: scrypt on a megabyte string is a cheap denial of service. */
const passwordSchema = z.string().min(12, "password.tooShort").max(200);

export const loginInputSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "text.blank").max(200),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

export const changePasswordInputSchema = z.object({
  currentPassword: z.string().min(1, "text.blank").max(200),
  newPassword: passwordSchema,
});

export const setLocaleInputSchema = z.object({ locale: z.enum(LOCALES) });

export const createUserInputSchema = z.object({
  email: emailSchema,
  name: requiredText(120),
  password: passwordSchema,
  isInstanceAdmin: z.boolean().default(false),
});
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
