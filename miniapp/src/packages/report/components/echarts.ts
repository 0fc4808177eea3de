/*
 * ECharts, built with only what the report charts draw: bars and lines on a grid, with a legend
 * and a tooltip, on canvas (the only renderer WeChat has). Imported from this subpackage alone,
 * so that the library never reaches the main package.
 */
import * as echarts from 'echarts/core'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

export { echarts }
