/** What every service is constructed with: the stores and a clock (tests move the clock). */
import type { Stores } from '../store/stores.ts'

export interface ServiceOptions {
  /** the current instant; `() => new Date()` unless a test sets it */
  now: () => Date
}

export interface ServiceContext extends ServiceOptions {
  stores: Stores
}
