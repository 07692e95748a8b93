import { z } from "zod";
import { LOCALES } from "../enums/label.ts";
import { membershipRoleSchema } from "../enums/membership-role.ts";
import { passwordSchema, refuseGuessable } from "./auth.input.ts";
import { emailSchema, idSchema, requiredText } from "./common.ts";

/** An administrator invites an address with a role on a territory, in the language the invitee reads. */
export const inviteInputSchema = z.object({
  territoryId: idSchema,
  email: emailSchema,
  role: membershipRoleSchema,
  locale: z.enum(LOCALES).default("fr"),
});
export type InviteInput = z.infer<typeof inviteInputSchema>;

export const invitationIdInputSchema = z.object({ id: idSchema });

/** The secret of an invitation or reset link (43 characters of base64url as issued; bounded anyway). */
export const linkTokenSchema = z.string().trim().min(20, "link.invalid").max(200, "link.invalid");

export const invitationTokenInputSchema = z.object({ token: linkTokenSchema });

/** Judged with the name typed; the server judges it again against the invited e-mail. */
export const acceptInvitationInputSchema = z
  .object({
    token: linkTokenSchema,
    name: requiredText(120),
    password: passwordSchema,
  })
  .superRefine((input, ctx) => refuseGuessable(input.password, [input.name], ctx, ["password"]));
export type AcceptInvitationInput = z.infer<typeof acceptInvitationInputSchema>;
