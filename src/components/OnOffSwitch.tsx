import { Switch } from '@tarojs/components'
import { COLOUR } from '../styles/tokens'

interface Props {
  /** The setting's name, said by a screen reader with its state, e.g. 长辈模式. */
  name: string
  on: boolean
  onChange: (on: boolean) => void
}

/**
 * A setting that is on or off. On H5 a button with the switch role (announced
 * as "长辈模式, 开关, 已开启"), drawn as a track and knob with 开 / 关 written
 * beside it, so the state never rests on colour; WeChat's own switch in the
 * mini-program.
 */
export function OnOffSwitch({ name, on, onChange }: Props) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <button type="button" role="switch" aria-checked={on} aria-label={name} className={`switch ${on ? 'switch--on' : ''}`} onClick={() => onChange(!on)}>
        <span className="switch__track" aria-hidden="true">
          <span className="switch__knob" />
        </span>
        <span className="switch__state" aria-hidden="true">
          {on ? '开' : '关'}
        </span>
      </button>
    )
  }
  return <Switch checked={on} color={COLOUR.brand} ariaLabel={name} onChange={(event) => onChange(Boolean(event.detail.value))} />
}
