import type { Migration } from "kysely/migration";
import * as createFoundation from "./2026_11_26_000001_create_foundation.ts";
import * as createProjectsActionsTimeline from "./2026_11_26_000002_create_projects_actions_timeline.ts";
import * as createFunding from "./2026_11_26_000003_create_funding.ts";
import * as addTimelineSequence from "./2026_11_26_000004_add_timeline_sequence.ts";
import * as territoryTotals from "./2026_11_26_000005_territory_totals.ts";
import * as storeEntryTerritories from "./2026_11_26_000006_store_entry_territories.ts";
import * as notifySessionChanges from "./2026_11_26_000007_notify_session_changes.ts";
import * as copyNamesOnEntries from "./2026_11_26_000008_copy_names_on_entries.ts";
import * as addSeedMarks from "./2026_12_04_190001_add_seed_marks.ts";
import * as hardenSessions from "./2026_12_05_130001_harden_sessions.ts";
import * as idempotencyKeys from "./2026_12_05_130002_idempotency_keys.ts";
import * as proconnect from "./2026_12_05_145001_proconnect.ts";
import * as territoryContiguity from "./2026_12_05_160001_territory_contiguity.ts";
import * as timelineEntryXact from "./2026_12_05_170001_timeline_entry_xact.ts";
import * as mailOutbox from "./2026_12_06_140001_mail_outbox.ts";
import * as invitations from "./2026_12_06_140002_invitations.ts";
import * as passwordResets from "./2026_12_06_140003_password_resets.ts";
import * as spreadsheetImports from "./2026_12_06_180001_spreadsheet_imports.ts";
import * as followsNotifications from "./2026_12_07_210001_follows_notifications.ts";
import * as remindersAndMailPreferences from "./2026_12_07_220001_reminders_and_mail_preferences.ts";
import * as notificationMailsDigests from "./2026_12_07_220002_notification_mails_digests.ts";
import * as timelineFacts from "./2026_12_07_250001_timeline_facts.ts";
import * as documentChunks from "./2026_12_08_300001_document_chunks.ts";
import * as concernedFundingTotals from "./2026_12_08_310001_concerned_funding_totals.ts";
import * as totalsPartnerIds from "./2026_12_08_320001_totals_partner_ids.ts";
import * as applicationConcerns from "./2026_12_08_330001_application_concerns.ts";
import * as applicationsByStatus from "./2026_12_08_330002_applications_by_status.ts";
import * as concernsCheckInLinearTime from "./2026_12_08_340001_concerns_check_in_linear_time.ts";

/** Listed by hand rather than read from disk, so bundlers and test runners see every migration. */
export const migrations: Record<string, Migration> = {
  "2026_11_26_000001_create_foundation": createFoundation,
  "2026_11_26_000002_create_projects_actions_timeline": createProjectsActionsTimeline,
  "2026_11_26_000003_create_funding": createFunding,
  "2026_11_26_000004_add_timeline_sequence": addTimelineSequence,
  "2026_11_26_000005_territory_totals": territoryTotals,
  "2026_11_26_000006_store_entry_territories": storeEntryTerritories,
  "2026_11_26_000007_notify_session_changes": notifySessionChanges,
  "2026_11_26_000008_copy_names_on_entries": copyNamesOnEntries,
  "2026_12_04_190001_add_seed_marks": addSeedMarks,
  "2026_12_05_130001_harden_sessions": hardenSessions,
  "2026_12_05_130002_idempotency_keys": idempotencyKeys,
  "2026_12_05_145001_proconnect": proconnect,
  "2026_12_05_160001_territory_contiguity": territoryContiguity,
  "2026_12_05_170001_timeline_entry_xact": timelineEntryXact,
  "2026_12_06_140001_mail_outbox": mailOutbox,
  "2026_12_06_140002_invitations": invitations,
  "2026_12_06_140003_password_resets": passwordResets,
  "2026_12_06_180001_spreadsheet_imports": spreadsheetImports,
  "2026_12_07_210001_follows_notifications": followsNotifications,
  "2026_12_07_220001_reminders_and_mail_preferences": remindersAndMailPreferences,
  "2026_12_07_220002_notification_mails_digests": notificationMailsDigests,
  "2026_12_07_250001_timeline_facts": timelineFacts,
  "2026_12_08_300001_document_chunks": documentChunks,
  "2026_12_08_310001_concerned_funding_totals": concernedFundingTotals,
  "2026_12_08_320001_totals_partner_ids": totalsPartnerIds,
  "2026_12_08_330001_application_concerns": applicationConcerns,
  "2026_12_08_330002_applications_by_status": applicationsByStatus,
  "2026_12_08_340001_concerns_check_in_linear_time": concernsCheckInLinearTime,
};
