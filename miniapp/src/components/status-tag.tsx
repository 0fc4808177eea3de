import { Text } from '@tarojs/components'
import type { AppealStatus } from '@shared/schemas/appeal.schema'
import { STATUS_LABEL } from '@shared/labels'

export function StatusTag({ status, id }: { status: AppealStatus; id?: string }) {
  return (
    <Text id={id} className={`status-tag status-${status}`}>
      {STATUS_LABEL[status]}
    </Text>
  )
}
