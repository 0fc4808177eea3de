import { useMemo, useRef } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import Echarts, { type EChartOption } from 'taro-react-echarts'
import { chartWidth, type ChartOption, type ChartPick } from '../report-view'
import { echarts } from './echarts'

interface Props {
  /** The wrapper's id; the canvas gets `<id>-canvas` (unique on the page). */
  id: string
  option: ChartOption
  height: number
  /** A tap on a bar or a point. */
  onPick?: (pick: ChartPick) => void
}

/**
 * One chart, a fixed number of pixels wide: the canvas cannot size itself from the layout on
 * WeChat, and on h5 a width left to the container is measured before the page has one.
 */
export function ReportChart({ id, option, height, onPick }: Props) {
  const width = useMemo(() => chartWidth(Taro.getSystemInfoSync().windowWidth), [])
  const style = useMemo(() => ({ width: `${width}px`, height: `${height}px` }), [width, height])
  // The library re-creates the chart whenever onEvents changes identity: keep it stable and
  // read the latest handler through a ref.
  const pickRef = useRef(onPick)
  pickRef.current = onPick
  const events = useMemo(() => ({ click: (params: ChartPick) => pickRef.current?.({ seriesIndex: params.seriesIndex, dataIndex: params.dataIndex }) }), [])
  return (
    <View id={id} className='report-chart' style={{ height: `${height}px` }}>
      {/* isPage false: the chart mounts after the data arrives, long after the page's onReady. */}
      <Echarts echarts={echarts} canvasId={`${id}-canvas`} option={option as EChartOption} style={style} isPage={false} onEvents={events} />
    </View>
  )
}
