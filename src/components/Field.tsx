import { Input, Picker, Textarea, View, Text } from '@tarojs/components'
import { textLength } from '../domain/validation'

interface FieldProps {
  /** Unique on the page: ties the label, the input and the error together. */
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  error?: string | null
  hint?: string
  placeholder?: string
  required?: boolean
  /** Shows a live count; longer text is kept and flagged, never cut off. */
  maxChars?: number
  multiline?: boolean
  /** date (YYYY-MM-DD) and time (HH:mm) open the phone's own picker: nothing to type wrong. */
  type?: 'text' | 'tel' | 'digit' | 'date' | 'time'
  /** The keyboard's Enter (搜索 on phones) does this, e.g. run a search. */
  onConfirm?: () => void
}

/**
 * One labelled form field with its error right under it. On H5 a native
 * <input>/<textarea> with a real <label>; WeChat's own components in the
 * mini-program. Nothing typed is ever truncated: too long is an error to fix.
 */
export function Field(props: FieldProps) {
  const { id, label, value, onChange, error, hint, placeholder, required, maxChars, multiline, type = 'text', onConfirm } = props
  const count = maxChars ? `${textLength(value)}/${maxChars}` : null
  const over = maxChars ? textLength(value) > maxChars : false
  const errorId = `${id}-error`
  return (
    <View className={`field ${error ? 'field--error' : ''}`}>
      <View className="field__top">
        {process.env.TARO_ENV === 'h5' ? (
          <label className="field__label" htmlFor={id}>
            {label}
            {required && <span className="field__required"> *</span>}
          </label>
        ) : (
          <Text className="field__label">
            {label}
            {required && <Text className="field__required"> *</Text>}
          </Text>
        )}
        {count && <Text className={`field__count ${over ? 'field__count--over' : ''}`}>{count}</Text>}
      </View>
      {process.env.TARO_ENV === 'h5' ? (
        multiline ? (
          <textarea
            id={id}
            className="field__input field__input--multi"
            value={value}
            placeholder={placeholder}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => onChange(e.target.value)}
          />
        ) : (
          <input
            id={id}
            className="field__input"
            value={value}
            type={type === 'tel' || type === 'date' || type === 'time' ? type : 'text'}
            inputMode={type === 'digit' ? 'decimal' : type === 'tel' ? 'tel' : undefined}
            placeholder={placeholder}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? errorId : undefined}
            enterKeyHint={onConfirm ? 'search' : undefined}
            onChange={(e) => onChange(e.target.value)}
            onKeyDown={onConfirm ? (e) => e.key === 'Enter' && onConfirm() : undefined}
          />
        )
      ) : multiline ? (
        <Textarea
          className="field__input field__input--multi"
          value={value}
          placeholder={placeholder}
          ariaLabel={label}
          maxlength={-1}
          onInput={(e) => onChange(e.detail.value)}
        />
      ) : type === 'date' || type === 'time' ? (
        <Picker mode={type} value={value} onChange={(e) => onChange(String(e.detail.value))}>
          <View className={`field__input field__picker ${value ? '' : 'field__picker--empty'}`} ariaLabel={`${label}：${value || '请选择'}`} ariaRole="button">
            {value || placeholder || '请选择'}
          </View>
        </Picker>
      ) : (
        <Input
          className="field__input"
          value={value}
          type={type === 'tel' ? 'number' : type}
          placeholder={placeholder}
          ariaLabel={label}
          maxlength={-1}
          confirmType={onConfirm ? 'search' : 'done'}
          onConfirm={onConfirm}
          onInput={(e) => onChange(e.detail.value)}
        />
      )}
      {error ? (
        <View id={errorId} className="field__error" role="alert">
          {error}
        </View>
      ) : (
        hint && <Text className="field__hint">{hint}</Text>
      )}
    </View>
  )
}

interface ChoiceProps<T extends string> {
  label: string
  options: readonly T[]
  value: T | null
  onChange: (value: T) => void
  error?: string | null
  required?: boolean
}

/** A row of large buttons for picking one option: no dropdowns for elders. */
export function Choice<T extends string>({ label, options, value, onChange, error, required }: ChoiceProps<T>) {
  return (
    <View className={`field ${error ? 'field--error' : ''}`} role="radiogroup" ariaLabel={label}>
      <Text className="field__label">
        {label}
        {required && <Text className="field__required"> *</Text>}
      </Text>
      <View className="choice">
        {options.map((option) =>
          process.env.TARO_ENV === 'h5' ? (
            <button
              key={option}
              type="button"
              role="radio"
              aria-checked={option === value}
              className={`btn choice__item ${option === value ? 'choice__item--on' : ''}`}
              onClick={() => onChange(option)}
            >
              {option}
            </button>
          ) : (
            <View
              key={option}
              className={`btn choice__item ${option === value ? 'choice__item--on' : ''}`}
              role="radio"
              onClick={() => onChange(option)}
            >
              {option}
            </View>
          ),
        )}
      </View>
      {error && (
        <View className="field__error" role="alert">
          {error}
        </View>
      )}
    </View>
  )
}
