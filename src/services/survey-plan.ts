/**
 * The survey seeds next year's plan (issue 15 item 4): when a person opens their own plan in the
 * year a survey was for and it has never had a module, the modules they asked for that fit their
 * catalogue are added, through PlanService.addModule so the rule engine still judges each one.
 */

import type { Stores } from '../store/stores.ts'
import type { Actor } from './access.ts'
import type { PlanView } from './plan-view.ts'
import type { PlanService } from './plans.ts'

/** The plan after seeding (the same view when there was nothing to seed). */
export async function seedPlanFromSurvey(
  stores: Stores,
  plans: PlanService,
  actor: Actor,
  view: PlanView,
): Promise<PlanView> {
  if (view.modules.length > 0 || view.plan.status !== 'draft') return view
  // once only: a plan whose owner already added or removed modules is theirs to shape
  const touched = await stores.db
    .selectFrom('plan_events')
    .select('id')
    .where('plan_id', '=', view.plan.id)
    .where('action', 'in', ['add-module', 'remove-module'])
    .executeTakeFirst()
  if (touched) return view
  const ids = await surveyedModules(stores, view.person.id, view.person.schoolId, view.year.name)
  let current = view
  for (const moduleId of ids) {
    const added = await plans.addModule(actor, { planId: view.plan.id, moduleId })
    // a module that no longer fits (another catalogue, another programme) is skipped
    if (added.ok) current = added.value
  }
  return current
}

/** The module ids a person asked for in the survey for the school year named `yearName`. */
export async function surveyedModules(
  stores: Stores,
  personId: number,
  schoolId: number,
  yearName: string,
): Promise<number[]> {
  const rows = await stores.db
    .selectFrom('survey_items')
    .innerJoin('survey_answers', 'survey_answers.id', 'survey_items.answer_id')
    .innerJoin('surveys', 'surveys.id', 'survey_answers.survey_id')
    .select('survey_items.item')
    .where('surveys.school_id', '=', schoolId)
    .where('surveys.year_name', '=', yearName)
    .where('survey_answers.person_id', '=', personId)
    .orderBy('survey_items.id')
    .execute()
  return rows.filter((r) => r.item.startsWith('m:')).map((r) => Number(r.item.slice(2)))
}
