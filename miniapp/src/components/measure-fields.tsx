import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import type { FieldErrors } from '@shared/errors'
import { MEASURE_TEXT_MAX } from '@shared/schemas/appeal.schema'
import { FormField } from './form-field'
import './measure-fields.css'

export interface MeasureValues {
  measureText: string
  measureUnit: string
  measureDueDate: string
}

/** 解决措施: what will be done, by which unit, by when. Ids are `<idPrefix>-text|unit|due`. */
export function MeasureFields(props: {
  idPrefix: string
  values: MeasureValues
  fields: FieldErrors
  onChange: (name: keyof MeasureValues, value: string) => void
}) {
  const { values, fields, idPrefix } = props
  return (
    <View>
      <FormField label='解决措施' required error={fields.measureText} counter={{ length: values.measureText.trim().length, max: MEASURE_TEXT_MAX }}>
        <Textarea
          id={`${idPrefix}-text`}
          className='textarea textarea-short'
          value={values.measureText}
          maxlength={MEASURE_TEXT_MAX}
          placeholder='将做什么'
          onInput={(e) => props.onChange('measureText', e.detail.value)}
        />
      </FormField>
      <FormField label='措施责任单位' required error={fields.measureUnit}>
        <Input id={`${idPrefix}-unit`} className='input' value={values.measureUnit} placeholder='如：国网湘潭供电公司' onInput={(e) => props.onChange('measureUnit', e.detail.value)} />
      </FormField>
      <FormField label='完成时限' required error={fields.measureDueDate}>
        <Picker mode='date' value={values.measureDueDate} onChange={(e) => props.onChange('measureDueDate', String(e.detail.value))}>
          <View id={`${idPrefix}-due`} className='input measure-due'>
            {values.measureDueDate || <Text className='muted'>请选择完成时限</Text>}
          </View>
        </Picker>
      </FormField>
    </View>
  )
}
