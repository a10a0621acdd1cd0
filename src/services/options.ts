/** What every service is constructed with: the stores and a clock (tests move the clock). */
import type { RegulationProfile } from '../rules/index.ts'
import type { Stores } from '../store/stores.ts'

export interface ServiceOptions {
  /** the current instant; `() => new Date()` unless a test sets it */
  now: () => Date
  /**
   * the regulation a new school year starts with, by its first calendar year; `defaultProfileFor`
   * (TT 19/2019 from 2019-2020) unless a test restating the TT 26 seeds on today's clock sets it
   */
  profileFor?: (startYear: number) => RegulationProfile
}

export interface ServiceContext extends ServiceOptions {
  stores: Stores
}
