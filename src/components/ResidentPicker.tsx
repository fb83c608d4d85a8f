import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { api, type GridSummary, type ResidentRef, type ResidentSummary, type User } from '../api'
import { RESIDENT_NAME_RULE, isHelperRole, validateResidentRef } from '../domain/onBehalf'
import type { FieldErrors } from '../domain/validation'
import { Action } from './Action'
import { Choice, Field } from './Field'

/** Whether this user may act for residents (代办). */
export const isHelper = (user: User | null): boolean => user !== null && isHelperRole(user.role)

/** The resident to start 代办 with: nobody chosen yet, in the helper's own grid. */
export const blankResident = (helper: User): ResidentRef => ({ name: '', phone: '', gridCode: helper.gridCode ?? '' })

/** Whom a booking or an application names: the resident acted for, or the user themselves. */
export const personFor = (resident: ResidentRef | null, user: User): { name: string; phone: string } =>
  resident ? { name: resident.name ?? '', phone: resident.phone ?? '' } : { name: user.name, phone: user.phone }

/**
 * The resident a form is for: null when the user acts for themselves. Staff
 * start with 代办 (they never book or apply for themselves); volunteers choose.
 */
export function useResidentChoice(user: User | null) {
  const [chosen, setChosen] = useState<ResidentRef | null | undefined>(undefined)
  const forResident = chosen !== undefined ? chosen : user?.role === 'staff' ? blankResident(user) : null
  return { forResident, setForResident: setChosen }
}

/** Local checks of the resident part of a form: none when the helper acts for themselves. */
export const residentErrors = (value: ResidentRef | null | undefined): FieldErrors => (value ? validateResidentRef(value) : {})

const SELF = '为自己办理'
const OTHER = '为居民代办'

interface Props {
  helper: User
  /** null: the helper acts for themselves (only when allowSelf). */
  value: ResidentRef | null
  /** Volunteers may book and apply for themselves too; staff, and wishes, are 代办 only. */
  allowSelf: boolean
  errors: FieldErrors
  onChange: (value: ResidentRef | null, field: string) => void
}

/**
 * 代办: choose a resident of the grid, or enter one first met at the door
 * (name, phone, grid). The record will belong to that resident, who sees it
 * when signing in with that phone.
 */
export function ResidentPicker({ helper, value, allowSelf, errors, onChange }: Props) {
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<ResidentSummary[]>([])
  const [grids, setGrids] = useState<GridSummary[]>([])
  const staff = helper.role === 'staff'
  const acting = value !== null

  useEffect(() => {
    if (!acting) return
    // Searching as one types; a late answer for an older query is dropped.
    let current = true
    const timer = setTimeout(() => {
      api.listResidents(query.trim()).then(
        (list) => current && setFound(list),
        () => current && setFound([]),
      )
    }, 250)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [query, acting])

  useEffect(() => {
    api.listCommunities().then((list) => setGrids(list.flatMap((c) => c.grids)), () => setGrids([]))
  }, [])

  const entered = value && !value.id ? value : blankResident(helper)
  const enter = (patch: ResidentRef, field: string) => onChange({ ...entered, ...patch, id: undefined }, field)
  const gridName = (code: string | undefined) => grids.find((g) => g.code === code)?.name ?? ''

  return (
    <View className="card form" role="group" ariaLabel="代办">
      <Text className="card__title">代办</Text>
      <Text className="muted-line">为没有智能手机的居民办理。记录归居民本人，居民以后用这个手机号登录就能看到。</Text>
      {allowSelf && (
        <Choice
          label="为谁办理"
          options={[SELF, OTHER]}
          value={value ? OTHER : SELF}
          onChange={(choice) => onChange(choice === OTHER ? blankResident(helper) : null, 'forResident')}
        />
      )}
      {value && (
        <>
          <Field
            id="resident-search"
            label={staff ? '查找居民' : '查找本网格居民'}
            placeholder="姓名，或手机号后四位"
            value={query}
            error={errors.q}
            onChange={setQuery}
          />
          {found.length > 0 && (
            <View className="choice" role="group" ariaLabel="选择居民">
              {found.map((r) => (
                <Action
                  key={r.id}
                  className={`choice__item ${value.id === r.id ? 'choice__item--on' : ''}`}
                  pressed={value.id === r.id}
                  label={`选择居民 ${r.name} ${r.phone}`}
                  onClick={() => onChange({ id: r.id, name: r.name }, 'forResident')}
                >
                  {r.name} {r.phone}
                </Action>
              ))}
            </View>
          )}
          {value.id ? (
            <Text className="muted-line">已选择：{value.name}。要为其他人办理，请重新选择或在下面填写。</Text>
          ) : (
            <Text className="muted-line">没有找到这位居民？请填写：</Text>
          )}
          <Field id="resident-name" label="居民姓名" required maxChars={RESIDENT_NAME_RULE.max} value={entered.name ?? ''} error={errors.residentName} onChange={(name) => enter({ name }, 'residentName')} />
          <Field id="resident-phone" label="居民手机号" required type="tel" hint="居民用这个号码登录后能看到记录" value={entered.phone ?? ''} error={errors.residentPhone} onChange={(phone) => enter({ phone }, 'residentPhone')} />
          {staff ? (
            <Choice
              label="居民所在网格"
              required
              options={grids.map((g) => g.name)}
              value={gridName(entered.gridCode) || null}
              error={errors.residentGrid}
              onChange={(name) => enter({ gridCode: grids.find((g) => g.name === name)?.code }, 'residentGrid')}
            />
          ) : (
            <Text className="muted-line">居民所在网格：与您相同（{gridName(helper.gridCode ?? '') || helper.gridCode}）</Text>
          )}
          {errors.forResident && (
            <View className="field__error" role="alert">
              {errors.forResident}
            </View>
          )}
        </>
      )}
    </View>
  )
}
