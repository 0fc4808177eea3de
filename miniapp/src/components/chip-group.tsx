import { View } from '@tarojs/components'

export interface ChipOption<T extends string> {
  value: T
  label: string
}

/**
 * A row of tappable choices, one selected (or several, given an array): friendlier on a phone
 * than a wheel picker for a dozen options. Each chip has the id `<idPrefix>-<value>` for tests
 * and accessibility tools.
 */
export function ChipGroup<T extends string>(props: {
  idPrefix: string
  options: readonly ChipOption<T>[]
  selected: T | readonly T[] | null | undefined
  onSelect: (value: T) => void
  /** What is being chosen, for screen readers (the field's label). */
  label?: string
}) {
  const isSelected = (value: T) => (Array.isArray(props.selected) ? props.selected.includes(value) : props.selected === value)
  // Screen readers hear a group of radio buttons (or checkboxes, for several) and which is chosen.
  const several = Array.isArray(props.selected)
  return (
    <View className='chips' role={several ? 'group' : 'radiogroup'} aria-label={props.label}>
      {props.options.map((option) => (
        <View
          key={option.value}
          id={`${props.idPrefix}-${option.value}`}
          className={isSelected(option.value) ? 'chip chip-selected' : 'chip'}
          role={several ? 'checkbox' : 'radio'}
          aria-checked={isSelected(option.value)}
          onClick={() => props.onSelect(option.value)}
        >
          {option.label}
        </View>
      ))}
    </View>
  )
}
