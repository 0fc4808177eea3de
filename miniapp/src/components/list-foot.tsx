import { Button, Text, View } from '@tarojs/components'
import type { PagedList } from '../hooks/use-paged-list'

/** Under a paged list: loading, retry of a failed page, 加载更多, or the end. */
export function ListFoot<T>({ list }: { list: PagedList<T> }) {
  if (list.loadingMore) return <View className='list-foot'>加载中…</View>
  if (list.moreError) {
    return (
      <View className='list-foot'>
        <Text className='field-error'>{list.moreError.message}</Text>
        <Button className='btn btn-outline btn-small load-more' onClick={() => void list.loadMore()}>
          重试
        </Button>
      </View>
    )
  }
  if (list.hasMore) {
    return (
      <View className='list-foot'>
        <Button id='load-more' className='btn btn-outline btn-small load-more' onClick={() => void list.loadMore()}>
          加载更多
        </Button>
      </View>
    )
  }
  return <View className='list-foot'>没有更多了</View>
}
