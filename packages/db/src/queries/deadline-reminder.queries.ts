import type { Locale } from "@trame/core";
import { type Kysely, sql, type Transaction } from "kysely";
import type { Database, ReminderDeadlineKind, ReminderOffset } from "../schema.ts";

/** Reminders are given 30, 7 and 1 days before a deadline. */
export const REMINDER_OFFSETS: readonly ReminderOffset[] = [30, 7, 1];

/** The reminder a deadline `daysLeft` away is due for: the smallest offset not below it. */
export function reminderOffsetFor(daysLeft: number): ReminderOffset | null {
  if (daysLeft < 0 || daysLeft > 30) return null;
  return daysLeft <= 1 ? 1 : daysLeft <= 7 ? 7 : 30;
}

export interface DueReminder {
  applicationId: string;
  kind: ReminderDeadlineKind;
  deadlineOn: string;
  daysLeft: number;
  offset: ReminderOffset;
  projectId: string;
  projectTitle: string;
  programmeName: string;
  funderName: string;
  applicantName: string;
  userId: string;
  email: string;
  name: string;
  locale: Locale;
}

/**
 * Every reminder due on `today` (Paris date) and not given yet. A deadline 8 to 30 days away is due
 * its 30-day reminder, 2 to 7 days its 7-day one, 0 or 1 day its 1-day one: a day the job did not
 * run (an instance down over a weekend) is caught up the next, and each offset still goes once.
 * Deadlines: a draft's filing date, a submitted or reviewed application's expected decision, a granted
 * aid's spending date. Recipients: editors and administrators of the applicant territory and of the
 * project's lead territory, enabled, who can read the project now (partners-only projects reach only
 * their partners' members), and who have not moved reminders to a digest or turned them off.
 */
export async function findDueReminders(db: Kysely<Database>, today: string, limit = 5000): Promise<DueReminder[]> {
  const { rows } = await sql<{
    application_id: string;
    kind: ReminderDeadlineKind;
    deadline_on: string;
    days_left: number;
    project_id: string;
    project_title: string;
    programme_name: string;
    funder_name: string;
    applicant_name: string;
    user_id: string;
    email: string;
    name: string;
    locale: Locale;
  }>`
    with due as (
      select a.id as application_id, k.kind, k.day as deadline_on, (k.day - ${today}::date) as days_left,
             a.project_id, a.applicant_territory_id, p.title as project_title, p.visibility,
             pr.name as programme_name, f.name as funder_name, t.name as applicant_name
      from funding_applications a
      join projects p on p.id = a.project_id
      join funding_programmes pr on pr.id = a.programme_id
      join funders f on f.id = pr.funder_id
      join territories t on t.id = a.applicant_territory_id
      cross join lateral (values
        ('submission', a.submission_deadline, a.status = 'draft'),
        ('decision', a.decision_on, a.status in ('submitted', 'under_review')),
        ('spending', a.spending_deadline, a.status = 'granted')
      ) as k(kind, day, open)
      where k.open and k.day between ${today}::date and ${today}::date + 30 and p.archived_at is null
    ),
    offsets as (
      select due.*, case when days_left <= 1 then 1 when days_left <= 7 then 7 else 30 end as offset_days from due
    )
    select distinct on (o.application_id, o.kind, u.id)
      o.application_id, o.kind, to_char(o.deadline_on, 'YYYY-MM-DD') as deadline_on, o.days_left,
      o.project_id, o.project_title, o.programme_name, o.funder_name, o.applicant_name,
      u.id as user_id, u.email, u.name, u.locale
    from offsets o
    join memberships m on m.role in ('editor', 'admin') and (
      m.territory_id = o.applicant_territory_id
      or exists (
        select 1 from project_partners lp
        where lp.project_id = o.project_id and lp.role = 'lead' and lp.territory_id = m.territory_id
      )
    )
    join users u on u.id = m.user_id and u.disabled_at is null
    where (
      o.visibility = 'network' or u.is_instance_admin or exists (
        select 1 from project_partners vp join memberships vm on vm.territory_id = vp.territory_id
        where vp.project_id = o.project_id and vm.user_id = u.id
      )
    )
    and not exists (
      select 1 from deadline_reminders_sent r
      where r.application_id = o.application_id and r.deadline_kind = o.kind
        and r.offset_days = o.offset_days and r.user_id = u.id
    )
    and coalesce(
      (select mp.delivery from mail_preferences mp where mp.user_id = u.id and mp.category = 'reminder'),
      'immediately'
    ) = 'immediately'
    order by o.application_id, o.kind, u.id
    limit ${limit}
  `.execute(db);
  return rows.map((row) => {
    const daysLeft = Number(row.days_left);
    return {
      applicationId: row.application_id,
      kind: row.kind,
      deadlineOn: row.deadline_on,
      daysLeft,
      offset: reminderOffsetFor(daysLeft) ?? 1,
      projectId: row.project_id,
      projectTitle: row.project_title,
      programmeName: row.programme_name,
      funderName: row.funder_name,
      applicantName: row.applicant_name,
      userId: row.user_id,
      email: row.email,
      name: row.name,
      locale: row.locale,
    };
  });
}

/**
 * Records a reminder as given, inside the transaction that queues its message. False when it was
 * already recorded: a concurrent transaction of another instance waits here on the primary key
 * until the first commits, then finds the row and writes nothing.
 */
export async function recordReminder(trx: Transaction<Database>, reminder: DueReminder): Promise<boolean> {
  const inserted = await trx
    .insertInto("deadline_reminders_sent")
    .values({
      application_id: reminder.applicationId,
      deadline_kind: reminder.kind,
      offset_days: reminder.offset,
      user_id: reminder.userId,
      deadline_on: reminder.deadlineOn,
    })
    .onConflict((oc) => oc.doNothing())
    .returning("application_id")
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function linkReminderMessage(
  trx: Transaction<Database>,
  reminder: DueReminder,
  outboxId: string,
): Promise<void> {
  await trx
    .updateTable("deadline_reminders_sent")
    .set({ outbox_id: outboxId })
    .where("application_id", "=", reminder.applicationId)
    .where("deadline_kind", "=", reminder.kind)
    .where("offset_days", "=", reminder.offset)
    .where("user_id", "=", reminder.userId)
    .execute();
}
