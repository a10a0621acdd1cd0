/** What people type for a module, resolved against their own catalogue's codes. */
import { describe, expect, it } from 'vitest'
import { moduleNumberAlias, resolveModuleCode } from '../../src/rules/index.ts'

const TT19 = ['GVPT 01', 'GVPT 11', 'GVPT 13']
const THCS = ['THCS 1', 'THCS 2', 'THCS 12', 'THCS 19', 'THCS 20']

describe('resolveModuleCode', () => {
  it('reads a code with or without the space, the leading zero and the case', () => {
    for (const typed of ['GVPT 01', 'GVPT 1', 'GVPT01', 'gvpt 01', 'gvpt1', ' Gvpt-01 '])
      expect(resolveModuleCode(typed, TT19), typed).toBe('GVPT 01')
    for (const typed of ['THCS 12', 'THCS12', 'thcs 012'])
      expect(resolveModuleCode(typed, THCS), typed).toBe('THCS 12')
  })

  it('reads "mô đun N" as the one module of the catalogue numbered N', () => {
    for (const typed of [
      'Mô đun 1',
      'mô đun 01',
      'Mo dun 1',
      'modun 1',
      'Module 1',
      'MĐ 1',
      'md1',
      'Mô-đun 1',
    ])
      expect(resolveModuleCode(typed, TT19), typed).toBe('GVPT 01')
    expect(resolveModuleCode('modun 19', THCS)).toBe('THCS 19')
    expect(resolveModuleCode('Mô đun 20', THCS)).toBe('THCS 20')
  })

  it('names nothing when no module or more than one fits', () => {
    expect(resolveModuleCode('Mô đun 2', TT19)).toBeUndefined()
    expect(resolveModuleCode('GVPT 02', TT19)).toBeUndefined()
    expect(resolveModuleCode('THPT 01', TT19)).toBeUndefined()
    // two catalogues' modules numbered 1: ambiguous
    expect(resolveModuleCode('mô đun 1', ['THPT 1', 'QLTrH 1'])).toBeUndefined()
    expect(resolveModuleCode('1', TT19)).toBeUndefined()
    expect(resolveModuleCode('mô đun', TT19)).toBeUndefined()
  })

  it('tells a bare module number from a code', () => {
    expect(moduleNumberAlias('Mô đun 19')).toBe(19)
    expect(moduleNumberAlias('modun số 9')).toBe(9)
    expect(moduleNumberAlias('THPT 19')).toBeNull()
    expect(moduleNumberAlias('mô đun thiết bị')).toBeNull()
  })
})
