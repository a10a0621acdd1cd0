/**
 * The numbered migrations, in order. Each file exports `up` and works on SQLite and PostgreSQL
 * alike (text timestamps in ISO-8601 UTC, integers, text JSON).
 */
import type { Migration } from 'kysely'
import * as m0001 from './0001_foundation.ts'
import * as m0002 from './0002_schools_people_plans.ts'
import * as m0003 from './0003_outbox.ts'
import * as m0004 from './0004_grades.ts'
import * as m0005 from './0005_calendar.ts'
import * as m0017 from './0017_refold_name_keys.ts'
import * as m0040 from './0040_notification_settings.ts'
import * as m0055 from './0055_join_requests.ts'
import * as m0065 from './0065_instances.ts'
import * as m0075 from './0075_personal_reminders.ts'
import * as m0080 from './0080_catalogue_profiles.ts'
import * as m0085 from './0085_staff_records.ts'
import * as m0090 from './0090_courses.ts'
import * as m0091 from './0091_course_invitees.ts'
import * as m0095 from './0095_surveys.ts'
import * as m0115 from './0115_due_in_order.ts'
import * as m0120 from './0120_send_slots.ts'
import * as m0125 from './0125_chat_turns.ts'
import * as m0130 from './0130_progress_shown.ts'
import * as m0135 from './0135_reminder_batches.ts'
import * as m0140 from './0140_outbox_person_label.ts'

export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_schools_people_plans': m0002,
  '0003_outbox': m0003,
  '0004_grades': m0004,
  '0005_calendar': m0005,
  '0040_notification_settings': m0040,
  '0017_refold_name_keys': m0017,
  '0075_personal_reminders': m0075,
  '0065_instances': m0065,
  '0090_courses': m0090,
  '0091_course_invitees': m0091,
  '0095_surveys': m0095,
  '0085_staff_records': m0085,
  '0080_catalogue_profiles': m0080,
  '0055_join_requests': m0055,
  '0120_send_slots': m0120,
  '0125_chat_turns': m0125,
  '0130_progress_shown': m0130,
  '0135_reminder_batches': m0135,
  '0140_outbox_person_label': m0140,
  '0115_due_in_order': m0115,
}
